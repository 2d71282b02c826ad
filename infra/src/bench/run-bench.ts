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
import { startStack } from '../stack';
import { UNLIMITED_RATES } from '../api-client';
import { BENCH_PORTS, DEMO_MONTH_MS, Report, SECTIONS } from './config';
import { latencySection, liveSection, reads, throughputSection, webConsole, workflowSuite } from './sections';
import { productionShape } from './production-shape';
import { consoleCandidacy } from './console';
import { seedCandidacies } from './seed-read-models';

/** Sections a, b, c, e and g, on one dev stack as `npm start` runs it. */
async function onTheDevStack(report: Report, dataDir: string): Promise<void> {
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
    if (SECTIONS.includes('a')) await latencySection(report, stack, client);
    if (SECTIONS.includes('c')) await throughputSection(report, stack, client);
    // The console's candidacy is a real one, opened before the read models are cloned from it.
    const candidacy = SECTIONS.includes('e') || SECTIONS.includes('b') ? await consoleCandidacy(stack) : undefined;
    if (candidacy && SECTIONS.includes('e')) {
      const ds = await createDataSource(stack.databaseUrl, 'bench-e').initialize();
      await seedCandidacies(ds, 10_000).finally(() => ds.destroy());
      await webConsole(report, stack, candidacy);
    }
    if (SECTIONS.includes('b')) await reads(report, stack);
    if (SECTIONS.includes('g')) await liveSection(report, stack);
  } finally {
    await connection.close();
    await stack.stop();
  }
}

async function main(): Promise<void> {
  const dataDir = join(REPO_ROOT, '.data', 'bench');
  rmSync(dataDir, { recursive: true, force: true });
  const report: Report = { results: {}, md: [] };
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  report.md.push(
    '# Benchmarks',
    '',
    `Run of ${new Date().toISOString()} on ${machine}. Command: \`npm run bench\`. Temporal dev server with SQLite file, pragmas ${SQLITE_PRAGMAS.join(', ')}; embedded PostgreSQL 18; worker and API as separate processes, as \`npm start\` runs them. Medians and ratios measured side by side in one run; the machine is shared and noisy.`,
    '',
  );
  report.results.machine = machine;
  if (SECTIONS.includes('d')) workflowSuite(report);
  if (['a', 'b', 'c', 'e', 'g'].some((x) => SECTIONS.includes(x))) await onTheDevStack(report, dataDir);
  if (SECTIONS.includes('f')) await productionShape(report);
  writeFileSync(join(REPO_ROOT, 'docs', 'benchmarks.json'), `${JSON.stringify(report.results, null, 2)}\n`);
  writeFileSync(join(REPO_ROOT, 'docs', 'benchmarks.md'), `${report.md.join('\n')}\n`);
  console.log(report.md.join('\n'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
