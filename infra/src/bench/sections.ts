/**
 * The sections measured on the dev stack (a, b, c, e, g) and the workflow suite's times (d): each
 * measures, then adds its figures to the report's JSON and its tables to the Markdown.
 */
import { Client } from '@temporalio/client';
import { Stack } from '../stack';
import { benched, DEMO_MONTH_MS, N_CYCLES, N_DECISIONS, Report } from './config';
import { decisionLatency, lifecycleThroughput } from './measure';
import { workflowSuiteTimes } from './workflow-suite';
import { table } from './stats';
import { consoleFirstLoad, consoleKpiRender, consoleScreens } from './console';
import { measureReads, READ_SECONDS, READ_SIZES, READS } from './reads';
import { liveCandidaciesRss } from './live-candidacies';

export async function latencySection(report: Report, stack: Stack, client: Client): Promise<void> {
  const { api: a, raw: r, apiPhases, updateHops } = await decisionLatency(benched(stack), client, N_DECISIONS);
  const ratio = Math.round((a.p50 / r.p50) * 100) / 100;
  report.results.decisionLatency = {
    api: a,
    raw: r,
    ratioP50: ratio,
    ratioP95: Math.round((a.p95 / r.p95) * 100) / 100,
    apiPhases,
    updateHops,
  };
  report.md.push(
    '## a. Decision latency (RequestHelp Update, one workflow, interleaved)',
    table(
      ['path', 'n', 'p50 ms', 'p95 ms', 'p99 ms'],
      [
        ['API: HTTP → auth → validation → Update → response', a.n, a.p50, a.p95, a.p99],
        ['raw: Temporal client executeUpdate', r.n, r.p50, r.p95, r.p99],
      ],
    ),
    `\n**API ÷ raw: ${ratio} at p50, ${(report.results.decisionLatency as { ratioP95: number }).ratioP95} at p95.** Both include the persistence activity (event store + read model) the Update awaits.\n`,
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

export async function reads(report: Report, stack: Stack): Promise<void> {
  const measures = await measureReads(stack.apiUrl, stack.databaseUrl);
  report.results.reads = { seconds: READ_SECONDS, sizes: READ_SIZES, measures };
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
  report.md.push(
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

export async function liveSection(report: Report, stack: Stack): Promise<void> {
  const measures = await liveCandidaciesRss(benched(stack));
  report.results.liveCandidacies = measures;
  report.md.push(
    "## g. The worker's memory with live candidacies",
    table(
      ['live candidacies', 'worker RSS (MiB)', 'opened per second (through the API)'],
      measures.map((m) => [m.liveCandidacies, m.workerRssMiB, m.openedPerSecond || '—']),
    ),
    "\nCandidacies opened through the API (standard policy) and left in draft: each a running workflow waiting for its next command, in the worker's workflow cache while it has room (the SDK's default size). RSS of the worker process once every one is in the read models, after 5 s.\n",
  );
}

export async function throughputSection(report: Report, stack: Stack, client: Client): Promise<void> {
  const { workersPeakRssMiB, temporalPeakRssMiB, ...figures } = await lifecycleThroughput(
    benched(stack),
    client,
    N_CYCLES,
    'bench-cycle',
  );
  const failures = figures.failures;
  report.results.throughput = {
    ...figures,
    workerPeakRssMiB: workersPeakRssMiB,
    temporalPeakRssMiB,
    demoMonthMs: DEMO_MONTH_MS,
  };
  const t = report.results.throughput as Record<string, number>;
  const n = (k: string) => t[k] ?? 0;
  report.md.push(
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

export async function webConsole(report: Report, stack: Stack, candidacy: { id: string; coop: string }): Promise<void> {
  const screens = await consoleScreens(stack, candidacy);
  const first = await consoleFirstLoad(stack);
  const kpiPage = await consoleKpiRender(stack);
  report.results.console = { candidacies: 10_000, screens, firstLoad: first, kpiPage };
  report.md.push(
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

export function workflowSuite(report: Report): void {
  const rows = workflowSuiteTimes();
  report.results.workflowSuite = rows.map(([file, name, ms, status]) => ({ file, name, ms, status }));
  report.md.push(
    '## d. Wall time of each path of the time-skipping workflow suite',
    table(['file', 'test', 'ms', 'status'], rows),
    '',
  );
}
