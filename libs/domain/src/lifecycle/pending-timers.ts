/**
 * Every deadline and reminder the current state implies (spec §4.5), for the workflow to arm as
 * timers. Pure: a function of the state only, so the workflow and `decide` always agree.
 *
 * Choices:
 * - A key names one subject occurrence (complement round, implementation window, visit round), so
 *   for a given key `dueAt` and `command` do not change (except an agenda item moved within the
 *   same session): the workflow should still re-read the list after every state change.
 * - A reminder stops being pending once sent (its key in `remindersSent`) or once its subject is
 *   done or no longer relevant (report filed, complement answered, visit held, renewal requested,
 *   stage left).
 * - "Now" for this function is `state.updatedAt` (the time of the last event). A reminder already
 *   past then is kept (the workflow sends it at once) EXCEPT when its subject's deadline is past
 *   too, or when a later reminder of the same subject is past as well (only the latest is sent).
 * - Deadline timers are always listed while they apply, even if past: they fire at once.
 */
import type { Command } from './commands';
import type { ReminderRecipient } from './domain-events';
import { isReached } from './guards';
import { formatInstantFr, type Deadline } from './policy';
import type { CandidacyState } from './state';
import { isClosedStage } from './state';
import { complementTimers, checkpointTimers, implementationTimers, labelTimers, visitTimers } from './timer-catalog';

export interface PendingTimer {
  key: string;
  /** The instant the timer fires. */
  dueAt: string;
  /** Shown to operators (Temporal UI timer summary). */
  summaryFr: string;
  /** The system command to decide when due. */
  command: Command;
  kind: 'deadline' | 'reminder';
  /** Reminders: who receives it and the e-mail subject. */
  recipients?: ReminderRecipient[];
  subjectFr?: string;
  /**
   * Deadlines that fire after the thing is due (an escalation, e.g. a checkpoint report overdue
   * after its grace period): when it is due and what, for people. Otherwise the timer's own dueAt.
   */
  subjectDue?: { dueAt: string; whatFr: string };
}

/** A candidate reminder with what the filtering needs. */
export interface ReminderCandidate extends PendingTimer {
  kind: 'reminder';
  /** Same value for the reminders of one subject occurrence. */
  group: string;
  subject: Deadline;
}

export type TimerCandidate = PendingTimer | ReminderCandidate;

export function pendingTimers(state: CandidacyState): PendingTimer[] {
  if (isClosedStage(state.stage)) return [];
  const candidates: TimerCandidate[] = [
    ...agendaTimers(state),
    ...complementTimers(state),
    ...implementationTimers(state),
    ...checkpointTimers(state),
    ...visitTimers(state),
    ...labelTimers(state),
  ];
  const deadlines = candidates.filter((t) => !isReminder(t));
  const reminders = filterReminders(candidates.filter(isReminder), state);
  return [...deadlines, ...reminders].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key));
}

function isReminder(t: TimerCandidate): t is ReminderCandidate {
  return t.kind === 'reminder' && 'group' in t;
}

function filterReminders(reminders: ReminderCandidate[], state: CandidacyState): PendingTimer[] {
  const ref = state.updatedAt;
  const sent = new Set(state.remindersSent);
  const kept: PendingTimer[] = [];
  for (const group of new Set(reminders.map((r) => r.group))) {
    const members = reminders.filter((r) => r.group === group);
    const lastSentAt = Math.max(...members.filter((r) => sent.has(r.key)).map((r) => Date.parse(r.dueAt)), -Infinity);
    const open = members.filter(
      (r) => !sent.has(r.key) && Date.parse(r.dueAt) > lastSentAt && !isReached(ref, r.subject.dueAt),
    );
    const past = open.filter((r) => isReached(ref, r.dueAt));
    const latestPast = past.reduce<ReminderCandidate | undefined>(
      (latest, r) => (!latest || Date.parse(r.dueAt) > Date.parse(latest.dueAt) ? r : latest),
      undefined,
    );
    for (const r of open) {
      if (isReached(ref, r.dueAt) && r !== latestPast) continue;
      const { group: _group, subject: _subject, ...timer } = r;
      kept.push(timer);
    }
  }
  return kept;
}

function agendaTimers(state: CandidacyState): TimerCandidate[] {
  const agenda = state.agenda;
  if (!agenda || agenda.closed) return [];
  return [
    {
      key: `deadline:agenda-${agenda.kind}-${agenda.sessionId}`,
      dueAt: agenda.cutoffAt,
      summaryFr: `Clôture de l'ordre du jour de la séance du comité du ${formatInstantFr(agenda.sessionDate, state.policy)} (envoi aux membres du comité)`,
      command: { type: 'CloseAgenda', sessionId: agenda.sessionId },
      kind: 'deadline',
    },
  ];
}

/** For the search attributes and the read model: the next deadline and the label expiry. */
export interface SearchableDates {
  /** Instant the next thing falls due, and what it is (French). */
  nextDeadline?: string;
  nextDeadlineLabel?: string;
  /** Instant the label lapses (end of its expiry date), and that civil date. */
  labelExpiry?: string;
  labelExpiresOn?: string;
}

/**
 * `nextDeadline` is the next thing due (a checkpoint report on its due date), the date the inbox
 * shows. Before v4 the workflow's search attribute was the next deadline *timer* (for a
 * checkpoint, its overdue escalation two weeks later): `'timer'` keeps that for runs replaying
 * their history (workflow patch `next-deadline-is-due-date`).
 */
export function searchableDates(state: CandidacyState, nextDeadlineOf: 'due' | 'timer' = 'due'): SearchableDates {
  const deadlines = pendingTimers(state)
    .filter((t) => t.kind === 'deadline')
    .map((t) => (nextDeadlineOf === 'due' && t.subjectDue ? t.subjectDue : { dueAt: t.dueAt, whatFr: t.summaryFr }));
  const next =
    nextDeadlineOf === 'due' ? [...deadlines].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0] : deadlines[0];
  const label = isClosedStage(state.stage) ? undefined : state.label;
  return {
    ...(next ? { nextDeadline: next.dueAt, nextDeadlineLabel: next.whatFr } : {}),
    ...(label ? { labelExpiry: label.expiresOn.dueAt, labelExpiresOn: label.expiresOn.date } : {}),
  };
}
