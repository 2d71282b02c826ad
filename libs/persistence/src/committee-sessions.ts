/** The committee calendar in PostgreSQL; default sessions are generated on demand. */
import { DataSource } from 'typeorm';
import { CommitteeSessionRef, defaultSessionsAfter, CalendarPolicy } from '@qualicoop/domain';

const calendarOf = (policy: CalendarPolicy) => (policy.timeScale === 'demo' ? 'demo' : 'standard');
/** Enough default sessions that one of them is still ahead even if staff moved the next ones. */
const DEFAULTS_AHEAD = 4;

/**
 * The session whose agenda a dossier submitted at `now` goes on: the earliest session of the
 * calendar whose cut-off is still ahead — a default one or one staff added or moved.
 *
 * The default sessions after `now` are written first (ids derive from the dates, so concurrent
 * callers agree and ON CONFLICT keeps one row, and a default session staff moved keeps its new
 * dates). Looking up the stored rows alone is not enough: a session added far ahead (by staff, or
 * by a lookup made at a later instant) would hide the default sessions before it, and the dossier
 * would wait for that one.
 */
export async function nextCommitteeSession(
  ds: DataSource,
  now: string,
  policy: CalendarPolicy,
): Promise<CommitteeSessionRef> {
  const calendar = calendarOf(policy);
  const defaults = defaultSessionsAfter(now, policy, DEFAULTS_AHEAD);
  const values = defaults.map((_, i) => `($${4 * i + 1}, $${4 * i + 2}, $${4 * i + 3}, $${4 * i + 4})`).join(', ');
  await ds.query(
    `INSERT INTO committee_sessions (id, calendar, session_date, cutoff_at) VALUES ${values} ON CONFLICT (id) DO NOTHING`,
    defaults.flatMap((s) => [s.sessionId, calendar, s.sessionDate, s.cutoffAt]),
  );
  const rows: Array<{ id: string; session_date: Date; cutoff_at: Date }> = await ds.query(
    'SELECT id, session_date, cutoff_at FROM committee_sessions WHERE calendar = $1 AND cutoff_at > $2 ORDER BY cutoff_at, id LIMIT 1',
    [calendar, now],
  );
  const row = rows[0];
  if (!row)
    throw new Error(
      `no committee session after ${now}: the next ${DEFAULTS_AHEAD} default sessions were all moved before it`,
    );
  return { sessionId: row.id, sessionDate: row.session_date.toISOString(), cutoffAt: row.cutoff_at.toISOString() };
}
