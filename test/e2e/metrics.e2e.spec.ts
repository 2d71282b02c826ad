/**
 * Metrics over real HTTP: the API's GET /metrics counts requests under their route template and
 * times the Temporal calls; the worker's endpoints report the candidacies of this very stack and
 * the Temporal SDK's own metrics (ports given by global-setup, docs/operations.md).
 */
import { sampleDossier } from '@qualicoop/domain';
import { apiUrl, call } from '../support/http';

const COOP = 'coop-metrics';

/** One sample of a Prometheus text exposition: `name{labels} value`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)/.exec(line);
      if (!m) throw new Error(`not an exposition line: ${line}`);
      const labels = Object.fromEntries(
        [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1]!, l[2]!]),
      );
      return { name: m[1]!, labels, value: Number(m[3]) };
    });
}

async function scrape(url: string): Promise<{ status: number; type: string | null; samples: Sample[] }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type'), samples: parse(await res.text()) };
}

const find = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

let candidacyId: string;

beforeAll(async () => {
  await call('POST', '/cooperatives', {
    as: 'federation',
    body: { id: COOP, name: 'Coop Métriques', region: 'Bretagne', email: 'metrics@x.example' },
  });
  const opened = await call('POST', '/candidacies', { as: COOP, body: { cooperativeId: COOP } });
  expect(opened.status).toBe(201);
  candidacyId = opened.body.id;
  // A decision: an Update through Temporal, decided by the workflow.
  expect((await call('PUT', `/candidacies/${candidacyId}/dossier`, { as: COOP, body: sampleDossier() })).status).toBe(
    200,
  );
  for (let i = 0; i < 3; i++) expect((await call('GET', `/candidacies/${candidacyId}`, { as: COOP })).status).toBe(200);
  expect((await call('GET', `/candidacies/${candidacyId}`, { as: 'coop-provence' })).status).toBe(404);
});

describe('the API’s GET /metrics', () => {
  it('counts requests by method, route template and status, never by raw path', async () => {
    const { status, type, samples } = await scrape(`${apiUrl()}/metrics`);
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    const count = (status: string) =>
      find(samples, 'http_server_request_duration_seconds_count', {
        method: 'GET',
        route: '/candidacies/:id',
        status,
      })[0]?.value ?? 0;
    expect(count('200')).toBeGreaterThanOrEqual(3);
    expect(count('404')).toBeGreaterThanOrEqual(1);
    expect(find(samples, 'http_server_request_duration_seconds_count', { method: 'PUT', status: '200' })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ labels: expect.objectContaining({ route: '/candidacies/:id/dossier' }) }),
      ]),
    );
    expect(samples.some((s) => s.labels.route?.includes(candidacyId))).toBe(false);
  });

  it('times the Temporal client calls by outcome, and carries the process metrics', async () => {
    const { samples } = await scrape(`${apiUrl()}/metrics`);
    const calls = (call: string, outcome: string) =>
      find(samples, 'qc_temporal_client_call_duration_seconds_count', { call, outcome })[0]?.value ?? 0;
    expect(calls('start', 'ok')).toBeGreaterThanOrEqual(1);
    expect(calls('update', 'ok')).toBeGreaterThanOrEqual(1);
    expect(find(samples, 'process_resident_memory_bytes')).toHaveLength(1);
    expect(find(samples, 'nodejs_eventloop_lag_p99_seconds')).toHaveLength(1);
  });

  it('is public, outside the rate limits, and not a client operation of the OpenAPI document', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () => fetch(`${apiUrl()}/metrics`).then((r) => r.status)),
    );
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const openapi = (await call('GET', '/openapi.json')).body;
    expect(Object.keys(openapi.paths)).not.toContain('/metrics');
  });
});

describe('the worker’s metrics', () => {
  it('reports the candidacies of this stack by stage, read from the read model', async () => {
    const [open, closed] = await Promise.all(
      [false, true].map((c) => call('GET', `/candidacies?closed=${c}&limit=1`, { as: 'federation' })),
    );
    const { status, samples } = await scrape(process.env.QC_WORKER_METRICS_URL!);
    expect(status).toBe(200);
    expect(find(samples, 'qc_worker_database_figures_up')[0]?.value).toBe(1);
    const byStage = find(samples, 'qc_candidacies');
    expect(byStage.reduce((sum, s) => sum + s.value, 0)).toBe(open!.body.total + closed!.body.total);
    expect(find(samples, 'qc_candidacies', { stage: 'draft' })[0]?.value).toBeGreaterThanOrEqual(1);
    for (const name of [
      'qc_reminders_sent',
      'qc_notification_oldest_unsent_age_seconds',
      'qc_projection_delay_seconds',
    ])
      expect(find(samples, name)).toHaveLength(1);
    expect(
      find(samples, 'qc_notifications')
        .map((s) => s.labels.status)
        .sort(),
    ).toEqual(['failed', 'pending', 'sending', 'sent']);
  });

  it('serves the Temporal SDK’s own metrics, workflow task latencies included', async () => {
    const { status, samples } = await scrape(process.env.QC_WORKER_SDK_METRICS_URL!);
    expect(status).toBe(200);
    expect(find(samples, 'temporal_workflow_task_schedule_to_start_latency_count').length).toBeGreaterThan(0);
    expect(
      find(samples, 'temporal_workflow_completed').length + find(samples, 'temporal_worker_start').length,
    ).toBeGreaterThan(0);
  });
});
