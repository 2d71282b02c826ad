/**
 * What a person has to do about a candidacy, by when, and which command does it: the inbox's
 * rules as pure functions of a candidacy's state and a date (the read side, and anything else
 * that tells people what is due, use these; SQL only narrows the candidacies to look at).
 */
import type { CommandType } from '../lifecycle/commands';
import { formatDeadlineFr, formatInstantFr, type Deadline } from '../lifecycle/policy';
import type { CandidacyState, CheckpointState } from '../lifecycle/state';

/** How the task is done: a command (with what names its target), the candidacy to look at, or nothing to call. */
export type TaskAction =
  { kind: 'command'; command: CommandType; checkpoint?: number; helpRequestId?: string } | { kind: 'view' };

export interface Task {
  /** What is due, in French, as one sentence. */
  whatFr: string;
  /** ISO instant, or null when nothing fixes a date. */
  dueAt: string | null;
  action: TaskAction | null;
  /** Committee decisions: the session in which to decide. */
  sessionId?: string;
}

export const task = (whatFr: string, dueAt: string | null, action: TaskAction | null = null): Task => ({
  whatFr,
  dueAt,
  action,
});
export const command = (
  name: CommandType,
  target: { checkpoint?: number; helpRequestId?: string } = {},
): TaskAction => ({ kind: 'command', command: name, ...target });
export const VIEW: TaskAction = { kind: 'view' };

/** Dates as people read them; in demo time (a month shorter than a day) with the time of day. */
export const instantFr = (instant: string, s: CandidacyState) => formatInstantFr(instant, s.policy);
export const deadlineFr = (d: Deadline, s: CandidacyState) => formatDeadlineFr(d, s.policy);

/**
 * A checkpoint report flagged overdue (escalated) and still not filed, while it can still be
 * filed: once the implementation window is over, a missing report is history, not a task.
 */
export function isOverdueAndUnfiled(s: CandidacyState, cp: CheckpointState): boolean {
  return s.stage === 'implementation' && cp.overdue && !cp.reportFiledAt;
}

/** The checkpoint reports overdue and unfiled: the read model keeps them for lists and KPIs. */
export function overdueCheckpoints(s: CandidacyState): Array<Pick<CheckpointState, 'checkpoint' | 'deadline'>> {
  return s.checkpoints
    .filter((cp) => isOverdueAndUnfiled(s, cp))
    .map(({ checkpoint, deadline }) => ({ checkpoint, deadline }));
}
