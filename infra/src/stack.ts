/**
 * The whole local system: PostgreSQL, the Temporal dev server, migrations and seed data, the
 * worker and the API, each a real process. Used by `npm start` and by the e2e tests.
 */
import { mkdirSync } from 'node:fs';
import { startMailCatcher } from './mail-catcher';
import { migrate } from './migrate';
import { startPostgres } from './postgres';
import { Managed, startApp, waitForHttp } from './processes';
import { seed } from './seed';
import { startTemporalDevServer } from './temporal-server';
import { WorkerMetricsUrls, workerMetricsPorts } from './worker-metrics-ports';

export interface StackOptions {
  dataDir: string;
  ports: {
    postgres: number;
    temporal: number;
    temporalUi: number;
    api: number;
    mailSmtp?: number;
    mailWeb?: number;
    /** The worker's metrics endpoints take this port and the next (`workerMetricsPorts`); off when absent. */
    workerMetrics?: number;
  };
  policy: 'standard' | 'demo';
  echo?: boolean;
  env?: Record<string, string>;
}

export interface Stack {
  apiUrl: string;
  temporalAddress: string;
  temporalUiUrl: string;
  databaseUrl: string;
  /** The development mail catcher's web inbox (absent when SMTP_URL points elsewhere). */
  mailUrl?: string;
  /** The worker's metrics endpoints, when `ports.workerMetrics` was given. */
  workerMetricsUrls?: WorkerMetricsUrls;
  processes: Record<'worker' | 'api', Managed>;
  /** The Temporal dev server's process (a new one after `faults.restartTemporal`). */
  temporalProcess(): Managed;
  restart(name: 'worker' | 'api'): Promise<void>;
  /** For the fault-injection test: crash and restore each part. */
  faults: {
    killWorker(): void;
    startWorker(): void;
    restartTemporal(): Promise<void>;
    stopPostgres(): Promise<void>;
    startPostgres(): Promise<void>;
  };
  stop(): Promise<void>;
}

const log = (msg: string) => console.log(`[stack] ${msg}`);

export async function startStack(opts: StackOptions): Promise<Stack> {
  mkdirSync(opts.dataDir, { recursive: true });
  log('starting PostgreSQL…');
  let pg = await startPostgres({ dataDir: opts.dataDir, port: opts.ports.postgres });
  const stops: Array<() => Promise<void>> = [() => pg.stop()];
  try {
    log('starting the Temporal dev server…');
    const temporalOptions = { dataDir: opts.dataDir, port: opts.ports.temporal, uiPort: opts.ports.temporalUi };
    let temporal = await startTemporalDevServer(temporalOptions);
    stops.unshift(() => temporal.process.stop());
    log('running migrations and seeding the referential…');
    await migrate(pg.url);
    await seed(pg.url);
    const mail = process.env.SMTP_URL
      ? undefined
      : await startMailCatcher({ smtpPort: opts.ports.mailSmtp ?? 1025, webPort: opts.ports.mailWeb ?? 1080 });
    if (mail) stops.unshift(() => mail.stop());

    const env = {
      ...process.env,
      // This is the development system: its API accepts the development key and lists the seeded users.
      QC_MODE: 'development',
      ...opts.env,
      ...(mail ? { SMTP_URL: mail.smtpUrl } : {}),
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: temporal.address,
      API_PORT: String(opts.ports.api),
      QC_TEMPORAL_UI_URL: temporal.uiUrl,
      QC_POLICY: opts.policy,
      QC_DATA_DIR: opts.dataDir,
    };
    const workerMetrics = workerMetricsPorts(opts.ports.workerMetrics, 0);
    const app = (name: 'worker' | 'api') =>
      startApp(name, name, {
        env: name === 'worker' ? { ...env, ...workerMetrics.env } : env,
        dataDir: opts.dataDir,
        echo: opts.echo,
      });
    const processes = { worker: app('worker'), api: app('api') };
    stops.unshift(
      () => processes.worker.stop(),
      () => processes.api.stop(),
    );
    const apiUrl = `http://127.0.0.1:${opts.ports.api}`;
    await waitForHttp(`${apiUrl}/health`, 60_000);
    log('ready');
    return {
      apiUrl,
      temporalAddress: temporal.address,
      temporalUiUrl: temporal.uiUrl,
      databaseUrl: pg.url,
      mailUrl: mail?.webUrl,
      workerMetricsUrls: workerMetrics.urls,
      processes,
      temporalProcess: () => temporal.process,
      async restart(name) {
        await processes[name].stop();
        processes[name] = app(name);
        if (name === 'api') await waitForHttp(`${apiUrl}/health`, 60_000);
      },
      faults: {
        killWorker: () => processes.worker.child.kill('SIGKILL'),
        startWorker: () => {
          processes.worker = app('worker');
        },
        async restartTemporal() {
          await temporal.process.stop();
          temporal = await startTemporalDevServer(temporalOptions);
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
