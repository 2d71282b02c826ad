/**
 * The full Temporal server on PostgreSQL — the shape of a production cluster, on one machine:
 * its two databases (`temporal`, `temporal_visibility`) created and brought to the schema the
 * server's own tool embeds, the server started with a configuration written here, then the
 * namespace and our search attributes registered through the CLI. The binaries are built by the
 * bootstrap from the Go module proxy (`npm run tools -- cluster`, ADR 15).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { SEARCH_ATTRIBUTE_REGISTRATION } from '@qualicoop/contracts';
import { REPO_ROOT } from '@qualicoop/platform';
import { Managed, startProcess, waitForPort } from './processes';
import { DYNAMIC_CONFIG as SHARED_DYNAMIC_CONFIG } from './temporal-server';
import { temporalCli } from './tools';

const run = promisify(execFile);

/** The server's version: the bootstrap builds this one (infra/bootstrap.mjs). */
export const TEMPORAL_SERVER_VERSION = 'v1.32.1';
const SERVER_BIN = join(REPO_ROOT, '.tools', 'temporal-server', 'bin');

function binary(name: 'server' | 'sql', envVar: string): string {
  const path = process.env[envVar] ?? join(SERVER_BIN, name);
  if (!existsSync(path))
    throw new Error(
      `The full Temporal server (${name}) is not built: run \`npm run tools -- cluster\` (Go ≥ 1.26 needed), or set ${envVar}.`,
    );
  return path;
}

interface PgTarget {
  host: string;
  port: number;
  user: string;
  password: string;
}

const pgTarget = (url: string): PgTarget => {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
};

const DATABASES = [
  { name: 'temporal', schema: 'postgresql/v12/temporal' },
  { name: 'temporal_visibility', schema: 'postgresql/v12/visibility' },
] as const;

/**
 * Creates the server's two databases on the PostgreSQL that `databaseUrl` points at (any database
 * of that server) and brings them to the schema of the server's version. Safe to run again: an
 * existing database is only updated.
 */
export async function prepareTemporalDatabases(databaseUrl: string): Promise<void> {
  const pg = pgTarget(databaseUrl);
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    for (const { name, schema } of DATABASES) {
      const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!rows.length) await admin.query(`CREATE DATABASE ${name}`);
      const db = new Client({ connectionString: Object.assign(new URL(databaseUrl), { pathname: `/${name}` }).href });
      await db.connect();
      const versioned = (await db.query("SELECT 1 FROM pg_tables WHERE tablename = 'schema_version'")).rows.length > 0;
      await db.end();
      const tool = (...args: string[]) =>
        run(
          binary('sql', 'TEMPORAL_SQL_TOOL_PATH'),
          [
            '--ep',
            pg.host,
            '-p',
            String(pg.port),
            '-u',
            pg.user,
            '--pw',
            pg.password,
            '--pl',
            'postgres12',
            '--db',
            name,
            ...args,
          ],
          { timeout: 120_000 },
        );
      if (!versioned) await tool('setup-schema', '-v', '0.0');
      await tool('update-schema', '-s', schema);
    }
  } finally {
    await admin.end();
  }
}

export interface TemporalServerPorts {
  /** The frontend's gRPC port, the one clients and workers use; the server's other ports follow it. */
  frontend: number;
  /** Prometheus metrics of the server. */
  metrics: number;
}

export interface TemporalServer {
  address: string;
  metricsUrl: string;
  process: Managed;
  stop(): Promise<void>;
}

/** The server's configuration, as JSON (which YAML reads): every port derived from the frontend's. */
function configuration(databaseUrl: string, ports: TemporalServerPorts, dynamicConfig: string): object {
  const pg = pgTarget(databaseUrl);
  const sql = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${pg.host}:${pg.port}`,
      connectProtocol: 'tcp',
      user: pg.user,
      password: pg.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const p = ports.frontend;
  const rpc = (grpcPort: number, membershipPort: number, extra: object = {}) => ({
    rpc: { grpcPort, membershipPort, bindOnLocalHost: true, ...extra },
  });
  return {
    log: { stdout: true, level: 'warn', format: 'json' },
    persistence: {
      defaultStore: 'default',
      visibilityStore: 'visibility',
      // Fixed for the life of a cluster (it can never change): 4 suits one machine; see ADR 15.
      numHistoryShards: 4,
      datastores: { default: sql('temporal', 20), visibility: sql('temporal_visibility', 5) },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
      metrics: {
        prometheus: { framework: 'tally', timerType: 'histogram', listenAddress: `127.0.0.1:${ports.metrics}` },
      },
    },
    services: {
      frontend: rpc(p, p + 100, { httpPort: p + 10 }),
      history: rpc(p + 1, p + 101),
      matching: rpc(p + 2, p + 102),
      worker: rpc(p + 3, p + 103),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `127.0.0.1:${p}` },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: dynamicConfig, pollInterval: '10s' },
  };
}

/**
 * Server settings: Worker Deployment versioning on (the rollouts of issue 14 need it); and a
 * workflow task whose worker died more than once in a row retried at most 1 minute later (the
 * default slows it down up to 10 minutes, and Updates to that candidacy are refused meanwhile:
 * our workflow tasks are short, and a dead worker — not a bug — is the usual cause). ADR 15.
 */
const DYNAMIC_CONFIG = `${Object.entries(SHARED_DYNAMIC_CONFIG)
  .map(([key, value]) => `${key}:\n  - value: ${value}\n`)
  .join('')}limit.maxIDLength:
  - value: 255
system.enableDeploymentVersions:
  - value: true
system.enableDeployments:
  - value: true
frontend.workerVersioningWorkflowAPIs:
  - value: true
`;

/** Starts the server on prepared databases and waits until its frontend answers. */
export async function startTemporalServer(opts: {
  dataDir: string;
  databaseUrl: string;
  ports: TemporalServerPorts;
  echo?: boolean;
}): Promise<TemporalServer> {
  const dir = join(opts.dataDir, 'temporal-server');
  mkdirSync(dir, { recursive: true });
  const dynamicConfig = join(dir, 'dynamic-config.yaml');
  writeFileSync(dynamicConfig, DYNAMIC_CONFIG);
  const configFile = join(dir, 'config.yaml');
  writeFileSync(configFile, JSON.stringify(configuration(opts.databaseUrl, opts.ports, dynamicConfig), null, 2));
  const server = startProcess(
    'temporal-server',
    binary('server', 'TEMPORAL_SERVER_PATH'),
    ['--config-file', configFile, '--allow-no-auth', 'start'],
    { logFile: join(opts.dataDir, 'temporal-server.log'), echo: opts.echo },
  );
  const address = `127.0.0.1:${opts.ports.frontend}`;
  await waitForPort(opts.ports.frontend, '127.0.0.1', 120_000, 'the Temporal server', server);
  await untilHealthy(address, server);
  return {
    address,
    metricsUrl: `http://127.0.0.1:${opts.ports.metrics}/metrics`,
    process: server,
    stop: () => server.stop(),
  };
}

const cli = (address: string, ...args: string[]) =>
  run(temporalCli(), [...args, '--address', address], { timeout: 30_000 });

async function untilHealthy(address: string, server: Managed): Promise<void> {
  const deadline = Date.now() + 120_000;
  let last = '';
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the Temporal server stopped: ${server.lastOutput()}`);
    try {
      const { stdout } = await cli(address, 'operator', 'cluster', 'health');
      if (stdout.includes('SERVING')) return;
      last = stdout;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the Temporal server did not become healthy: ${last}`);
}

/**
 * Registers the namespace (7 days of retention for closed workflows) and our search attributes,
 * unless they exist: what the dev server does by itself at start.
 */
export async function registerNamespace(address: string, namespace = 'default'): Promise<void> {
  const described = await cli(address, 'operator', 'namespace', 'describe', '--namespace', namespace).catch(
    () => undefined,
  );
  if (!described)
    await cli(address, 'operator', 'namespace', 'create', '--namespace', namespace, '--retention', '168h');
  // A new namespace reaches the server's caches within seconds: until then it is "not found".
  const deadline = Date.now() + 60_000;
  let stdout = '';
  for (;;) {
    try {
      ({ stdout } = await cli(address, 'operator', 'search-attribute', 'list', '--namespace', namespace));
      break;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTE_REGISTRATION)) {
    if (new RegExp(`\\b${name}\\b`).test(stdout)) continue;
    await cli(
      address,
      'operator',
      'search-attribute',
      'create',
      '--namespace',
      namespace,
      '--name',
      name,
      '--type',
      type,
    );
  }
}
