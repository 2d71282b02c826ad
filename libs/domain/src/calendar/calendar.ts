/**
 * Civil dates and instants in Europe/Paris (spec §4.6). A civil date is a 'YYYY-MM-DD' string;
 * an instant is an ISO string in UTC. Pure: no clock, safe in the Temporal workflow sandbox.
 * Date arithmetic on civil dates is done in UTC on the date alone, so no time zone can shift it.
 *
 * The Paris offset is computed from the EU summer-time rule itself (UTC+2 from the last Sunday of
 * March 01:00 UTC to the last Sunday of October 01:00 UTC, UTC+1 otherwise), not from the host's
 * time-zone data: inside the workflow sandbox `Intl`-based libraries (@date-fns/tz) silently fell
 * back to UTC, and a workflow must not depend on the tzdata of whichever host replays it (ADR 6).
 * Workflows started before that fix replay with the old computation (`parisTime('legacy-tzdate')`, ADR 5).
 */
import { TZDate } from '@date-fns/tz';
import joursFeries from '@socialgouv/jours-feries';

export type CivilDate = string;

export const PARIS_TZ = 'Europe/Paris';
const DAY_MS = 86_400_000;
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  y: number;
  m: number; // 1..12
  d: number;
}

function parse(date: CivilDate): Ymd {
  const match = CIVIL_DATE.exec(date);
  if (!match) throw new RangeError(`Not a civil date (YYYY-MM-DD): ${date}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

function format({ y, m, d }: Ymd): CivilDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fromUtcMs(ms: number): CivilDate {
  const date = new Date(ms);
  return format({ y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() });
}

function toUtcMs(date: CivilDate): number {
  const { y, m, d } = parse(date);
  return Date.UTC(y, m - 1, d);
}

const HOUR_MS = 3_600_000;

/** 01:00 UTC on the last Sunday of `month` (1-based) of `year`: when EU summer time starts or ends. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** The offset of Paris time from UTC at an instant, in ms (EU rule, in force since 1996). */
export function parisOffsetMs(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const summer = utcMs >= lastSundayAt1Utc(year, 3) && utcMs < lastSundayAt1Utc(year, 10);
  return (summer ? 2 : 1) * HOUR_MS;
}

/**
 * 'eu-rule': the rule above. 'legacy-tzdate': @date-fns/tz as first shipped, kept only so that
 * workflows started before the fix replay exactly as they ran. A candidacy's policy names the
 * rule it computes with (`Policy.parisTime`); the workflow sets it in the command that opens the
 * candidacy or starts its cycle (ADR 5). Nothing here is module state.
 */
export type ParisTimeRule = 'eu-rule' | 'legacy-tzdate';

/** Paris civil dates and wall-clock instants, under one rule. */
export interface ParisTime {
  /** The Europe/Paris civil date of an instant. */
  dateOf(instant: string): CivilDate;
  /**
   * The instant of a Paris wall-clock time on a civil date. A time skipped when clocks go forward
   * (02:00–03:00 on the last Sunday of March) is read with the winter offset, i.e. an hour later.
   */
  instant(date: CivilDate, hour?: number, minute?: number): string;
}

function instantMs(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${instant}`);
  return ms;
}

const EU_RULE: ParisTime = {
  dateOf: (instant) => {
    const ms = instantMs(instant);
    return fromUtcMs(ms + parisOffsetMs(ms));
  },
  instant: (date, hour = 0, minute = 0) => {
    const wall = toUtcMs(date) + hour * HOUR_MS + minute * 60_000;
    const winter = wall - HOUR_MS;
    const summer = wall - 2 * HOUR_MS;
    return new Date(parisOffsetMs(summer) === 2 * HOUR_MS ? summer : winter).toISOString();
  },
};

const LEGACY_TZDATE: ParisTime = {
  dateOf: (instant) => {
    const paris = new TZDate(instantMs(instant), PARIS_TZ);
    return format({ y: paris.getFullYear(), m: paris.getMonth() + 1, d: paris.getDate() });
  },
  instant: (date, hour = 0, minute = 0) => {
    const { y, m, d } = parse(date);
    return new Date(new TZDate(y, m - 1, d, hour, minute, 0, PARIS_TZ).getTime()).toISOString();
  },
};

/** Paris time under a rule; the EU rule when none is named. */
export function parisTime(rule: ParisTimeRule = 'eu-rule'): ParisTime {
  return rule === 'legacy-tzdate' ? LEGACY_TZDATE : EU_RULE;
}

/** The Europe/Paris civil date of an instant (EU rule). */
export const parisDateOf = (instant: string): CivilDate => EU_RULE.dateOf(instant);

/** The instant of a Paris wall-clock time on a civil date (EU rule). */
export const parisInstant = (date: CivilDate, hour = 0, minute = 0): string => EU_RULE.instant(date, hour, minute);

export function addDays(date: CivilDate, n: number): CivilDate {
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}

/** Calendar months, clamped to the end of a shorter month: 2026-08-31 + 18 → 2028-02-29. */
export function addCalendarMonths(date: CivilDate, n: number): CivilDate {
  const { y, m, d } = parse(date);
  const monthIndex = y * 12 + (m - 1) + n;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return format({ y: year, m: month, d: Math.min(d, daysInMonth(year, month)) });
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CivilDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

// Holidays per year, memoised: the computation is pure, so the cache is too.
const holidayCache = new Map<number, ReadonlySet<CivilDate>>();

/** French public holidays of metropolitan France (Easter Monday, Ascension, Whit Monday included). */
export function publicHolidays(year: number): ReadonlySet<CivilDate> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  // The library builds each day at local midnight; local getters give back its civil date
  // whatever the process time zone is.
  const days = Object.values(joursFeries(year)).map((day) =>
    format({ y: day.getFullYear(), m: day.getMonth() + 1, d: day.getDate() }),
  );
  const set: ReadonlySet<CivilDate> = new Set(days);
  holidayCache.set(year, set);
  return set;
}

export function isPublicHoliday(date: CivilDate): boolean {
  return publicHolidays(parse(date).y).has(date);
}

/** Monday to Friday and not a French public holiday. */
export function isWorkingDay(date: CivilDate): boolean {
  const day = dayOfWeek(date);
  return day !== 0 && day !== 6 && !isPublicHoliday(date);
}

/** The same date if it is a working day, else the next one. */
export function nextWorkingDay(date: CivilDate): CivilDate {
  let current = date;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  return current;
}

/** The same date if it is a working day, else the previous one. */
export function previousWorkingDay(date: CivilDate): CivilDate {
  let current = date;
  while (!isWorkingDay(current)) current = addDays(current, -1);
  return current;
}

/** Civil dates in this format compare correctly as strings. */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** '2027-03-01' → '1er mars 2027', for messages people read. */
export function formatDateFr(date: CivilDate): string {
  const { y, m, d } = parse(date);
  return `${d === 1 ? '1er' : d} ${MONTHS_FR[m - 1] ?? ''} ${y}`;
}

/** The Paris wall-clock time of an instant, as French writes it: '19 h 04 min 12 s'. */
export function formatParisTimeFr(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${instant}`);
  const wall = new Date(ms + parisOffsetMs(ms));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${wall.getUTCHours()} h ${two(wall.getUTCMinutes())} min ${two(wall.getUTCSeconds())} s`;
}

export function isCivilDate(value: string): boolean {
  const match = CIVIL_DATE.exec(value);
  return match !== null && addDays(value, 0) === value;
}
