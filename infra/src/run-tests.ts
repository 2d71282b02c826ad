/**
 * `npm test`: lint (with the layer rules), typecheck, then every Jest project — unit, workflow
 * (time-skipping server), e2e (the real stack over HTTP) — then schemathesis against the real API
 * (about 1 minute; one check per role × operation) and the fault test (`test:faults`, about 4
 * minutes: 100 candidacies while the worker, Temporal and PostgreSQL are crashed), and a closing
 * `N passed, N failed` counting every Jest test, lint, typecheck, and each check of the last two.
 * `npm test -- <jest args>` runs lint, typecheck and the Jest selection only.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@qualicoop/platform';

interface Step {
  name: string;
  cmd: string;
  args: string[];
}

const jestReport = join(REPO_ROOT, '.data', 'jest-report.json');
/** Steps that write `{ passed, failed }` to a report, counted in the closing line. */
const reports: Record<string, string> = {
  schemathesis: join(REPO_ROOT, '.data', 'schemathesis-report.json'),
  faults: join(REPO_ROOT, '.data', 'faults-report.json'),
};
const extra = process.argv.slice(2);
const steps: Step[] = [
  // `nx show projects` computes the project graph the module-boundary rule needs.
  { name: 'lint', cmd: 'npm', args: ['run', '--silent', 'lint'] },
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'jest', cmd: 'npx', args: ['jest', '--runInBand', '--json', `--outputFile=${jestReport}`, ...extra] },
  ...(extra.length === 0
    ? [
        { name: 'schemathesis', cmd: 'node', args: ['-r', './infra/register-paths.cjs', 'dist/infra/src/schemathesis/run-schemathesis.js'] },
        { name: 'faults', cmd: 'node', args: ['-r', './infra/register-paths.cjs', 'dist/infra/src/faults/run-faults.js'] },
      ]
    : []),
];
const counted = steps.filter((s) => s.name === 'lint' || s.name === 'typecheck');

const failedNames: string[] = [];
for (const step of steps) {
  console.log(`\n[test] ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
  if (step.name === 'jest') rmSync(jestReport, { force: true });
  if (reports[step.name]) rmSync(reports[step.name]!, { force: true });
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit', cwd: REPO_ROOT, env: { ...process.env, NX_DAEMON: 'false', FORCE_COLOR: '0' } });
  if (r.status !== 0) {
    failedNames.push(step.name);
    console.log(`[test] ${step.name} FAILED`);
  }
}

let passed = 0;
let failed = 0;
const failedStep = (name: string) => failedNames.includes(name);
try {
  const report = JSON.parse(readFileSync(jestReport, 'utf8')) as { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number };
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
  if (failedStep('jest') && report.numFailedTests === 0 && report.numFailedTestSuites === 0) failed += 1;
} catch {
  failed += 1; // no report: Jest itself did not run
}
for (const step of steps.filter((s) => reports[s.name])) {
  try {
    const report = JSON.parse(readFileSync(reports[step.name]!, 'utf8')) as { passed: number; failed: number };
    passed += report.passed;
    failed += report.failed || (failedStep(step.name) ? 1 : 0);
  } catch {
    failed += 1; // the step did not get far enough to write its report
  }
}
// lint and typecheck count as one check each
for (const step of counted) {
  if (failedStep(step.name)) failed += 1;
  else passed += 1;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failedNames.length > 0 ? 1 : 0);
