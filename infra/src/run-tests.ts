/**
 * `npm test`: lint (with the layer rules), typecheck, then every Jest project — unit, workflow
 * (time-skipping server), e2e (the real stack over HTTP) — and a closing `N passed, N failed`.
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
const extra = process.argv.slice(2);
const steps: Step[] = [
  // `nx show projects` computes the project graph the module-boundary rule needs.
  { name: 'lint', cmd: 'npm', args: ['run', '--silent', 'lint'] },
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'jest', cmd: 'npx', args: ['jest', '--runInBand', '--json', `--outputFile=${jestReport}`, ...extra] },
];

let failedSteps = 0;
for (const step of steps) {
  console.log(`\n[test] ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
  if (step.name === 'jest') rmSync(jestReport, { force: true });
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit', cwd: REPO_ROOT, env: { ...process.env, NX_DAEMON: 'false', FORCE_COLOR: '0' } });
  if (r.status !== 0) {
    failedSteps += 1;
    console.log(`[test] ${step.name} FAILED`);
  }
}

let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(jestReport, 'utf8')) as { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number };
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
} catch {
  failed += 1; // no report: Jest itself did not run
}
// lint and typecheck count as one check each
passed += steps.length - 1 - Math.min(failedSteps, steps.length - 1);
failed += failedSteps > 0 && failed === 0 ? failedSteps : 0;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failedSteps > 0 ? 1 : 0);
