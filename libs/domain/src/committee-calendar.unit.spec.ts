import { agendaCutoffOf, defaultSessionsAfter } from './committee-calendar';

const standard = { timeScale: 'calendar' as const, sessionCutoffDays: 21 };

describe('default committee calendar', () => {
  it('holds a session every quarter on the second Tuesday at 10:00 Paris, cut-off 21 days before', () => {
    const sessions = defaultSessionsAfter('2026-11-23T12:00:00.000Z', standard, 3);
    // The December 2026 session's cut-off (17 Nov) has passed on 23 Nov: the next one is March 2027.
    expect(sessions[0]).toEqual({
      sessionId: 'session-2027-03',
      sessionDate: '2027-03-09T09:00:00.000Z',
      cutoffAt: '2027-02-15T23:00:00.000Z',
    }); // 16 Feb 00:00 Paris
    expect(sessions[1]?.sessionId).toBe('session-2027-06');
    expect(sessions[1]?.sessionDate).toBe('2027-06-08T08:00:00.000Z'); // summer time
    expect(sessions[2]?.sessionId).toBe('session-2027-09');
  });

  it('gives every demo candidacy the same sessions on a fixed grid', () => {
    const demo = { timeScale: 'demo' as const, demoMonthMs: 10_000, sessionCutoffDays: 21 };
    const [a] = defaultSessionsAfter('2026-11-23T12:00:01.000Z', demo, 1);
    const [b] = defaultSessionsAfter('2026-11-23T12:00:02.000Z', demo, 1);
    expect(a).toEqual(b);
    expect(Date.parse(a!.sessionDate) - Date.parse(a!.cutoffAt)).toBe(7000);
    expect(Date.parse(a!.cutoffAt)).toBeGreaterThan(Date.parse('2026-11-23T12:00:02.000Z'));
  });
});

describe('the agenda cut-off of a session staff add or move', () => {
  it('is the start of the day in Paris 21 days before, across a change of summer time too', () => {
    // 7 April 2031 at 10:00 Paris (summer time); 21 days before is 17 March, in winter time.
    expect(agendaCutoffOf('2031-04-07T08:00:00.000Z', standard)).toBe('2031-03-16T23:00:00.000Z');
    // 21 × 24 h before the session would have been 08:00 UTC on 17 March: 09:00 Paris, not the day's start.
    expect(agendaCutoffOf('2031-01-20T09:00:00.000Z', standard)).toBe('2030-12-29T23:00:00.000Z');
  });
});
