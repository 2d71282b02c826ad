/**
 * `npm run bench` (not part of `npm test`): starts the real stack on its own ports and data
 * folder, measures, and writes docs/benchmarks.json and docs/benchmarks.md.
 *  a. decision latency: API (HTTP → Update → response) vs the same Update sent with the
 *     Temporal client, interleaved in one run on one workflow;
 *  b. reads with 10,000 candidacies: list, inbox, KPIs over HTTP (autocannon) vs the same query in SQL;
 *  c. lifecycle throughput: N candidacies driven concurrently through a cycle (demo policy);
 *  d. the wall time of each path of the time-skipping workflow suite;
 *  e. the web console: each screen's API calls at 10,000 candidacies, and its first load in Chromium.
 * BENCH_N_DECISIONS, BENCH_N_CYCLES, BENCH_SECTIONS (e.g. "a,b") tune a run.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import autocannon from 'autocannon';
import { candidacyWorkflowId, commandUpdate } from '@qualicoop/contracts';
import { createDataSource, federationInboxCandidacies, federationKpis, listCandidacies } from '@qualicoop/persistence';
import { REPO_ROOT } from '@qualicoop/platform';
import { SQLITE_PRAGMAS } from '../temporal-server';
import { Stack, startStack } from '../stack';
import { http, token, UNLIMITED_RATES } from '../api-client';
import { driveCycle, openToImplementation } from './drive';
import { workflowSuiteTimes } from './workflow-suite';
import { summary, table, timed } from './stats';
import { consoleCandidacy, consoleFirstLoad, consoleScreens } from './console';
import { seedTenThousand } from './seed-read-models';

const N_DECISIONS = Number(process.env.BENCH_N_DECISIONS ?? 200);
const N_CYCLES = Number(process.env.BENCH_N_CYCLES ?? 500);
const SECTIONS = (process.env.BENCH_SECTIONS ?? 'a,b,c,d,e').split(',');
const DEMO_MONTH_MS = 4000;
const results: Record<string, unknown> = {};
const md: string[] = [];

async function decisionLatency(stack: Stack, client: Client): Promise<void> {
  const coop = `bench-latency-${Date.now()}`;
  const id = await openToImplementation(stack, coop);
  const handle = client.workflow.getHandle(candidacyWorkflowId(coop));
  const api: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < N_DECISIONS; i++) {
    // Interleaved, so both see the same machine and the same workflow state size.
    const [res, apiMs] = await timed(() =>
      http(stack.apiUrl, 'POST', `/candidacies/${id}/help-requests`, coop, { question: `Question ${i}` }),
    );
    if (res.status !== 200) throw new Error(`API decision failed: ${res.status} ${JSON.stringify(res.body)}`);
    api.push(apiMs);
    const [, rawMs] = await timed(() =>
      handle.executeUpdate(commandUpdate('RequestHelp'), {
        args: [
          {
            command: { type: 'RequestHelp', helpRequestId: `raw-${i}-${Date.now()}`, question: `Question brute ${i}` },
            actor: { role: 'coop', id: `user-${coop}`, cooperativeId: coop },
          },
        ],
      }),
    );
    raw.push(rawMs);
  }
  const a = summary(api);
  const r = summary(raw);
  const ratio = Math.round((a.p50 / r.p50) * 100) / 100;
  results.decisionLatency = { api: a, raw: r, ratioP50: ratio, ratioP95: Math.round((a.p95 / r.p95) * 100) / 100 };
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
  );
}

async function reads(stack: Stack): Promise<void> {
  const ds = await createDataSource(stack.databaseUrl, 'bench').initialize();
  try {
    await seedTenThousand(ds);
    const endpoints: Array<[string, string, string, () => Promise<unknown>]> = [
      [
        'candidacy list (20 by next deadline)',
        '/candidacies?limit=20',
        'federation',
        () => listCandidacies(ds, { limit: 20, offset: 0 }),
      ],
      ['federation inbox', '/inbox', 'federation', () => federationInboxCandidacies(ds, new Date())],
      ['KPIs', '/kpis', 'federation', () => federationKpis(ds)],
    ];
    const rows: Array<Array<string | number>> = [];
    const out: unknown[] = [];
    for (const [name, path, as, sql] of endpoints) {
      const run = await autocannon({
        url: `${stack.apiUrl}${path}`,
        connections: 8,
        duration: 8,
        headers: { authorization: `Bearer ${await token(as)}` },
      });
      const sqlTimes: number[] = [];
      for (let i = 0; i < 30; i++) sqlTimes.push((await timed(sql))[1]);
      const s = summary(sqlTimes);
      const non2xx = run.non2xx;
      rows.push([name, run.latency.p50, run.latency.p99, Math.round(run.requests.average), non2xx, s.p50, s.p99]);
      out.push({
        name,
        path,
        http: { p50: run.latency.p50, p99: run.latency.p99, rps: run.requests.average, non2xx },
        sql: s,
      });
    }
    results.reads = { candidacies: 10_000, endpoints: out };
    md.push(
      '## b. Reads with 10,000 candidacies in the read models',
      table(
        ['query', 'HTTP p50 ms', 'HTTP p99 ms', 'req/s', 'non-2xx', 'same query in SQL p50 ms', 'SQL p99 ms'],
        rows,
      ),
      '\nHTTP: autocannon, 8 connections, 8 s each, federation token. SQL: the same read-query function called directly on a DataSource, 30 times.\n',
    );
  } finally {
    await ds.destroy();
  }
}

async function throughput(stack: Stack, client: Client): Promise<void> {
  const started = Date.now();
  const workerPid = stack.processes.worker.child.pid!;
  let peakRss = 0;
  const sampler = setInterval(() => {
    try {
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${workerPid}/status`, 'utf8'))?.[1];
      peakRss = Math.max(peakRss, Number(rss ?? 0) * 1024);
    } catch {
      /* process gone */
    }
  }, 500);
  const stamp = Date.now();
  const coops = Array.from({ length: N_CYCLES }, (_, i) => `bench-cycle-${stamp}-${i}`);
  const ds = await createDataSource(stack.databaseUrl, 'bench-c').initialize();
  await ds.query(
    `INSERT INTO cooperatives (id, name, region, email) SELECT unnest($1::text[]), 'Bench', 'Bench', 'c@x.example'`,
    [coops],
  );
  await ds.destroy();
  const completed: number[] = [];
  const failures: string[] = [];
  await Promise.all(
    coops.map(async (coop) => {
      try {
        await driveCycle(stack, client, coop);
        completed.push(Date.now());
      } catch (e) {
        failures.push(`${coop}: ${(e as Error).message}`);
      }
    }),
  );
  clearInterval(sampler);
  const minutes = (Date.now() - started) / 60_000;
  const sample = coops.slice(0, 20);
  let events = 0;
  let bytes = 0;
  for (const coop of sample) {
    const history = await client.workflow.getHandle(candidacyWorkflowId(coop)).fetchHistory();
    events += history.events?.length ?? 0;
    bytes += temporal.api.history.v1.History.encode(history).finish().length;
  }
  results.throughput = {
    candidacies: N_CYCLES,
    completed: completed.length,
    failures: failures.slice(0, 10),
    wallMinutes: Math.round(minutes * 100) / 100,
    cyclesPerMinute: Math.round((completed.length / minutes) * 10) / 10,
    workerPeakRssMiB: Math.round(peakRss / 1048576),
    historyEventsPerCycle: Math.round(events / sample.length),
    historyBytesPerCycle: Math.round(bytes / sample.length),
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
  results.console = { candidacies: 10_000, screens, firstLoad: first };
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
  const stack = await startStack({
    dataDir,
    ports: { postgres: 25450, temporal: 27233, temporalUi: 28233, api: 23000, mailSmtp: 21025, mailWeb: 21080 },
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
    if (SECTIONS.includes('a')) await decisionLatency(stack, client);
    if (SECTIONS.includes('c')) await throughput(stack, client);
    // The console's candidacy is a real one, opened before the read models are cloned to 10,000.
    const candidacy = SECTIONS.includes('e') ? await consoleCandidacy(stack) : undefined;
    if (SECTIONS.includes('b')) await reads(stack);
    if (candidacy) {
      if (!SECTIONS.includes('b')) {
        const ds = await createDataSource(stack.databaseUrl, 'bench-e').initialize();
        await seedTenThousand(ds).finally(() => ds.destroy());
      }
      await webConsole(stack, candidacy);
    }
  } finally {
    await connection.close();
    await stack.stop();
  }
  writeFileSync(join(REPO_ROOT, 'docs', 'benchmarks.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(REPO_ROOT, 'docs', 'benchmarks.md'), `${md.join('\n')}\n`);
  console.log(md.join('\n'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
