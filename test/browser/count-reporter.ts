/** Writes `{ passed, failed }` for `npm test`'s closing line (.data/browser-report.json). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { BROWSER_STACK } from './stack';

export default class CountReporter implements Reporter {
  private passed = 0;
  private failed = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'passed') this.passed++;
    else if (result.status !== 'skipped' || test.expectedStatus !== 'skipped') this.failed++;
  }

  onEnd(): void {
    const dir = join(BROWSER_STACK.repoRoot, '.data');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'browser-report.json'), JSON.stringify({ passed: this.passed, failed: this.failed }));
  }
}
