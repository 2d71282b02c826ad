/**
 * Wall-clock dates in e2e tests. A test that dates something "today" (a visit) and sends it a
 * moment later must not straddle midnight in Paris: the server would see a date in the past.
 */
import { parisDateOf } from '@qualicoop/domain';

/** Today in Paris, waiting past midnight first if it is less than `marginMs` away. */
export async function parisTodayForAWhile(marginMs = 60_000): Promise<string> {
  const today = parisDateOf(new Date().toISOString());
  if (parisDateOf(new Date(Date.now() + marginMs).toISOString()) === today) return today;
  while (parisDateOf(new Date().toISOString()) === today) await new Promise((r) => setTimeout(r, 1_000));
  return parisDateOf(new Date().toISOString());
}
