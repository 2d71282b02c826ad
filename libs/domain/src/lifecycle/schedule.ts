/**
 * Deadlines derived from the state, shared by `decide` (is it due yet?) and `timers` (when to
 * fire), so both always agree.
 */
import { anchorOf, deadline, Deadline, endOfDay, parisTimeOf, windowOpensAt } from './policy';
import type { CandidacyState, CheckpointState, LabelState } from './state';

/** A checkpoint report still missing this long after its deadline is flagged overdue and escalated. */
export function overdueDeadline(cp: CheckpointState, state: CandidacyState): Deadline {
  return deadline(anchorOf(cp.deadline, state.policy), { days: state.policy.checkpointOverdueDays }, state.policy);
}

/** The renewal window opens `renewalWindowMonths` before the expiry date (start of that day). */
export function renewalWindowOpensAt(label: LabelState, state: CandidacyState): string {
  return windowOpensAt(label.expiresOn, { months: state.policy.renewalWindowMonths }, state.policy);
}

/** The visit "deadline": the end of the visit day (reminders count back from its date). */
export function visitDeadline(state: CandidacyState): Deadline | undefined {
  return state.visit ? endOfDay(state.visit.date, state.policy) : undefined;
}

/** A label granted at `grantedAt`, running from the decision date. */
export function labelFrom(grantedAt: string, state: CandidacyState): LabelState {
  const { policy } = state;
  return {
    grantedAt,
    startsOn: parisTimeOf(policy).dateOf(grantedAt),
    expiresOn: deadline(grantedAt, { months: policy.labelMonths }, policy),
    midTerm: { deadline: deadline(grantedAt, { months: policy.midTermMonths }, policy) },
  };
}

/**
 * The label of the next cycle after a renewal: it runs from the previous expiry date (so a renewal
 * decided early loses nothing, and one decided after the expiry date leaves no gap) for
 * `labelMonths`, with its own mid-term review.
 */
export function nextCycleLabel(state: CandidacyState, grantedAt: string = state.updatedAt): LabelState {
  if (state.renewal?.nextLabel) return state.renewal.nextLabel;
  const previous = state.label;
  if (!previous) throw new RangeError('nextCycleLabel: this cycle holds no label');
  const { policy } = state;
  const anchor = anchorOf(previous.expiresOn, policy);
  return {
    grantedAt,
    startsOn: previous.expiresOn.date,
    expiresOn: deadline(anchor, { months: policy.labelMonths }, policy),
    midTerm: { deadline: deadline(anchor, { months: policy.midTermMonths }, policy) },
  };
}

/**
 * Whether the cooperative may prepare its renewal dossier now: while its label runs (including
 * its mid-term review), until it has asked for the renewal or been refused one. The request
 * itself waits for the renewal window (decideRequestRenewal).
 */
export function renewalPreparable(state: Pick<CandidacyState, 'stage' | 'renewal'>): boolean {
  return (state.stage === 'labelled' || state.stage === 'mid_term_review') && !state.renewal?.refused;
}
