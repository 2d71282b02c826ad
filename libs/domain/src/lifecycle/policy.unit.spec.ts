import {
  anchorOf,
  deadline,
  DEMO_POLICY,
  parisTimeOf,
  reminderAt,
  STANDARD_POLICY,
  windowOpensAt,
  withParisTime,
} from './policy';

describe('policy time arithmetic', () => {
  it('a calendar deadline is a Paris civil date, rolled to a working day, due at the end of it', () => {
    expect(deadline('2026-08-31T10:00:00.000Z', { months: 18 }, STANDARD_POLICY)).toEqual({
      date: '2028-02-29',
      dueAt: '2028-02-29T23:00:00.000Z',
    });
    expect(deadline('2026-08-31T10:00:00.000Z', { months: 6 }, STANDARD_POLICY)).toEqual({
      date: '2027-03-01',
      dueAt: '2027-03-01T23:00:00.000Z',
    });
    // 23:30 UTC on 31 Aug is already 1 Sept in Paris.
    expect(deadline('2026-08-31T23:30:00.000Z', { months: 18 }, STANDARD_POLICY).date).toBe('2028-03-01');
    // Summer: due at 22:00 UTC.
    expect(deadline('2026-06-09T08:00:00.000Z', { days: 60 }, STANDARD_POLICY)).toEqual({
      date: '2026-08-10',
      dueAt: '2026-08-10T22:00:00.000Z',
    });
    // 1 May 2027 is a Saturday; 29 March 2027 is Easter Monday.
    expect(deadline('2027-04-01T10:00:00.000Z', { days: 30 }, STANDARD_POLICY).date).toBe('2027-05-03');
    expect(deadline('2027-02-27T10:00:00.000Z', { months: 1 }, STANDARD_POLICY).date).toBe('2027-03-30'); // Saturday 27 March → Easter Monday → Tuesday
  });

  it('a reminder falls on the previous working day at 09:00 Paris', () => {
    const d = { date: '2027-03-01', dueAt: '2027-03-01T23:00:00.000Z' };
    expect(reminderAt(d, { daysBefore: 7 }, STANDARD_POLICY)).toBe('2027-02-22T08:00:00.000Z');
    expect(reminderAt(d, { daysBefore: 1 }, STANDARD_POLICY)).toBe('2027-02-26T08:00:00.000Z'); // Sunday → Friday
    const easter = { date: '2027-04-12', dueAt: '2027-04-12T22:00:00.000Z' };
    expect(reminderAt(easter, { daysBefore: 14 }, STANDARD_POLICY)).toBe('2027-03-26T08:00:00.000Z'); // Easter Monday → Friday, still CET
    expect(reminderAt(d, { monthsBefore: 1 }, STANDARD_POLICY)).toBe('2027-02-01T08:00:00.000Z');
  });

  it('demo scale: plain milliseconds, the date is the Paris date of the instant', () => {
    const from = '2026-03-01T09:00:00.000Z';
    expect(deadline(from, { months: 18 }, DEMO_POLICY)).toEqual({
      date: '2026-03-01',
      dueAt: '2026-03-01T09:03:00.000Z',
    });
    const d = deadline(from, { days: 60 }, DEMO_POLICY);
    expect(d.dueAt).toBe('2026-03-01T09:00:20.000Z');
    expect(reminderAt(d, { daysBefore: 3 }, DEMO_POLICY)).toBe('2026-03-01T09:00:19.000Z');
    expect(windowOpensAt(d, { months: 1 }, DEMO_POLICY)).toBe('2026-03-01T09:00:10.000Z');
    expect(anchorOf(d, DEMO_POLICY)).toBe(d.dueAt);
  });

  it('a window opens at the start of the day, without rolling', () => {
    const expiry = { date: '2030-12-16', dueAt: '2030-12-16T23:00:00.000Z' };
    expect(windowOpensAt(expiry, { months: 6 }, STANDARD_POLICY)).toBe('2030-06-15T22:00:00.000Z');
    expect(anchorOf(expiry, STANDARD_POLICY)).toBe('2030-12-15T23:00:00.000Z');
  });
});

describe('the Paris time rule travels with the policy (no module state)', () => {
  it('names the legacy rule only when a run needs it, and drops it again', () => {
    expect(withParisTime(STANDARD_POLICY, 'eu-rule')).toEqual(STANDARD_POLICY);
    const legacy = withParisTime(STANDARD_POLICY, 'legacy-tzdate');
    expect(legacy.parisTime).toBe('legacy-tzdate');
    expect('parisTime' in withParisTime(legacy, 'eu-rule')).toBe(false);
  });

  it('computes with the rule its policy names, whatever was computed before', () => {
    const legacy = withParisTime(STANDARD_POLICY, 'legacy-tzdate');
    // Outside the workflow sandbox @date-fns/tz has the full time-zone data: both rules agree,
    // across the October change, and neither call leaves anything behind for the next one.
    const from = '2027-04-30T22:30:00.000Z'; // 1 May 00:30 in Paris
    expect(deadline(from, { months: 6 }, legacy)).toEqual(deadline(from, { months: 6 }, STANDARD_POLICY));
    expect(parisTimeOf(legacy).dateOf(from)).toBe('2027-05-01');
    expect(parisTimeOf(STANDARD_POLICY).instant('2027-10-31', 10)).toBe('2027-10-31T09:00:00.000Z');
    expect(parisTimeOf(legacy).instant('2027-10-31', 10)).toBe('2027-10-31T09:00:00.000Z');
  });
});
