/** Times the API's Temporal client calls (a client interceptor, so no call site is touched). */
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { ApiMetrics, temporalOutcome } from './api-metrics';

async function timed<T>(
  metrics: ApiMetrics,
  call: string,
  run: () => Promise<T>,
  outcomeOf: (result: T) => string = () => 'ok',
): Promise<T> {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const result = await run();
    metrics.observeTemporalCall(call, outcomeOf(result), seconds());
    return result;
  } catch (e) {
    metrics.observeTemporalCall(call, temporalOutcome(e), seconds());
    throw e;
  }
}

export function temporalCallMetrics(metrics: ApiMetrics): WorkflowClientInterceptor {
  return {
    startWithDetails: (input, next) => timed(metrics, 'start', () => next(input)),
    // An Update the workflow's validator refused comes back as an outcome with a failure, not an error.
    startUpdate: (input, next) =>
      timed(
        metrics,
        'update',
        () => next(input),
        (out) => (out.outcome?.failure ? 'refused' : out.outcome ? 'ok' : 'accepted'),
      ),
    signal: (input, next) => timed(metrics, 'signal', () => next(input)),
    describe: (input, next) => timed(metrics, 'describe', () => next(input)),
  };
}
