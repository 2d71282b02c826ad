/** Starts the whole system with `npm start`'s own entry point (built by the bootstrap) and stops it after. */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { BROWSER_STACK } from './stack';

const READY = 'Press Ctrl-C to stop.';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const { repoRoot, dataDir, ports, screenshots } = BROWSER_STACK;
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(screenshots, { recursive: true, force: true });
  mkdirSync(screenshots, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    QC_DATA_DIR: dataDir,
    PG_PORT: String(ports.postgres),
    TEMPORAL_PORT: String(ports.temporal),
    TEMPORAL_UI_PORT: String(ports.temporalUi),
    API_PORT: String(ports.api),
    MAIL_SMTP_PORT: String(ports.mailSmtp),
    MAIL_WEB_PORT: String(ports.mailWeb),
    // The renewal test opens its candidacy under the demo policy, where a month lasts 3 s.
    QC_ALLOW_POLICY_CHOICE: 'true',
    QC_DEMO_MONTH_MS: '3000',
  };
  delete env.QC_JWT_SECRET; // the console's development sign-in needs the development key
  delete env.QC_OIDC_ISSUER;
  const child = spawn(process.execPath, ['-r', './infra/register-paths.cjs', 'dist/infra/src/start.js'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  await new Promise<void>((ready, failed) => {
    const timer = setTimeout(
      () => failed(new Error(`the system did not start in 4 minutes:\n${output.join('')}`)),
      240_000,
    );
    const watch = (b: Buffer) => {
      output.push(b.toString());
      if (output.join('').includes(READY)) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', (b: Buffer) => output.push(b.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      failed(new Error(`the system stopped while starting (exit ${code}):\n${output.join('')}`));
    });
  });
  return async () => {
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGINT');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 60_000))]);
  };
}
