import { loadConfig } from '@qualicoop/platform';
import { sdkTelemetryOptions, stageCounts, WorkerMetrics } from './worker-metrics';

const figures = {
  candidaciesByStage: { draft: 2, labelled: 1 },
  remindersSent: 4,
  notifications: { pending: 3, sending: 0, sent: 10, failed: 1 },
  oldestUnsentNotificationSeconds: 42.5,
  projectionDelaySeconds: 0.08,
};

describe('sdkTelemetryOptions', () => {
  it('is off by default and binds the SDK exporter where configured', () => {
    expect(sdkTelemetryOptions(loadConfig({}))).toBeUndefined();
    expect(
      sdkTelemetryOptions(loadConfig({ QC_WORKER_SDK_METRICS_PORT: '9465', QC_WORKER_METRICS_HOST: '0.0.0.0' })),
    ).toEqual({ metrics: { prometheus: { bindAddress: '0.0.0.0:9465' } } });
  });
});

describe('stageCounts', () => {
  it('lists every known stage, 0 when empty, and keeps a stage it does not know', () => {
    const counts = new Map(stageCounts({ draft: 2, legacy_stage: 1 }));
    expect(counts.get('draft')).toBe(2);
    expect(counts.get('labelled')).toBe(0);
    expect(counts.get('legacy_stage')).toBe(1);
  });
});

describe('WorkerMetrics', () => {
  it('reads the figures at scrape time', async () => {
    const text = await new WorkerMetrics(() => Promise.resolve(figures)).scrape();
    expect(text).toContain('qc_worker_database_figures_up 1');
    expect(text).toContain('qc_candidacies{stage="draft"} 2');
    expect(text).toContain('qc_candidacies{stage="submitted"} 0');
    expect(text).toContain('qc_reminders_sent 4');
    expect(text).toContain('qc_notifications{status="failed"} 1');
    expect(text).toContain('qc_notification_oldest_unsent_age_seconds 42.5');
    expect(text).toContain('qc_projection_delay_seconds 0.08');
  });

  it('answers with figures_up 0 and no stale figures when the database is away', async () => {
    let up = true;
    const logged: string[] = [];
    const metrics = new WorkerMetrics(
      () => (up ? Promise.resolve(figures) : Promise.reject(new Error('down'))),
      (line) => logged.push(line),
    );
    await metrics.scrape();
    up = false;
    const text = await metrics.scrape();
    expect(text).toContain('qc_worker_database_figures_up 0');
    expect(text).not.toContain('qc_candidacies{');
    expect(logged).toEqual([expect.stringContaining('Error: down')]);
  });
});
