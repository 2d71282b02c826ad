/** The committee calendar in PostgreSQL; default sessions are generated on demand. */
import { DataSource } from 'typeorm';
import { CommitteeSessionRef, defaultSessionsAfter, CalendarPolicy } from '@qualicoop/domain';

const calendarOf = (policy: CalendarPolicy) => (policy.timeScale === 'demo' ? 'demo' : 'standard');

export async function nextCommitteeSession(ds: DataSource, now: string, policy: CalendarPolicy): Promise<CommitteeSessionRef> {
  const calendar = calendarOf(policy);
  const find = async () => {
    const rows: Array<{ id: string; session_date: Date; cutoff_at: Date }> = await ds.query(
      'SELECT id, session_date, cutoff_at FROM committee_sessions WHERE calendar = $1 AND cutoff_at > $2 ORDER BY cutoff_at, id LIMIT 1',
      [calendar, now],
    );
    const row = rows[0];
    return row && { sessionId: row.id, sessionDate: row.session_date.toISOString(), cutoffAt: row.cutoff_at.toISOString() };
  };
  const found = await find();
  if (found) return found;
  // Ids derive from the dates, so concurrent generators agree and ON CONFLICT keeps one row.
  for (const s of defaultSessionsAfter(now, policy, 4)) {
    await ds.query(
      'INSERT INTO committee_sessions (id, calendar, session_date, cutoff_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
      [s.sessionId, calendar, s.sessionDate, s.cutoffAt],
    );
  }
  const generated = await find();
  if (!generated) throw new Error(`no committee session after ${now}`);
  return generated;
}
