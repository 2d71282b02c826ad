import { dateFr, dateTimeFr, dueFr, monthFr, numberFr, percentFr } from './format';

describe('dates and numbers as the console writes them', () => {
  it('writes a day as « 2 juin 2027 », the first of a month as « 1er »', () => {
    expect(dateFr('2027-06-02')).toBe('2 juin 2027');
    expect(dateFr('2027-03-01')).toBe('1er mars 2027');
    expect(dateFr(null)).toBe('—');
  });

  it('takes the Paris day of an instant, not the UTC one', () => {
    expect(dateFr('2027-06-01T22:30:00.000Z')).toBe('2 juin 2027'); // 00 h 30 in Paris
    expect(dateTimeFr('2027-06-02T12:32:00.000Z')).toBe('2 juin 2027 à 14 h 32');
  });

  it('says a deadline that falls due at midnight as the day it ends, and keeps any other time', () => {
    expect(dueFr('2027-06-02T22:00:00.000Z')).toBe('2 juin 2027'); // midnight ending 2 June (summer time)
    expect(dueFr('2027-01-15T23:00:00.000Z')).toBe('15 janvier 2027'); // midnight ending 15 January (winter)
    expect(dueFr('2026-12-03T05:02:23.000Z')).toBe('3 décembre 2026 à 6 h 02'); // demo time
  });

  it('writes numbers the French way: « 1 234,5 »', () => {
    expect(numberFr(1234.5)).toBe('1\u00a0234,5');
    expect(numberFr(0.25)).toBe('0,25');
  });

  it('writes a rate as « 62,5 % » and a month as « décembre 2026 » or « déc. 2026 »', () => {
    expect(percentFr(0.625)).toBe('62,5\u00a0%');
    expect(percentFr(0.8)).toBe('80\u00a0%');
    expect(monthFr('2026-12')).toBe('décembre 2026');
    expect(monthFr('2027-02', true)).toBe('févr. 2027');
  });
});
