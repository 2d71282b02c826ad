/**
 * `npm test`: lint (with the layer rules), typecheck, format (prettier --check), then the Jest projects — unit, workflow
 * (time-skipping server), e2e (the real stack over HTTP) — each in its own process and side by
 * side (each has its own PostgreSQL and Temporal; a process of its own also means a CPU-bound unit
 * test never blocks the event loop the e2e suites' HTTP connections live on); then schemathesis
 * against the real API (about 1 minute; one check per role × operation), the fault test
 * (`test:faults`, about 4 minutes: 100 candidacies while the worker, Temporal and PostgreSQL are
 * crashed) and the cluster failover test (`test:cluster`: 200 candidacies on the full Temporal
 * server, 2 workers and 2 API instances, while each is crashed), and a closing `N passed, N failed`
 * counting every Jest test, lint, typecheck, format, and each check of the last three. `npm test -- <jest args>` runs lint, typecheck, format and that Jest selection
 * only, in one process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@qualicoop/platform';

interface Step {
  name: string;
  cmd: string;
  args: string[];
}

const env = { ...process.env, NX_DAEMON: 'false', FORCE_COLOR: '0' };
const extra = process.argv.slice(2);
const report = (name: string) => join(REPO_ROOT, '.data', `${name}-report.json`);
const jest = (name: string, args: string[]): Step => ({
  name,
  cmd: 'npx',
  args: ['jest', ...args, '--json', `--outputFile=${report(name)}`],
});

const checks: Step[] = [
  // `nx show projects` computes the project graph the module-boundary rule needs.
  { name: 'lint', cmd: 'npm', args: ['run', '--silent', 'lint'] },
  { name: 'typecheck', cmd: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'format', cmd: 'npx', args: ['prettier', '--check', '--log-level=warn', '.'] },
];
const jestSteps: Step[] =
  extra.length > 0
    ? [jest('jest', ['--runInBand', ...extra])]
    : [
        jest('jest-unit', ['--selectProjects', 'unit']),
        jest('jest-workflow', ['--selectProjects', 'workflow', '--runInBand']),
        jest('jest-e2e', ['--selectProjects', 'e2e', '--runInBand']),
      ];
/** Steps that write `{ passed, failed }` to a report, counted in the closing line. */
const reported: Step[] =
  extra.length > 0
    ? []
    : [
        {
          // The web console in Debian's Chromium against the whole system (test/browser, ADR 12).
          name: 'browser',
          cmd: 'npx',
          args: ['playwright', 'test', '-c', 'test/browser/playwright.config.ts'],
        },
        {
          name: 'schemathesis',
          cmd: 'node',
          args: ['-r', './infra/register-paths.cjs', 'dist/infra/src/schemathesis/run-schemathesis.js'],
        },
        {
          name: 'faults',
          cmd: 'node',
          args: ['-r', './infra/register-paths.cjs', 'dist/infra/src/faults/run-faults.js'],
        },
        {
          // The production shape (ADR 15): the full Temporal server, 2 workers, 2 API instances.
          name: 'cluster',
          cmd: 'node',
          args: ['-r', './infra/register-paths.cjs', 'dist/infra/src/faults/run-cluster-faults.js'],
        },
      ];

const failedNames: string[] = [];
const announce = (step: Step) => console.log(`\n[test] ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
const settle = (step: Step, status: number | null) => {
  if (status === 0) return;
  failedNames.push(step.name);
  console.log(`[test] ${step.name} FAILED`);
};

function runInline(step: Step): void {
  announce(step);
  rmSync(report(step.name), { force: true });
  settle(step, spawnSync(step.cmd, step.args, { stdio: 'inherit', cwd: REPO_ROOT, env }).status);
}

/** Runs steps side by side; each one's output is printed whole when it ends, not interleaved. */
async function runTogether(steps: Step[]): Promise<void> {
  await Promise.all(
    steps.map(
      (step) =>
        new Promise<void>((done) => {
          rmSync(report(step.name), { force: true });
          const started = Date.now();
          const child = spawn(step.cmd, step.args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
          const output: Buffer[] = [];
          child.stdout.on('data', (b: Buffer) => output.push(b));
          child.stderr.on('data', (b: Buffer) => output.push(b));
          child.on('close', (status) => {
            announce(step);
            process.stdout.write(Buffer.concat(output));
            console.log(`[test] ${step.name} took ${Math.round((Date.now() - started) / 1000)} s`);
            settle(step, status);
            done();
          });
        }),
    ),
  );
}

function count(): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const step of jestSteps) {
    try {
      const r = JSON.parse(readFileSync(report(step.name), 'utf8')) as {
        numPassedTests: number;
        numFailedTests: number;
        numFailedTestSuites: number;
      };
      passed += r.numPassedTests;
      failed += r.numFailedTests + (r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
      if (failedNames.includes(step.name) && r.numFailedTests === 0 && r.numFailedTestSuites === 0) failed += 1;
    } catch {
      failed += 1; // no report: Jest itself did not run
    }
  }
  for (const step of reported) {
    try {
      const r = JSON.parse(readFileSync(report(step.name), 'utf8')) as { passed: number; failed: number };
      passed += r.passed;
      failed += r.failed || (failedNames.includes(step.name) ? 1 : 0);
    } catch {
      failed += 1; // the step did not get far enough to write its report
    }
  }
  // lint, typecheck and format count as one check each
  for (const step of checks) {
    if (failedNames.includes(step.name)) failed += 1;
    else passed += 1;
  }
  return { passed, failed };
}

async function main(): Promise<void> {
  checks.forEach(runInline);
  if (jestSteps.length === 1) runInline(jestSteps[0]!);
  else await runTogether(jestSteps);
  reported.forEach(runInline);
  const { passed, failed } = count();
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || failedNames.length > 0 ? 1 : 0);
}

void main();
