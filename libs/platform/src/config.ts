/**
 * Runtime configuration, from environment variables only (12-factor). Defaults suit a laptop:
 * everything on localhost, data under .data/.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(
  __dirname,
  '..',
  '..',
  '..',
  ...(__dirname.includes(`${'/'}dist${'/'}`) ? ['..'] : []),
);

export interface RuntimeConfig {
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  apiPort: number;
  policy: 'standard' | 'demo';
  /** Development and tests: a candidacy may be opened under either policy. */
  allowPolicyChoice: boolean;
  /** Length of a demo month (default 10 s). */
  demoMonthMs: number;
  /**
   * How long the API waits for a decision's Update to complete before it answers 503 "outcome
   * unknown" (the worker or Temporal may be away; a retry with the same Idempotency-Key finds the
   * first result). Default 15 s.
   */
  commandTimeoutMs: number;
  /** The API's bound on any one SQL statement (default 10 s): a runaway read ends in a 503, not a stuck pool. */
  sqlStatementTimeoutMs: number;
  /** Per caller and per minute: writes (default 300) and expensive reads — lists, inbox, KPIs, CSV (default 60). */
  rateLimits: { writesPerMinute: number; expensiveReadsPerMinute: number };
  /** The longest query string the API reads (default 2,048 characters); longer is a 414. */
  maxQueryStringLength: number;
  /** The Temporal UI the operators use (QC_TEMPORAL_UI_URL), if any: the Fédération gets each workflow's link. */
  temporalUiUrl?: string;
  /**
   * Worker: how long a workflow task waits on this worker's sticky queue before any worker may
   * take it (QC_WORKER_STICKY_TIMEOUT_MS; default 10 s, the SDK's). With several workers, a busy
   * worker holds its workflows' tasks that long.
   */
  workerStickyTimeoutMs: number;
  /**
   * Worker metrics (docs/operations.md), each off when unset or 0: ours (QC_WORKER_METRICS_PORT)
   * and the Temporal SDK's (QC_WORKER_SDK_METRICS_PORT), on QC_WORKER_METRICS_HOST (127.0.0.1).
   */
  workerMetrics: { host: string; port: number; sdkPort: number };
  /** When set (QC_METRICS_TOKEN), the API's GET /metrics asks for `Authorization: Bearer <it>`; public otherwise. */
  metricsToken?: string;
}

const int = (value: string | undefined, fallback: number) => (value ? Number.parseInt(value, 10) : fallback);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  return {
    databaseUrl: env.DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:${int(env.PG_PORT, 54329)}/qualicoop`,
    temporalAddress: env.TEMPORAL_ADDRESS ?? `127.0.0.1:${int(env.TEMPORAL_PORT, 7233)}`,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    apiPort: int(env.API_PORT, 3000),
    policy: env.QC_POLICY === 'demo' ? 'demo' : 'standard',
    allowPolicyChoice: env.QC_ALLOW_POLICY_CHOICE === 'true',
    demoMonthMs: int(env.QC_DEMO_MONTH_MS, 10_000),
    commandTimeoutMs: int(env.QC_COMMAND_TIMEOUT_MS, 15_000),
    sqlStatementTimeoutMs: int(env.QC_SQL_STATEMENT_TIMEOUT_MS, 10_000),
    rateLimits: {
      writesPerMinute: int(env.QC_RATE_LIMIT_PER_MINUTE, 300),
      expensiveReadsPerMinute: int(env.QC_READ_RATE_LIMIT_PER_MINUTE, 60),
    },
    maxQueryStringLength: int(env.QC_MAX_QUERY_STRING, 2_048),
    temporalUiUrl: env.QC_TEMPORAL_UI_URL?.replace(/\/+$/, '') || undefined,
    workerStickyTimeoutMs: int(env.QC_WORKER_STICKY_TIMEOUT_MS, 10_000),
    workerMetrics: {
      host: env.QC_WORKER_METRICS_HOST ?? '127.0.0.1',
      port: int(env.QC_WORKER_METRICS_PORT, 0),
      sdkPort: int(env.QC_WORKER_SDK_METRICS_PORT, 0),
    },
    metricsToken: env.QC_METRICS_TOKEN || undefined,
  };
}

/**
 * TLS and API keys for a production cluster or Temporal Cloud: TEMPORAL_TLS_CERT /
 * TEMPORAL_TLS_KEY (mTLS, file paths), TEMPORAL_TLS_CA (server CA), TEMPORAL_API_KEY.
 */
export function temporalConnectionOptions(config: RuntimeConfig, env: NodeJS.ProcessEnv = process.env) {
  const file = (path: string | undefined) => (path ? readFileSync(path) : undefined);
  const cert = file(env.TEMPORAL_TLS_CERT);
  const key = file(env.TEMPORAL_TLS_KEY);
  const ca = file(env.TEMPORAL_TLS_CA);
  const tls =
    cert && key
      ? { clientCertPair: { crt: cert, key }, serverRootCACertificate: ca }
      : env.TEMPORAL_API_KEY || ca
        ? { serverRootCACertificate: ca }
        : undefined;
  return { address: config.temporalAddress, tls, apiKey: env.TEMPORAL_API_KEY, metadata: {} };
}

export const dataDir = (env: NodeJS.ProcessEnv = process.env) => env.QC_DATA_DIR ?? join(REPO_ROOT, '.data');
