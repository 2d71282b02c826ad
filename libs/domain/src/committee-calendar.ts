/**
 * The default committee calendar (spec §4.1): a session every quarter — the second Tuesday of
 * March, June, September and December at 10:00 Paris time — with the agenda cut-off
 * `sessionCutoffDays` before. In demo time a "quarter" is three demo months. Staff can add or
 * move sessions; this only generates the defaults.
 */
import { addDays, dayOfWeek, parisDateOf, parisInstant } from './calendar/calendar';

export interface CommitteeSessionRef {
  sessionId: string;
  sessionDate: string; // instant
  cutoffAt: string; // instant
}

export interface CalendarPolicy {
  timeScale: 'calendar' | 'demo';
  demoMonthMs?: number;
  sessionCutoffDays: number;
}

const DAY_MS = 86_400_000;
const SESSION_MONTHS = [3, 6, 9, 12]; // March, June, September, December

export function defaultSessionsAfter(after: string, policy: CalendarPolicy, count: number): CommitteeSessionRef[] {
  return policy.timeScale === 'demo' ? demoSessions(after, policy, count) : quarterlySessions(after, policy, count);
}

/**
 * The agenda cut-off of a session held at `sessionDate`: in calendar time, the start of the day
 * (Paris) `sessionCutoffDays` before the session's day; in demo time, as many demo days before.
 */
export function agendaCutoffOf(sessionDate: string, policy: CalendarPolicy): string {
  if (policy.timeScale === 'demo') return new Date(Date.parse(sessionDate) - demoCutoffGap(policy)).toISOString();
  return parisInstant(addDays(parisDateOf(sessionDate), -policy.sessionCutoffDays));
}

const demoCutoffGap = (policy: CalendarPolicy) => (policy.sessionCutoffDays * (policy.demoMonthMs ?? 10_000)) / 30;

function quarterlySessions(after: string, policy: CalendarPolicy, count: number): CommitteeSessionRef[] {
  const sessions: CommitteeSessionRef[] = [];
  for (let year = Number(parisDateOf(after).slice(0, 4)); sessions.length < count; year++) {
    for (const month of SESSION_MONTHS) {
      const date = secondTuesday(year, month);
      const sessionDate = parisInstant(date, 10);
      const cutoffAt = agendaCutoffOf(sessionDate, policy);
      if (Date.parse(cutoffAt) <= Date.parse(after) || sessions.length >= count) continue;
      sessions.push({
        sessionId: `session-${year}-${String(month).padStart(2, '0')}`,
        sessionDate,
        cutoffAt,
      });
    }
  }
  return sessions;
}

/** The second Tuesday of a month (1-based), as a civil date. */
function secondTuesday(year: number, month: number): string {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const firstTuesday = 1 + ((2 - dayOfWeek(first) + 7) % 7);
  return addDays(first, firstTuesday + 7 - 1);
}

/** Demo time: a session every three demo months on a fixed grid, so all demo candidacies share sessions. */
function demoSessions(after: string, policy: CalendarPolicy, count: number): CommitteeSessionRef[] {
  const period = 3 * (policy.demoMonthMs ?? 10_000);
  const cutoffGap = demoCutoffGap(policy);
  const sessions: CommitteeSessionRef[] = [];
  for (let n = Math.floor((Date.parse(after) + cutoffGap) / period) + 1; sessions.length < count; n++) {
    const at = n * period;
    if (at - cutoffGap <= Date.parse(after)) continue;
    sessions.push({
      sessionId: `demo-session-${n}`,
      sessionDate: new Date(at).toISOString(),
      cutoffAt: new Date(at - cutoffGap).toISOString(),
    });
  }
  return sessions;
}

export const MS_PER_DAY = DAY_MS;
