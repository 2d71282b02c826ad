/**
 * The worker's own metrics (prom-client), on a small HTTP endpoint of its own: what the database
 * says about candidacies, reminders and the notification outbox, read at each scrape. The Temporal
 * SDK's metrics are served apart, by the SDK's exporter (`sdkTelemetryOptions`).
 *
 * Every worker reads the same database, so every worker reports the same figures: aggregate them
 * with `max`, not `sum` (docs/operations.md).
 */
import { createServer, Server } from 'node:http';
import { Gauge, Registry } from 'prom-client';
import type { RuntimeOptions } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { STAGES } from '@qualicoop/domain';
import { OperationsFigures, readOperationsFigures } from '@qualicoop/persistence';
import type { RuntimeConfig } from '@qualicoop/platform';

/** The SDK's Prometheus exporter (names prefixed `temporal_`, durations in ms), or none when off. */
export function sdkTelemetryOptions(config: RuntimeConfig): RuntimeOptions['telemetryOptions'] | undefined {
  const { host, sdkPort } = config.workerMetrics;
  return sdkPort > 0 ? { metrics: { prometheus: { bindAddress: `${host}:${sdkPort}` } } } : undefined;
}

/** Every known stage, 0 when none is there, so that a stage that empties reads 0 rather than vanishing. */
export function stageCounts(byStage: Record<string, number>): Array<[string, number]> {
  const known = STAGES.map((stage): [string, number] => [stage, byStage[stage] ?? 0]);
  const unknown = Object.entries(byStage).filter(([stage]) => !(STAGES as readonly string[]).includes(stage));
  return [...known, ...unknown];
}

export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [this.registry] });
  private readonly up = this.gauge('qc_worker_database_figures_up', '1 when the last scrape could read the database');
  private readonly candidacies = this.gauge('qc_candidacies', 'Candidacies in the read model, by stage', ['stage']);
  private readonly reminders = this.gauge('qc_reminders_sent', 'ReminderSent events in the event store, all time');
  private readonly notifications = this.gauge('qc_notifications', 'Notification outbox rows, by status', ['status']);
  private readonly oldestUnsent = this.gauge(
    'qc_notification_oldest_unsent_age_seconds',
    'Age of the oldest outbox row not yet sent (pending or sending); 0 when none',
  );
  private readonly projectionDelay = this.gauge(
    'qc_projection_delay_seconds',
    'Longest recorded_at - occurred_at among events recorded in the last 5 min (last 100 at most); 0 when none',
  );

  constructor(
    private readonly read: () => Promise<OperationsFigures>,
    private readonly log: (line: string) => void = (line) => console.log(line),
  ) {}

  /** The exposition text; a database away makes `qc_worker_database_figures_up` 0, not a failed scrape. */
  async scrape(): Promise<string> {
    const figures = await this.read().catch((e: unknown) => {
      this.log(JSON.stringify({ level: 'warn', msg: 'metrics: database figures unreadable', error: String(e) }));
      return undefined;
    });
    for (const g of [this.candidacies, this.reminders, this.notifications, this.oldestUnsent, this.projectionDelay])
      g.reset();
    this.up.set(figures ? 1 : 0);
    if (figures) {
      for (const [stage, count] of stageCounts(figures.candidaciesByStage)) this.candidacies.set({ stage }, count);
      this.reminders.set(figures.remindersSent);
      for (const [status, count] of Object.entries(figures.notifications)) this.notifications.set({ status }, count);
      this.oldestUnsent.set(figures.oldestUnsentNotificationSeconds);
      this.projectionDelay.set(figures.projectionDelaySeconds);
    }
    return this.registry.metrics();
  }
}

/** Serves `GET /metrics` on `host:port`; resolves once listening. */
export async function serveWorkerMetrics(ds: DataSource, host: string, port: number): Promise<Server> {
  const metrics = new WorkerMetrics(() => readOperationsFigures(ds));
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.scrape().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
