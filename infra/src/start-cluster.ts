/**
 * `npm run start:cluster`: the production shape on this machine — PostgreSQL, the full Temporal
 * server on it, two workers, two API instances (each serving the console), MailDev. Data under
 * `.data/cluster/`. Ctrl-C stops everything.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const exitHook = require('async-exit-hook') as {
  (hook: (done: () => void) => void): void;
  forceExitTimeout(ms: number): void;
};
import { join } from 'node:path';
import { dataDir } from '@qualicoop/platform';
import { startCluster } from './cluster';

async function main(): Promise<void> {
  const int = (v: string | undefined, d: number) => (v ? Number.parseInt(v, 10) : d);
  const folder = join(dataDir(), 'cluster');
  const api = int(process.env.API_PORT, 3001);
  const cluster = await startCluster({
    dataDir: folder,
    ports: {
      postgres: int(process.env.PG_PORT, 25432),
      temporal: int(process.env.TEMPORAL_PORT, 27233),
      temporalMetrics: int(process.env.TEMPORAL_METRICS_PORT, 27300),
      workerMetrics: int(process.env.WORKER_METRICS_PORT, 27464),
      apis: [api, api + 1],
      mailSmtp: int(process.env.MAIL_SMTP_PORT, 2025),
      mailWeb: int(process.env.MAIL_WEB_PORT, 2080),
    },
    workers: int(process.env.QC_WORKERS, 2),
    policy: process.argv.includes('--demo') || process.env.QC_POLICY === 'demo' ? 'demo' : 'standard',
    echo: true,
  });
  console.log(`
Quali'Coop is running as a cluster: the full Temporal server on PostgreSQL, ${cluster.workers.length} workers, ${cluster.apis.length} API instances.
${cluster.apiUrls.map((url, i) => `  API ${i + 1}         ${url}   (console ${url}/console/, docs ${url}/docs)`).join('\n')}
  Temporal      ${cluster.temporalAddress}   (no Web UI: npm run temporal -- --address ${cluster.temporalAddress} workflow list)
  Metrics       ${cluster.temporalMetricsUrl}   (the Temporal server's)
${cluster.apiUrls.map((url, i) => `                ${url}/metrics   (API ${i + 1})`).join('\n')}
${cluster.workerMetricsUrls.map((m, i) => `                ${m.app}, ${m.sdk}   (worker ${i + 1}: ours, the Temporal SDK's)`).join('\n')}
  Mail inbox    ${cluster.mailUrl ?? `(SMTP_URL=${process.env.SMTP_URL})`}
  PostgreSQL    ${cluster.databaseUrl}   (and the databases temporal, temporal_visibility)
  Data folder   ${folder}   (delete it to start afresh)
Tokens for the seeded users (12 h): QC_MODE=development npm run token -- federation | committee | coop-atlantique …
Press Ctrl-C to stop.`);
  exitHook.forceExitTimeout(60_000);
  exitHook((done: () => void) => {
    console.log('\nstopping…');
    cluster.stop().then(done, done);
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
