/**
 * The production shape on one machine: PostgreSQL, the full Temporal server on it, several
 * workers and several API instances (each a real process, on the same database and cluster),
 * MailDev. Used by `npm run start:cluster` and the cluster failover test. How it maps onto a real
 * deployment: README « Production shape » and ADR 15.
 */
import { mkdirSync } from 'node:fs';
import { startMailCatcher } from './mail-catcher';
import { migrate } from './migrate';
import { RunningPostgres, startPostgres } from './postgres';
import { Managed, startApp, waitForHttp } from './processes';
import { seed } from './seed';
import { WorkerMetricsUrls, workerMetricsPorts } from './worker-metrics-ports';
import { prepareTemporalDatabases, registerNamespace, startTemporalServer, TemporalServer } from './temporal-cluster';

export interface ClusterOptions {
  dataDir: string;
  ports: {
    postgres: number;
    temporal: number;
    temporalMetrics: number;
    /** Worker i's metrics endpoints take this port + 2i and the next (`workerMetricsPorts`); off when absent. */
    workerMetrics?: number;
    apis: number[];
    mailSmtp: number;
    mailWeb: number;
  };
  workers: number;
  policy: 'standard' | 'demo';
  echo?: boolean;
  env?: Record<string, string>;
}

export interface Cluster {
  apiUrls: string[];
  temporalAddress: string;
  temporalMetricsUrl: string;
  /** Each worker's metrics endpoints, when `ports.workerMetrics` was given. */
  workerMetricsUrls: WorkerMetricsUrls[];
  databaseUrl: string;
  mailUrl?: string;
  workers: Managed[];
  apis: Managed[];
  /** The Temporal server's process (a new one after `faults.restartTemporal`). */
  temporalProcess(): Managed;
  /** For the failover test: crash and restore each part. */
  faults: {
    killWorker(i: number): void;
    startWorker(i: number): void;
    killApi(i: number): void;
    startApi(i: number): Promise<void>;
    restartTemporal(): Promise<void>;
    stopPostgres(): Promise<void>;
    startPostgres(): Promise<void>;
  };
  stop(): Promise<void>;
}

const log = (msg: string) => console.log(`[cluster] ${msg}`);

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  mkdirSync(opts.dataDir, { recursive: true });
  log('starting PostgreSQL…');
  let pg: RunningPostgres = await startPostgres({ dataDir: opts.dataDir, port: opts.ports.postgres });
  const stops: Array<() => Promise<void>> = [() => pg.stop()];
  try {
    log('preparing the Temporal databases (temporal, temporal_visibility)…');
    await prepareTemporalDatabases(pg.url);
    log('starting the Temporal server on PostgreSQL…');
    const serverOptions = {
      dataDir: opts.dataDir,
      databaseUrl: pg.url,
      ports: { frontend: opts.ports.temporal, metrics: opts.ports.temporalMetrics },
      // The server's own log (JSON, with its startup and shutdown noise) goes to its file only.
      echo: false,
    };
    let temporal: TemporalServer = await startTemporalServer(serverOptions);
    stops.unshift(() => temporal.stop());
    await registerNamespace(temporal.address);
    log('running migrations and seeding the referential…');
    await migrate(pg.url);
    await seed(pg.url);
    const mail = process.env.SMTP_URL
      ? undefined
      : await startMailCatcher({ smtpPort: opts.ports.mailSmtp, webPort: opts.ports.mailWeb });
    if (mail) stops.unshift(() => mail.stop());

    const env = {
      ...process.env,
      QC_MODE: 'development',
      ...opts.env,
      ...(mail ? { SMTP_URL: mail.smtpUrl } : {}),
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: temporal.address,
      QC_POLICY: opts.policy,
      QC_DATA_DIR: opts.dataDir,
    };
    const spawnApp = (kind: 'worker' | 'api', i: number, extra: Record<string, string> = {}) =>
      startApp(kind, `${kind}-${i + 1}`, { env: { ...env, ...extra }, dataDir: opts.dataDir, echo: opts.echo });
    const apiUrls = opts.ports.apis.map((port) => `http://127.0.0.1:${port}`);
    const workerMetrics = (i: number) => workerMetricsPorts(opts.ports.workerMetrics, i);
    const spawnWorker = (i: number) => spawnApp('worker', i, workerMetrics(i).env);
    const workers = Array.from({ length: opts.workers }, (_, i) => spawnWorker(i));
    const spawnApi = (i: number) => spawnApp('api', i, { API_PORT: String(opts.ports.apis[i]) });
    const apis = opts.ports.apis.map((_, i) => spawnApi(i));
    stops.unshift(...workers.map((_, i) => () => workers[i]!.stop()), ...apis.map((_, i) => () => apis[i]!.stop()));
    await Promise.all(apiUrls.map((url) => waitForHttp(`${url}/health`, 90_000)));
    log('ready');
    return {
      apiUrls,
      temporalAddress: temporal.address,
      temporalMetricsUrl: temporal.metricsUrl,
      workerMetricsUrls: workers.flatMap((_, i) => workerMetrics(i).urls ?? []),
      databaseUrl: pg.url,
      mailUrl: mail?.webUrl,
      workers,
      apis,
      temporalProcess: () => temporal.process,
      faults: {
        killWorker: (i) => workers[i]!.child.kill('SIGKILL'),
        startWorker: (i) => {
          workers[i] = spawnWorker(i);
        },
        killApi: (i) => apis[i]!.child.kill('SIGKILL'),
        async startApi(i) {
          apis[i] = spawnApi(i);
          await waitForHttp(`${apiUrls[i]}/health`, 90_000);
        },
        async restartTemporal() {
          await temporal.stop();
          temporal = await startTemporalServer(serverOptions);
        },
        stopPostgres: () => pg.stop(),
        async startPostgres() {
          pg = await startPostgres({ dataDir: opts.dataDir, port: opts.ports.postgres });
        },
      },
      async stop() {
        for (const stop of stops) await stop().catch((e: unknown) => log(`stop failed: ${String(e)}`));
      },
    };
  } catch (e) {
    for (const stop of stops) await stop().catch(() => undefined);
    throw e;
  }
}
