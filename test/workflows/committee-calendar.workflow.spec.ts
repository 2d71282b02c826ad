/**
 * The committee calendar as candidacies use it: a submitted dossier goes on the agenda of the
 * earliest session whose cut-off is still ahead — a default quarterly session, or one the
 * federation added — whatever else the calendar already holds further ahead.
 */
import { defaultSessionsAfter, STANDARD_POLICY } from '@qualicoop/domain';
import { CandidacyDriver } from '../support/candidacy-driver';
import { Harness, startHarness } from '../support/workflow-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const DAY = 86_400_000;
const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/**
 * Skips the clock to 1 January, noon UTC, so many years ahead that no other suite has sessions
 * there in the shared database; the next quarterly cut-off is then some 45 days away.
 */
async function newYearIn(years: number): Promise<string> {
  const now = await h.env.currentTimeMs();
  const target = Date.UTC(new Date(now).getUTCFullYear() + years, 0, 1, 12);
  await h.env.sleep(target - now);
  return new Date(await h.env.currentTimeMs()).toISOString();
}

async function addSession(id: string, sessionDate: string): Promise<void> {
  await h.ds.query(
    `INSERT INTO committee_sessions (id, calendar, session_date, cutoff_at) VALUES ($1, 'standard', $2, $3)`,
    [id, sessionDate, shift(sessionDate, -21 * DAY)],
  );
}

async function submittedAt(d: CandidacyDriver): Promise<string> {
  return (await d.events()).find((e) => e.type === 'DossierSubmitted')!.data.at as string;
}

it('places a dossier on the next quarterly session even when a session far ahead is already in the calendar', async () => {
  const now = await newYearIn(9);
  const [next] = defaultSessionsAfter(now, STANDARD_POLICY, 1);
  await addSession('session-extra-far-ahead', shift(next!.sessionDate, 400 * DAY));

  const d = await CandidacyDriver.open(h, 'coop-test-50');
  const placed = await d.submit();

  expect(placed.agenda?.sessionId).toBe(defaultSessionsAfter(await submittedAt(d), STANDARD_POLICY, 1)[0]?.sessionId);
  expect(placed.agenda?.sessionId).not.toBe('session-extra-far-ahead');
});

it('places a dossier on a session the federation added before the next quarterly one', async () => {
  const now = await newYearIn(12);
  const [next] = defaultSessionsAfter(now, STANDARD_POLICY, 1);
  // An extra session on 1 February, its cut-off (11 January) before the March session's.
  const extraDate = shift(now, 31 * DAY);
  expect(Date.parse(shift(extraDate, -21 * DAY))).toBeLessThan(Date.parse(next!.cutoffAt));
  await addSession('session-extra-before-next', extraDate);

  const d = await CandidacyDriver.open(h, 'coop-test-51');
  const placed = await d.submit();

  expect(placed.agenda).toMatchObject({
    sessionId: 'session-extra-before-next',
    sessionDate: extraDate,
    cutoffAt: shift(extraDate, -21 * DAY),
  });
});
