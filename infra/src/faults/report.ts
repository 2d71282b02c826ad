/** A campaign's checks, printed and written as the report that `npm test` adds to its count. */
import { writeFileSync } from 'node:fs';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** Writes the campaign's report (read by `npm test`) and prints its checks; exits 1 on a failure. */
export function conclude(
  label: string,
  reportPath: string,
  result: { checks: Check[]; figures: Record<string, unknown> },
): void {
  const { checks, figures } = result;
  console.log(JSON.stringify(figures, null, 2));
  const failed = checks.filter((c) => !c.ok).length;
  writeFileSync(reportPath, JSON.stringify({ passed: checks.length - failed, failed, checks, figures }, null, 2));
  for (const c of checks) console.log(`[${label}] ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.ok ? '' : ` — ${c.detail}`}`);
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  if (failed) process.exitCode = 1;
}

/** What a campaign that could not even run writes, so that `npm test` counts it as failed. */
export function concludeBroken(label: string, reportPath: string, e: unknown): void {
  console.error(e);
  writeFileSync(
    reportPath,
    JSON.stringify({ passed: 0, failed: 1, checks: [{ name: `${label} test ran`, ok: false, detail: String(e) }] }),
  );
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
}
