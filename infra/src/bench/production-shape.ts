/**
 * f. The production shape: sections a and c again on the dev server, then on the full Temporal
 * server on PostgreSQL with 1 and with 2 workers (2 API instances), each shape started alone.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { REPO_ROOT } from '@qualicoop/platform';
import { startStack } from '../stack';
import { UNLIMITED_RATES } from '../api-client';
import { startCluster } from '../cluster';
import { benched, BENCH_PORTS, DEMO_MONTH_MS, N_SHAPE_CYCLES, N_SHAPE_DECISIONS, Report } from './config';
import { BenchedSystem, decisionLatency, Latency, lifecycleThroughput, Throughput } from './measure';
import { table } from './stats';

/** The shapes compared in section f, started one after the other on the same ports. */
const ALL_SHAPES: Array<{ name: string; server: 'dev' | 'full'; workers: number; env?: Record<string, string> }> = [
  { name: 'dev server (SQLite), 1 worker, 1 API', server: 'dev', workers: 1 },
  { name: 'full server (PostgreSQL), 1 worker, 2 APIs', server: 'full', workers: 1 },
  { name: 'full server (PostgreSQL), 2 workers, 2 APIs', server: 'full', workers: 2 },
  // A shape may set the processes' environment, e.g. { QC_WORKER_STICKY_TIMEOUT_MS: '1000' } (tried, not
  // adopted: see docs/benchmarks.md, section f).
];
/** BENCH_SHAPES=2,3: only these shapes (by their place in the list, from 0). */
const SHAPES = process.env.BENCH_SHAPES
  ? process.env.BENCH_SHAPES.split(',').map((i) => ALL_SHAPES[Number(i)]!)
  : ALL_SHAPES;

async function startShape(
  shape: (typeof SHAPES)[number],
): Promise<BenchedSystem & { temporalAddress: string; stop(): Promise<void> }> {
  const dataDir = join(REPO_ROOT, '.data', 'bench-shape');
  rmSync(dataDir, { recursive: true, force: true });
  const env = {
    QC_ALLOW_POLICY_CHOICE: 'true',
    QC_DEMO_MONTH_MS: String(DEMO_MONTH_MS),
    ...UNLIMITED_RATES,
    ...shape.env,
  };
  if (shape.server === 'dev') {
    const stack = await startStack({ dataDir, ports: BENCH_PORTS, policy: 'standard', env });
    return { ...benched(stack), temporalAddress: stack.temporalAddress, stop: () => stack.stop() };
  }
  const cluster = await startCluster({
    dataDir,
    ports: {
      postgres: BENCH_PORTS.postgres,
      temporal: BENCH_PORTS.temporal,
      temporalMetrics: BENCH_PORTS.temporalUi,
      apis: [BENCH_PORTS.api, BENCH_PORTS.api + 1],
      mailSmtp: BENCH_PORTS.mailSmtp,
      mailWeb: BENCH_PORTS.mailWeb,
    },
    workers: shape.workers,
    policy: 'standard',
    env,
  });
  return {
    apiUrls: cluster.apiUrls,
    databaseUrl: cluster.databaseUrl,
    temporalAddress: cluster.temporalAddress,
    pids: () => ({
      temporal: cluster.temporalProcess().child.pid,
      workers: cluster.workers.map((w) => w.child.pid!),
      apis: cluster.apis.map((a) => a.child.pid!),
    }),
    stop: () => cluster.stop(),
  };
}

export async function productionShape(report: Report): Promise<void> {
  const rows: Array<Record<string, unknown>> = [];
  for (const shape of SHAPES) {
    const system = await startShape(shape);
    const connection = await Connection.connect({ address: system.temporalAddress });
    try {
      const client = new Client({ connection });
      const latency = await decisionLatency(system, client, N_SHAPE_DECISIONS);
      const throughput = await lifecycleThroughput(system, client, N_SHAPE_CYCLES, `bench-shape-${shape.workers}`);
      rows.push({ shape: shape.name, latency, throughput });
    } finally {
      await connection.close();
      await system.stop();
    }
  }
  report.results.productionShape = rows;
  type Row = { shape: string; latency: Latency; throughput: Throughput };
  report.md.push(
    `## f. Production shape: the dev server beside the full Temporal server on PostgreSQL, with 1 and 2 workers`,
    `Each shape started alone on this machine, then: ${N_SHAPE_DECISIONS} decisions through the API beside the same Update sent raw (interleaved, one workflow), and ${N_SHAPE_CYCLES} candidacies driven concurrently through a whole cycle (demo policy, a month = ${DEMO_MONTH_MS / 1000} s) over the shape's API instances in turn. CPU seconds are counted over the cycles' run from /proc (user + system); "rest" is the benchmark's own driver, MailDev and the kernel.`,
    table(
      [
        'shape',
        'API p50 ms',
        'API p99 ms',
        'raw p50 ms',
        'raw p99 ms',
        'cycles / min',
        'failed',
        'Temporal server peak RSS MiB',
        'workers peak RSS MiB (together)',
        'cores busy %',
        'CPU s: Temporal / PostgreSQL / workers / APIs / rest',
      ],
      (rows as Row[]).map((r) => [
        r.shape,
        r.latency.api.p50,
        r.latency.api.p99,
        r.latency.raw.p50,
        r.latency.raw.p99,
        r.throughput.cyclesPerMinute,
        r.throughput.candidacies - r.throughput.completed,
        r.throughput.temporalPeakRssMiB,
        r.throughput.workersPeakRssMiB,
        r.throughput.machineBusyPct,
        ['temporal', 'postgres', 'workers', 'apis', 'rest']
          .map((k) => r.throughput.cpuSeconds[k as keyof Throughput['cpuSeconds']])
          .join(' / '),
      ]),
    ),
    '',
  );
}
