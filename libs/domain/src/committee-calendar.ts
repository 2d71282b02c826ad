/**
 * The default committee calendar (spec §4.1): a session every quarter — the second Tuesday of
 * March, June, September and December at 10:00 Paris time — with the agenda cut-off
 * `sessionCutoffDays` before. In demo time a "quarter" is three demo months. Staff can add or
 * move sessions; this only generates the defaults.
 */
import { TZDate } from '@date-fns/tz';

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
const SESSION_MONTHS = [2, 5, 8, 11]; // March, June, September, December (0-based)

export function defaultSessionsAfter(after: string, policy: CalendarPolicy, count: number): CommitteeSessionRef[] {
  return policy.timeScale === 'demo' ? demoSessions(after, policy, count) : quarterlySessions(after, policy, count);
}

function quarterlySessions(after: string, policy: CalendarPolicy, count: number): CommitteeSessionRef[] {
  const sessions: CommitteeSessionRef[] = [];
  const start = new TZDate(Date.parse(after), 'Europe/Paris');
  for (let year = start.getFullYear(); sessions.length < count; year++) {
    for (const month of SESSION_MONTHS) {
      const date = secondTuesday(year, month);
      const cutoff = new TZDate(year, month, date - policy.sessionCutoffDays, 0, 0, 0, 'Europe/Paris');
      if (cutoff.getTime() <= Date.parse(after) || sessions.length >= count) continue;
      sessions.push({
        sessionId: `session-${year}-${String(month + 1).padStart(2, '0')}`,
        sessionDate: new Date(new TZDate(year, month, date, 10, 0, 0, 'Europe/Paris').getTime()).toISOString(),
        cutoffAt: new Date(cutoff.getTime()).toISOString(),
      });
    }
  }
  return sessions;
}

function secondTuesday(year: number, month: number): number {
  const firstDay = new TZDate(year, month, 1, 12, 0, 0, 'Europe/Paris').getDay(); // 0 = Sunday
  const firstTuesday = 1 + ((2 - firstDay + 7) % 7);
  return firstTuesday + 7;
}

/** Demo time: a session every three demo months on a fixed grid, so all demo candidacies share sessions. */
function demoSessions(after: string, policy: CalendarPolicy, count: number): CommitteeSessionRef[] {
  const month = policy.demoMonthMs ?? 10_000;
  const period = 3 * month;
  const cutoffGap = (policy.sessionCutoffDays * month) / 30;
  const sessions: CommitteeSessionRef[] = [];
  for (let n = Math.floor((Date.parse(after) + cutoffGap) / period) + 1; sessions.length < count; n++) {
    const at = n * period;
    if (at - cutoffGap <= Date.parse(after)) continue;
    sessions.push({ sessionId: `demo-session-${n}`, sessionDate: new Date(at).toISOString(), cutoffAt: new Date(at - cutoffGap).toISOString() });
  }
  return sessions;
}

export const MS_PER_DAY = DAY_MS;
