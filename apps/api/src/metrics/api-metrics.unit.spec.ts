import { ApiMetrics, routeLabel, temporalOutcome } from './api-metrics';

describe('routeLabel', () => {
  it('names a matched request by its route template, not its path', () => {
    expect(routeLabel({ route: { path: '/candidacies/:id' }, originalUrl: '/candidacies/7f0c?x=1' })).toBe(
      '/candidacies/:id',
    );
  });

  it('gives the console and unknown paths one fixed label each', () => {
    expect(routeLabel({ originalUrl: '/console/assets/index-abc.js' })).toBe('/console');
    expect(routeLabel({ originalUrl: '/console' })).toBe('/console');
    expect(routeLabel({ originalUrl: '/wp-admin/1234' })).toBe('unmatched');
    expect(routeLabel({})).toBe('unmatched');
  });
});

describe('temporalOutcome', () => {
  const named = (name: string) => Object.assign(new Error('x'), { name });

  it('maps the SDK errors the API handles to a small fixed set', () => {
    expect(temporalOutcome(named('WorkflowExecutionAlreadyStartedError'))).toBe('already_started');
    expect(temporalOutcome(named('WorkflowNotFoundError'))).toBe('not_found');
    expect(temporalOutcome(named('WorkflowUpdateRPCTimeoutOrCancelledError'))).toBe('timeout');
    expect(temporalOutcome(named('ServiceError'))).toBe('error');
    expect(temporalOutcome('not an error')).toBe('error');
  });
});

describe('ApiMetrics', () => {
  it('exposes requests and Temporal calls with their labels, and the process metrics', async () => {
    const metrics = new ApiMetrics();
    metrics.observeRequest('GET', '/candidacies/:id', 200, 0.02);
    metrics.observeTemporalCall('update', 'refused', 0.1);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'http_server_request_duration_seconds_count{method="GET",route="/candidacies/:id",status="200"} 1',
    );
    expect(text).toContain('qc_temporal_client_call_duration_seconds_count{call="update",outcome="refused"} 1');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('never throws while recording', () => {
    const metrics = new ApiMetrics();
    expect(() => metrics.observeRequest('GET', '/x', 200, Number.NaN)).not.toThrow();
  });
});
