/** Section d: runs the time-skipping workflow suite once and reads each test's wall time from its report. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@qualicoop/platform';

/** Rows of [file, test, ms, status], slowest first. */
export function workflowSuiteTimes(): Array<Array<string | number>> {
  const report = join(REPO_ROOT, '.data', 'bench', 'workflow-report.json');
  mkdirSync(join(REPO_ROOT, '.data', 'bench'), { recursive: true });
  spawnSync('npx', ['jest', '--selectProjects', 'workflow', '--runInBand', '--json', `--outputFile=${report}`], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
  });
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    testResults: Array<{
      name: string;
      assertionResults: Array<{ fullName: string; duration: number; status: string }>;
    }>;
  };
  const rows = json.testResults.flatMap((f) =>
    f.assertionResults.map(
      (t) => [f.name.replace(/.*\//, ''), t.fullName, t.duration ?? 0, t.status] as Array<string | number>,
    ),
  );
  return rows.sort((a, b) => Number(b[2]) - Number(a[2]));
}
