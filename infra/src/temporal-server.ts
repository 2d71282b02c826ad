/**
 * The Temporal dev server (`temporal server start-dev`): SQLite file persistence, the Web UI,
 * and our custom search attributes registered at start.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_ATTRIBUTE_REGISTRATION } from '@qualicoop/contracts';
import { Managed, startProcess, waitForPort } from './processes';
import { temporalCli } from './tools';

export interface TemporalDevServer {
  address: string;
  uiUrl: string;
  process: Managed;
}

/** Server settings shared with the full server's configuration (temporal-cluster.ts). */
export const DYNAMIC_CONFIG = { 'history.workflowTaskRetryMaxInterval': '1m' };

/** WAL + synchronous=NORMAL: SQLite otherwise serialises every write behind an fsync. */
export const SQLITE_PRAGMAS = ['journal_mode=WAL', 'synchronous=NORMAL'];

export async function startTemporalDevServer(opts: {
  dataDir: string;
  port: number;
  uiPort: number;
  echo?: boolean;
}): Promise<TemporalDevServer> {
  mkdirSync(opts.dataDir, { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    join(opts.dataDir, 'temporal.sqlite'),
    '--ip',
    '127.0.0.1',
    '--port',
    String(opts.port),
    '--ui-port',
    String(opts.uiPort),
    '--http-port',
    String(opts.port + 10),
    '--metrics-port',
    String(opts.port + 11),
    '--log-level',
    'warn',
    ...SQLITE_PRAGMAS.flatMap((p) => ['--sqlite-pragma', p]),
    // As on the cluster (ADR 15): a workflow task whose worker died twice is retried within a minute.
    ...Object.entries(DYNAMIC_CONFIG).flatMap(([k, v]) => ['--dynamic-config-value', `${k}=${JSON.stringify(v)}`]),
    ...Object.entries(SEARCH_ATTRIBUTE_REGISTRATION).flatMap(([k, v]) => ['--search-attribute', `${k}=${v}`]),
  ];
  const process = startProcess('temporal', temporalCli(), args, {
    logFile: join(opts.dataDir, 'temporal.log'),
    echo: opts.echo,
  });
  await waitForPort(opts.port, '127.0.0.1', 60_000, 'the Temporal dev server', process);
  return { address: `127.0.0.1:${opts.port}`, uiUrl: `http://127.0.0.1:${opts.uiPort}`, process };
}
