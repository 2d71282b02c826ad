/**
 * A second API instance on the browser stack's database and Temporal server, with settings of
 * its own (an OpenID issuer, a road to Temporal that can be cut…), started by a test file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { BROWSER_STACK } from './stack';

export async function startExtraApi(port: number, settings: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const { ports, repoRoot, dataDir } = BROWSER_STACK;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    QC_DATA_DIR: dataDir,
    DATABASE_URL: `postgres://postgres:postgres@127.0.0.1:${ports.postgres}/qualicoop`,
    TEMPORAL_ADDRESS: `127.0.0.1:${ports.temporal}`,
    API_PORT: String(port),
    QC_MODE: 'development',
    ...settings,
  };
  // Development sign-in unless the settings name an issuer: never a signing key from outside.
  delete env.QC_JWT_SECRET;
  if (!settings.QC_OIDC_ISSUER) delete env.QC_OIDC_ISSUER;
  const api = spawn(process.execPath, ['-r', './infra/register-paths.cjs', 'dist/apps/api/src/main.js'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  await new Promise<void>((ready, failed) => {
    const timer = setTimeout(() => failed(new Error(`the API did not start:\n${output.join('')}`)), 60_000);
    api.stdout.on('data', (b: Buffer) => {
      output.push(b.toString());
      if (b.toString().includes('api listening')) {
        clearTimeout(timer);
        ready();
      }
    });
    api.stderr.on('data', (b: Buffer) => output.push(b.toString()));
    api.once('exit', (code) => failed(new Error(`the API stopped while starting (exit ${code}):\n${output.join('')}`)));
  });
  return api;
}
