import {
  addCalendarMonths,
  addDays,
  isWorkingDay,
  nextWorkingDay,
  parisDateOf,
  parisInstant,
  previousWorkingDay,
} from './calendar';

describe('calendar (Europe/Paris civil dates)', () => {
  it('adds calendar months clamped to the end of a shorter month', () => {
    expect(addCalendarMonths('2026-08-31', 18)).toBe('2028-02-29'); // 2028 is a leap year
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2026-03-15', -6)).toBe('2025-09-15');
    expect(addCalendarMonths('2026-08-31', 36)).toBe('2029-08-31');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2026-10-24', 60)).toBe('2026-12-23');
  });

  it('reads the Paris civil date of an instant, across midnight and DST', () => {
    expect(parisDateOf('2026-08-31T22:30:00.000Z')).toBe('2026-09-01'); // 00:30 CEST
    expect(parisDateOf('2026-12-31T22:59:59.000Z')).toBe('2026-12-31'); // 23:59 CET
    expect(parisDateOf('2026-12-31T23:00:00.000Z')).toBe('2027-01-01');
  });

  it('gives the instant of a Paris wall-clock time, summer and winter', () => {
    expect(parisInstant('2027-07-01')).toBe('2027-06-30T22:00:00.000Z');
    expect(parisInstant('2027-01-15', 9)).toBe('2027-01-15T08:00:00.000Z');
    // DST starts on 28 March 2027 at 02:00: midnight is still CET, 09:00 is CEST.
    expect(parisInstant('2027-03-28')).toBe('2027-03-27T23:00:00.000Z');
    expect(parisInstant('2027-03-28', 9)).toBe('2027-03-28T07:00:00.000Z');
    // DST ends on 31 October 2027.
    expect(parisInstant('2027-11-01')).toBe('2027-10-31T23:00:00.000Z');
  });

  it('knows French public holidays, including the movable ones', () => {
    expect(isWorkingDay('2027-05-03')).toBe(true); // a plain Monday
    expect(isWorkingDay('2027-03-29')).toBe(false); // Easter Monday 2027
    expect(isWorkingDay('2027-05-06')).toBe(false); // Ascension 2027
    expect(isWorkingDay('2027-05-17')).toBe(false); // Whit Monday 2027
    expect(isWorkingDay('2027-03-26')).toBe(true); // Good Friday: Alsace-Moselle only
    expect(isWorkingDay('2027-12-26')).toBe(false); // a Sunday anyway
  });

  it('rolls a weekend or a holiday to the next working day', () => {
    expect(nextWorkingDay('2027-02-28')).toBe('2027-03-01'); // Sunday → Monday
    expect(nextWorkingDay('2027-03-27')).toBe('2027-03-30'); // Saturday, Sunday, Easter Monday
    expect(nextWorkingDay('2026-05-01')).toBe('2026-05-04'); // Friday 1 May → Monday
    expect(nextWorkingDay('2026-07-14')).toBe('2026-07-15'); // Tuesday 14 July
    expect(nextWorkingDay('2026-12-25')).toBe('2026-12-28'); // Friday Christmas → Monday
    expect(nextWorkingDay('2027-01-01')).toBe('2027-01-04'); // Friday New Year → Monday
    expect(nextWorkingDay('2027-03-30')).toBe('2027-03-30'); // already a working day
  });

  it('rolls back to the previous working day for reminders', () => {
    expect(previousWorkingDay('2027-03-29')).toBe('2027-03-26'); // Easter Monday → Friday
    expect(previousWorkingDay('2027-02-28')).toBe('2027-02-26');
  });
});

describe('the Paris offset rule, against the time-zone data of this Node', () => {
  const intlDate = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const intlTime = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

  it('gives the same Paris date as Intl for every 47 minutes of 2024–2036, DST changes included', () => {
    let checked = 0;
    for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2036, 0, 1); ms += 47 * 60_000) {
      const instant = new Date(ms).toISOString();
      expect(parisDateOf(instant)).toBe(intlDate.format(ms));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(130_000);
  });

  it('puts midnight, 09:00 and 10:00 Paris on the right instant every day of 2024–2036', () => {
    for (let day = '2024-01-01'; day < '2036-01-01'; day = addDays(day, 1)) {
      for (const hour of [0, 9, 10]) {
        const ms = Date.parse(parisInstant(day, hour));
        expect([intlDate.format(ms), intlTime.format(ms)]).toEqual([day, `${String(hour).padStart(2, '0')}:00`]);
      }
    }
  });
});
