/**
 * The lifecycle policy (spec §4, §4.5): versioned data handed to the workflow at start. A
 * candidacy keeps its policy for life, so changing a default never changes a running candidacy.
 */
import {
  addCalendarMonths,
  addDays,
  CivilDate,
  formatDateFr,
  formatParisTimeFr,
  nextWorkingDay,
  ParisTimeRule,
  parisTime,
  previousWorkingDay,
} from '../calendar/calendar';

export interface Policy {
  version: string;
  /** demo: a month is `demoMonthMs` ms, a day is demoMonthMs / 30; no working-day rolling. */
  timeScale: 'calendar' | 'demo';
  demoMonthMs?: number;
  implementationMonths: number;
  checkpointMonths: number[];
  labelMonths: number;
  midTermMonths: number;
  complementDays: number;
  extensionMaxMonths: number;
  extensionsAllowed: number;
  renewalWindowMonths: number;
  sessionCutoffDays: number;
  checkpointOverdueDays: number;
  reminders: {
    complementDaysBefore: number[];
    checkpointDaysBefore: number[];
    visitToPlanDaysBefore: number;
    visitDaysBefore: number[];
    midTermDaysBefore: number;
    renewalMonthsBefore: number[];
  };
  /** Reminders fire at this Paris hour on a working day. */
  reminderHour: number;
  /** How Paris time is computed: absent means the EU rule; set only for runs that replay older code (ADR 5). */
  parisTime?: ParisTimeRule;
}

/** Paris time as this policy computes it. */
export const parisTimeOf = (policy: Pick<Policy, 'parisTime'>) => parisTime(policy.parisTime);

/** The policy computing Paris time under `rule` (the EU rule is the default, so it is not written). */
export function withParisTime(policy: Policy, rule: ParisTimeRule | undefined): Policy {
  const { parisTime: _previous, ...rest } = policy;
  return rule && rule !== 'eu-rule' ? { ...rest, parisTime: rule } : rest;
}

export const STANDARD_POLICY: Policy = {
  version: 'standard-2026.1',
  timeScale: 'calendar',
  implementationMonths: 18,
  checkpointMonths: [6, 12],
  labelMonths: 36,
  midTermMonths: 18,
  complementDays: 60,
  extensionMaxMonths: 6,
  extensionsAllowed: 1,
  renewalWindowMonths: 6,
  sessionCutoffDays: 21,
  checkpointOverdueDays: 14,
  reminders: {
    complementDaysBefore: [14, 3],
    checkpointDaysBefore: [30, 7],
    visitToPlanDaysBefore: 60,
    visitDaysBefore: [14, 1],
    midTermDaysBefore: 30,
    renewalMonthsBefore: [6, 3, 1],
  },
  reminderHour: 9,
};

export const DEMO_POLICY: Policy = {
  ...STANDARD_POLICY,
  version: 'demo-2026.1',
  timeScale: 'demo',
  demoMonthMs: 10_000,
};

/**
 * A deadline: `date` is the civil date people see ("by 1 March 2027"); the thing is due at the
 * END of that date, so the timer fires at `dueAt`, the next day 00:00 Paris.
 */
export interface Deadline {
  date: CivilDate;
  dueAt: string;
}

export interface Span {
  months?: number;
  days?: number;
}

const DEFAULT_DEMO_MONTH_MS = 10_000;
const DAY_MS = 86_400_000;

export function demoMonthMs(policy: Policy): number {
  return policy.demoMonthMs ?? DEFAULT_DEMO_MONTH_MS;
}

function demoSpanMs(span: Span, policy: Policy): number {
  const month = demoMonthMs(policy);
  return (span.months ?? 0) * month + ((span.days ?? 0) * month) / 30;
}

function isoPlus(instant: string, ms: number): string {
  return new Date(Date.parse(instant) + ms).toISOString();
}

/**
 * A deadline `span` after an instant. Calendar scale: Paris civil date arithmetic (months
 * clamped), then the next working day. Demo scale: plain milliseconds.
 */
export function deadline(fromInstant: string, span: Span, policy: Policy): Deadline {
  if (policy.timeScale === 'demo') {
    const dueAt = isoPlus(fromInstant, demoSpanMs(span, policy));
    return { date: parisTimeOf(policy).dateOf(dueAt), dueAt };
  }
  const nominal = addDays(addCalendarMonths(parisTimeOf(policy).dateOf(fromInstant), span.months ?? 0), span.days ?? 0);
  return endOfDay(nextWorkingDay(nominal), policy);
}

/**
 * Whether people need the time of day to tell two dates apart: under a demo policy whose month
 * lasts less than a day, every date of a candidacy falls on the same day or two.
 */
export function showsTimeOfDay(policy: Policy): boolean {
  return policy.timeScale === 'demo' && demoMonthMs(policy) < DAY_MS;
}

/** An instant as people read it: « 2 juin 2027 », or « 2 décembre 2026 à 19 h 04 min 12 s » in demo time. */
export function formatInstantFr(instant: string, policy: Policy): string {
  const date = formatDateFr(parisTimeOf(policy).dateOf(instant));
  return showsTimeOfDay(policy) ? `${date} à ${formatParisTimeFr(instant)}` : date;
}

/** A deadline as people read it: its civil date, or in demo time the instant it falls due. */
export function formatDeadlineFr(d: Deadline, policy: Policy): string {
  return showsTimeOfDay(policy) ? formatInstantFr(d.dueAt, policy) : formatDateFr(d.date);
}

/** A deadline on a given civil date, due at its end (no rolling: used for visit dates). */
export function endOfDay(date: CivilDate, policy: Pick<Policy, 'parisTime'>): Deadline {
  return { date, dueAt: parisTimeOf(policy).instant(addDays(date, 1)) };
}

/**
 * The instant to count from when a deadline is itself the start of a span (label renewal from the
 * previous expiry, overdue after a checkpoint): its civil date in calendar scale, its instant in demo.
 */
export function anchorOf(d: Deadline, policy: Policy): string {
  return policy.timeScale === 'demo' ? d.dueAt : parisTimeOf(policy).instant(d.date);
}

export type Before = { daysBefore: number } | { monthsBefore: number };

/**
 * When to send a reminder `before` a deadline. Calendar scale: the civil date before the deadline
 * date, moved to the PREVIOUS working day (so it still precedes the deadline), at reminderHour.
 * Demo scale: the same span in ms before `dueAt`.
 */
export function reminderAt(d: Deadline, before: Before, policy: Policy): string {
  const span: Span = 'daysBefore' in before ? { days: before.daysBefore } : { months: before.monthsBefore };
  if (policy.timeScale === 'demo') return isoPlus(d.dueAt, -demoSpanMs(span, policy));
  const date = addDays(addCalendarMonths(d.date, -(span.months ?? 0)), -(span.days ?? 0));
  return parisTimeOf(policy).instant(previousWorkingDay(date), policy.reminderHour);
}

/** The first instant a span before a deadline (e.g. the renewal window): start of that day, no rolling. */
export function windowOpensAt(d: Deadline, span: Span, policy: Policy): string {
  if (policy.timeScale === 'demo') return isoPlus(d.dueAt, -demoSpanMs(span, policy));
  return parisTimeOf(policy).instant(addDays(addCalendarMonths(d.date, -(span.months ?? 0)), -(span.days ?? 0)));
}
