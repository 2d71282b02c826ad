/**
 * `npm run bench` (not part of `npm test`): starts the real stack on its own ports and data
 * folder, measures, and writes docs/benchmarks.json and docs/benchmarks.md.
 *  a. decision latency: API (HTTP → Update → response) vs the same Update sent with the
 *     Temporal client, interleaved in one run on one workflow;
 *  b. reads: list, inbox, KPIs and an authenticated no-op over HTTP (autocannon) and the same query in
 *     SQL, both at concurrency 1 and 8, at 1,000, 10,000 and 100,000 candidacies (BENCH_READ_SIZES);
 *  c. lifecycle throughput: N candidacies driven concurrently through a cycle (demo policy);
 *  d. the wall time of each path of the time-skipping workflow suite;
 *  e. the web console: each screen's API calls at 10,000 candidacies, and its first load in Chromium;
 *  g. the worker's RSS with 1,000 and 10,000 live candidacies (BENCH_LIVE_COUNTS);
 *  f. the production shape: a and c again on the dev server, then on the full Temporal server on
 *     PostgreSQL with 1 and with 2 workers (2 API instances), with the servers' and workers' peak RSS.
 * BENCH_N_DECISIONS, BENCH_N_CYCLES, BENCH_N_SHAPE_DECISIONS, BENCH_N_SHAPE_CYCLES, BENCH_SECTIONS
 * (e.g. "a,b") and BENCH_SHAPES (section f's shapes by place, e.g. "2,3") tune a run.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createDataSource } from '@qualicoop/persistence';
import { REPO_ROOT } from '@qualicoop/platform';
import { SQLITE_PRAGMAS } from '../temporal-server';
import { Stack, startStack } from '../stack';
import { UNLIMITED_RATES } from '../api-client';
import { BenchedSystem, decisionLatency, Latency, lifecycleThroughput, Throughput } from './measure';
import { startCluster } from '../cluster';
import { workflowSuiteTimes } from './workflow-suite';
import { table } from './stats';
import { consoleCandidacy, consoleFirstLoad, consoleKpiRender, consoleScreens } from './console';
import { seedCandidacies } from './seed-read-models';
import { measureReads, READ_SECONDS, READ_SIZES, READS } from './reads';
import { liveCandidaciesRss } from './live-candidacies';

const N_DECISIONS = Number(process.env.BENCH_N_DECISIONS ?? 200);
const N_CYCLES = Number(process.env.BENCH_N_CYCLES ?? 500);
const SECTIONS = (process.env.BENCH_SECTIONS ?? 'a,b,c,d,e,f,g').split(',');
const DEMO_MONTH_MS = 4000;
const N_SHAPE_DECISIONS = Number(process.env.BENCH_N_SHAPE_DECISIONS ?? 100);
const N_SHAPE_CYCLES = Number(process.env.BENCH_N_SHAPE_CYCLES ?? 300);
const BENCH_PORTS = {
  postgres: 25450,
  temporal: 27233,
  temporalUi: 28233,
  api: 23000,
  mailSmtp: 21025,
  mailWeb: 21080,
};
const results: Record<string, unknown> = {};
const md: string[] = [];

/** The dev stack as the measures see it: one API, one worker, the dev server. */
const benched = (stack: Stack): BenchedSystem => ({
  apiUrls: [stack.apiUrl],
  databaseUrl: stack.databaseUrl,
  pids: () => ({
    temporal: stack.temporalProcess().child.pid,
    workers: [stack.processes.worker.child.pid!],
    apis: [stack.processes.api.child.pid!],
  }),
});

async function latencySection(stack: Stack, client: Client): Promise<void> {
  const { api: a, raw: r, apiPhases, updateHops } = await decisionLatency(benched(stack), client, N_DECISIONS);
  const ratio = Math.round((a.p50 / r.p50) * 100) / 100;
  results.decisionLatency = {
    api: a,
    raw: r,
    ratioP50: ratio,
    ratioP95: Math.round((a.p95 / r.p95) * 100) / 100,
    apiPhases,
    updateHops,
  };
  md.push(
    '## a. Decision latency (RequestHelp Update, one workflow, interleaved)',
    table(
      ['path', 'n', 'p50 ms', 'p95 ms', 'p99 ms'],
      [
        ['API: HTTP → auth → validation → Update → response', a.n, a.p50, a.p95, a.p99],
        ['raw: Temporal client executeUpdate', r.n, r.p50, r.p95, r.p99],
      ],
    ),
    `\n**API ÷ raw: ${ratio} at p50, ${(results.decisionLatency as { ratioP95: number }).ratioP95} at p95.** Both include the persistence activity (event store + read model) the Update awaits.\n`,
    "### Where a decision's time goes",
    table(
      ['hop', 'n', 'p50 ms', 'p95 ms', 'p99 ms'],
      [
        ...Object.entries(apiPhases).map(([name, x]) => [`API ${name}`, x.n, x.p50, x.p95, x.p99]),
        ...Object.entries(updateHops).map(([name, x]) => [`Update: ${name}`, x.n, x.p50, x.p95, x.p99]),
      ],
    ),
    "\nAPI phases from the response's `Server-Timing` header: `read` and `reread` are the read model before and after, `update` the Temporal Update, `app` everything from the request's arrival to its headers (authentication, rate limit, validation included). The Update's hops come from the workflow history's server timestamps, over every Update of the run (API and raw).\n",
  );
}

async function reads(stack: Stack): Promise<void> {
  const measures = await measureReads(stack.apiUrl, stack.databaseUrl);
  results.reads = { seconds: READ_SECONDS, sizes: READ_SIZES, measures };
  const at = (size: number, read: string, c: number) =>
    measures.find((m) => m.size === size && m.read === read && m.concurrency === c);
  const floor = (size: number) => at(size, READS[0]!.name, 1)?.http.p50 ?? 0;
  const goalRows: Array<Array<string | number>> = [];
  for (const read of READS) {
    for (const c of [1, 8]) {
      const m = at(10_000, read.name, c);
      if (!m) continue;
      let goal = '';
      if (read.goalRps && c === 8) {
        const met = m.http.rps >= read.goalRps && m.http.p99 <= 100;
        goal = `≥ ${read.goalRps} req/s, p99 ≤ 100 ms: ${met ? 'met' : 'not met'}`;
      }
      if (m.sql && c === 1) {
        const bound = Math.round((1.5 * m.sql.p50 + floor(10_000)) * 100) / 100;
        goal = `HTTP p50 ≤ 1.5 × SQL p50 + no-op p50 = ${bound} ms: ${m.http.p50 <= bound ? 'met' : 'not met'}`;
      }
      goalRows.push([
        read.name,
        c,
        m.http.p50,
        m.http.p99,
        m.http.rps,
        m.http.non2xx,
        m.sql?.p50 ?? '—',
        m.sql?.p99 ?? '—',
        m.sql?.rps ?? '—',
        goal,
      ]);
    }
  }
  const curveRows = READS.map((read) => [
    read.name,
    ...READ_SIZES.flatMap((size) => {
      const one = at(size, read.name, 1);
      const eight = at(size, read.name, 8);
      return [one?.http.p50 ?? '—', eight?.http.rps ?? '—', one?.sql?.p50 ?? '—'];
    }),
  ]);
  md.push(
    '## b. Reads: the goals at 10,000 candidacies, and the cost curve',
    table(
      [
        'read',
        'concurrency',
        'HTTP p50 ms',
        'HTTP p99 ms',
        'HTTP req/s',
        'non-2xx',
        'SQL p50 ms',
        'SQL p99 ms',
        'SQL calls/s',
        'goal (issue 15)',
      ],
      goalRows,
    ),
    `\nMethod: for each read and concurrency (1, then 8), HTTP first — autocannon for ${READ_SECONDS} s with that many connections and the federation's token, through authentication, the per-caller rate limit (one PostgreSQL upsert) and JSON — then the same read-query function called directly on a DataSource from that many concurrent loops for ${READ_SECONDS} s; 20 warm-up requests before each. The no-op is \`GET /me\` (authenticated, no database): the floor of any HTTP read.\n`,
    '### The cost curve: the same reads at each size',
    table(
      [
        'read',
        ...READ_SIZES.flatMap((n) => [`${n}: HTTP p50 ms (c=1)`, `${n}: HTTP req/s (c=8)`, `${n}: SQL p50 ms (c=1)`]),
      ],
      curveRows,
    ),
    '',
  );
}

async function liveSection(stack: Stack): Promise<void> {
  const measures = await liveCandidaciesRss(benched(stack));
  results.liveCandidacies = measures;
  md.push(
    "## g. The worker's memory with live candidacies",
    table(
      ['live candidacies', 'worker RSS (MiB)', 'opened per second (through the API)'],
      measures.map((m) => [m.liveCandidacies, m.workerRssMiB, m.openedPerSecond || '—']),
    ),
    "\nCandidacies opened through the API (standard policy) and left in draft: each a running workflow waiting for its next command, in the worker's workflow cache while it has room (the SDK's default size). RSS of the worker process once every one is in the read models, after 5 s.\n",
  );
}

async function throughputSection(stack: Stack, client: Client): Promise<void> {
  const { workersPeakRssMiB, temporalPeakRssMiB, ...figures } = await lifecycleThroughput(
    benched(stack),
    client,
    N_CYCLES,
    'bench-cycle',
  );
  const failures = figures.failures;
  results.throughput = {
    ...figures,
    workerPeakRssMiB: workersPeakRssMiB,
    temporalPeakRssMiB,
    demoMonthMs: DEMO_MONTH_MS,
  };
  const t = results.throughput as Record<string, number>;
  const n = (k: string) => t[k] ?? 0;
  md.push(
    `## c. Lifecycle throughput: ${N_CYCLES} candidacies driven concurrently (demo policy, a month = ${DEMO_MONTH_MS / 1000} s)`,
    'Cycle: open → draft → submit → agenda cut-off → completeness → admissibility → readiness → visit → report → agenda cut-off → label granted → label expiry (36 demo months), all through the API.',
    table(
      [
        'completed',
        'failed',
        'wall time (min)',
        'completed cycles / min',
        'worker peak RSS (MiB)',
        'history events / cycle',
        'history bytes / cycle',
      ],
      [
        [
          n('completed'),
          failures.length,
          n('wallMinutes'),
          n('cyclesPerMinute'),
          n('workerPeakRssMiB'),
          n('historyEventsPerCycle'),
          n('historyBytesPerCycle'),
        ],
      ],
    ),
    '',
  );
}

async function webConsole(stack: Stack, candidacy: { id: string; coop: string }): Promise<void> {
  const screens = await consoleScreens(stack, candidacy);
  const first = await consoleFirstLoad(stack);
  const kpiPage = await consoleKpiRender(stack);
  results.console = { candidacies: 10_000, screens, firstLoad: first, kpiPage };
  md.push(
    "## e. The web console: each screen's data with 10,000 candidacies, and the first load",
    table(
      ['screen', 'API calls (in parallel)', 'p50 ms', 'p95 ms', 'p99 ms'],
      screens.map((s) => [s.screen, s.calls.join(', '), s.p50, s.p95, s.p99]),
    ),
    '\nEach screen: its calls made together as the browser makes them, 200 times one after the other after 10 warm-ups; the time until the last answer. Target: p95 ≤ 150 ms.\n',
    table(
      ['first load (cold cache, median of ' + first.runs + ')', 'value'],
      [
        ['transferred (compressed) KB', first.transferredKB],
        ['decoded KB', first.decodedKB],
        ['DOMContentLoaded ms', first.domContentLoadedMs],
        ['until the sign-in page can be used ms', first.interactiveMs],
      ],
    ),
    '\nChromium (Debian) headless on this machine, each run in a fresh context; target: ≤ 500 KB compressed.\n',
    table(
      [`the indicators page drawn (${kpiPage.runs} openings from the menu, signed in)`, 'value'],
      [
        ['charts drawn', kpiPage.charts],
        ['until every chart and table is shown, median ms', kpiPage.medianMs],
        ['slowest ms', kpiPage.maxMs],
      ],
    ),
    '\nFrom the click on « Indicateurs » to the five charts drawn and the last table shown: the two API calls, React and Recharts together.\n',
  );
}

function workflowSuite(): void {
  const rows = workflowSuiteTimes();
  results.workflowSuite = rows.map(([file, name, ms, status]) => ({ file, name, ms, status }));
  md.push(
    '## d. Wall time of each path of the time-skipping workflow suite',
    table(['file', 'test', 'ms', 'status'], rows),
    '',
  );
}

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

async function productionShape(): Promise<void> {
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
  results.productionShape = rows;
  type Row = { shape: string; latency: Latency; throughput: Throughput };
  md.push(
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

/** Sections a, b, c and e, on one dev stack as `npm start` runs it. */
async function onTheDevStack(dataDir: string): Promise<void> {
  const stack = await startStack({
    dataDir,
    ports: BENCH_PORTS,
    policy: 'standard',
    env: {
      QC_ALLOW_POLICY_CHOICE: 'true',
      QC_DEMO_MONTH_MS: String(DEMO_MONTH_MS),
      ...UNLIMITED_RATES,
    },
  });
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection });
  try {
    if (SECTIONS.includes('a')) await latencySection(stack, client);
    if (SECTIONS.includes('c')) await throughputSection(stack, client);
    // The console's candidacy is a real one, opened before the read models are cloned from it.
    const candidacy = SECTIONS.includes('e') || SECTIONS.includes('b') ? await consoleCandidacy(stack) : undefined;
    if (candidacy && SECTIONS.includes('e')) {
      const ds = await createDataSource(stack.databaseUrl, 'bench-e').initialize();
      await seedCandidacies(ds, 10_000).finally(() => ds.destroy());
      await webConsole(stack, candidacy);
    }
    if (SECTIONS.includes('b')) await reads(stack);
    if (SECTIONS.includes('g')) await liveSection(stack);
  } finally {
    await connection.close();
    await stack.stop();
  }
}

async function main(): Promise<void> {
  const dataDir = join(REPO_ROOT, '.data', 'bench');
  rmSync(dataDir, { recursive: true, force: true });
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  md.push(
    '# Benchmarks',
    '',
    `Run of ${new Date().toISOString()} on ${machine}. Command: \`npm run bench\`. Temporal dev server with SQLite file, pragmas ${SQLITE_PRAGMAS.join(', ')}; embedded PostgreSQL 18; worker and API as separate processes, as \`npm start\` runs them. Medians and ratios measured side by side in one run; the machine is shared and noisy.`,
    '',
  );
  results.machine = machine;
  if (SECTIONS.includes('d')) workflowSuite();
  if (['a', 'b', 'c', 'e', 'g'].some((x) => SECTIONS.includes(x))) await onTheDevStack(dataDir);
  if (SECTIONS.includes('f')) await productionShape();
  writeFileSync(join(REPO_ROOT, 'docs', 'benchmarks.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(REPO_ROOT, 'docs', 'benchmarks.md'), `${md.join('\n')}\n`);
  console.log(md.join('\n'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
