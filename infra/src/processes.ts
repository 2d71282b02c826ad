/** Child processes of the local stack: spawned with prefixed logs, stopped gently then firmly. */
import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from '@qualicoop/platform';

export interface Managed {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
  /** The last lines the process wrote (stdout and stderr), to say why it stopped. */
  lastOutput(): string;
}

const KEPT_OUTPUT = 4000;

export function startProcess(
  name: string,
  cmd: string,
  args: string[],
  opts: SpawnOptions & { logFile?: string; echo?: boolean } = {},
): Managed {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  const log = opts.logFile ? createWriteStream(opts.logFile, { flags: 'a' }) : undefined;
  let tail = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      log?.write(chunk);
      tail = (tail + chunk.toString()).slice(-KEPT_OUTPUT);
      if (opts.echo) process.stdout.write(chunk.toString().replace(/^(?=.)/gm, `[${name}] `));
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    child,
    lastOutput: () => tail.trim(),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), 10_000)));
      if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
      clearTimeout(timer);
      await exited;
      log?.end();
    },
  };
}

/** A worker or API process of this repository (built into dist/), its log in `<dataDir>/<label>.log`. */
export function startApp(
  app: 'worker' | 'api',
  label: string,
  opts: { env: NodeJS.ProcessEnv; dataDir: string; echo?: boolean },
): Managed {
  return startProcess(
    label,
    process.execPath,
    ['-r', join(REPO_ROOT, 'infra/register-paths.cjs'), join(REPO_ROOT, `dist/apps/${app}/src/main.js`)],
    { env: opts.env, cwd: REPO_ROOT, logFile: join(opts.dataDir, `${label}.log`), echo: opts.echo },
  );
}

/**
 * Waits until something listens on `port`. With `server`, the process meant to: if it stops
 * first (a port taken, a bad flag), this fails at once with what it said.
 */
export async function waitForPort(
  port: number,
  host = '127.0.0.1',
  timeoutMs = 60_000,
  what = `port ${port}`,
  server?: Managed,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { exitCode, signalCode } = server?.child ?? {};
    if (server && (exitCode != null || signalCode != null)) {
      throw new Error(`${what} stopped while starting (${exitCode ?? signalCode}): ${server.lastOutput()}`);
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => resolve(true)).once('error', () => resolve(false));
      socket.setTimeout(1000, () => resolve(false));
      socket.connect(port, host);
    }).finally(() => undefined);
    if (open) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${url} (${last})`);
}
