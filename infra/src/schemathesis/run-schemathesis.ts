/**
 * The schemathesis step of `npm test`: starts the real stack on its own ports and data, then runs
 * `infra/schemathesis.sh` (schemathesis from PyPI, every operation of /openapi.json with a valid
 * token of each role; fails on any 5xx or a response that breaks the schema) with a fixed seed.
 * Writes `.data/schemathesis-report.json` (one check per role × operation) for `npm test`'s count.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@qualicoop/platform';
import { UNLIMITED_RATES } from '../api-client';
import { startStack } from '../stack';

const ROLES = ['coop-atlantique', 'federation', 'committee'];
const MAX_EXAMPLES = process.env.QC_SCHEMATHESIS_MAX_EXAMPLES ?? '10';
const SEED = process.env.QC_SCHEMATHESIS_SEED ?? '20261123';
const REPORT = join(REPO_ROOT, '.data', 'schemathesis-report.json');
const JUNIT_DIR = join(REPO_ROOT, '.data', 'schemathesis');

interface RoleResult {
  role: string;
  operations: number;
  failed: string[];
}

/** One `<testcase>` per operation; a failed one holds a `<failure>` or `<error>` element. */
function readJunit(role: string): RoleResult {
  const xml = readFileSync(join(JUNIT_DIR, `${role}.xml`), 'utf8');
  const cases = [...xml.matchAll(/<testcase name="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)];
  const failed = cases.filter((c) => /<(failure|error)\b/.test(c[3] ?? '')).map((c) => c[1]!.replace(/&amp;/g, '&'));
  return { role, operations: cases.length, failed };
}

async function main(): Promise<void> {
  const dataDir = join(REPO_ROOT, '.data', 'schemathesis-stack');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(JUNIT_DIR, { recursive: true, force: true });
  rmSync(REPORT, { force: true });
  mkdirSync(JUNIT_DIR, { recursive: true });
  const stack = await startStack({
    dataDir,
    ports: { postgres: 29432, temporal: 29233, temporalUi: 29333, api: 29000, mailSmtp: 29025, mailWeb: 29080 },
    policy: 'standard',
    env: UNLIMITED_RATES,
  });
  let results: RoleResult[] = [];
  let scriptStatus: number | null = null;
  let generated = 0;
  try {
    const run = spawnSync('bash', ['infra/schemathesis.sh', stack.apiUrl, MAX_EXAMPLES], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, QC_SCHEMATHESIS_SEED: SEED },
    });
    process.stdout.write(run.stdout ?? '');
    scriptStatus = run.status;
    // "1774 generated, 1774 passed": the cases schemathesis ran, per role.
    generated = [...(run.stdout ?? '').matchAll(/(\d+) generated/g)].reduce((n, m) => n + Number(m[1]), 0);
    results = ROLES.map(readJunit);
  } finally {
    await stack.stop();
  }
  const passed = results.reduce((n, r) => n + r.operations - r.failed.length, 0);
  let failed = results.reduce((n, r) => n + r.failed.length, 0);
  if (failed === 0 && scriptStatus !== 0) failed = 1; // the tool failed without naming an operation
  for (const r of results) {
    console.log(
      `[schemathesis] ${r.role}: ${r.operations} operations, ${r.failed.length} failed${r.failed.length ? `: ${r.failed.join(', ')}` : ''}`,
    );
  }
  console.log(
    `[schemathesis] ${generated} generated cases in all (seed ${SEED}, at most ${MAX_EXAMPLES} examples per operation and phase)`,
  );
  writeFileSync(
    REPORT,
    JSON.stringify({ passed, failed, generated, seed: SEED, maxExamples: Number(MAX_EXAMPLES), results }, null, 2),
  );
  console.log(`${passed} passed, ${failed} failed`);
  if (failed) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e);
  writeFileSync(REPORT, JSON.stringify({ passed: 0, failed: 1, error: String(e) }));
  console.log('0 passed, 1 failed');
  process.exit(1);
});
