/**
 * The candidacy workflow's interface: its input and result, one Update per actor command (the
 * Update's name is the command's type, so the Temporal UI shows "SubmitDossier", not "command"),
 * the state Query, and the activities the workflow calls.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, CandidacyState, Command, CommitteeSessionRef, DomainEvent, Policy } from '@qualicoop/domain';

export interface CandidacyInput {
  candidacyId: string;
  cooperativeId: string;
  cycle: number;
  policy: Policy;
  openedBy: Actor;
  /** Set when a renewal continues the candidacy as a new cycle. */
  carried?: CandidacyState;
}

export interface CandidacyResult {
  candidacyId: string;
  cycle: number;
  stage: string;
  closedAt: string;
}

export interface RecordedEvent {
  candidacyId: string;
  cooperativeId: string;
  cycle: number;
  sequence: number;
  event: DomainEvent;
}

export interface CommandRequest {
  command: Command;
  actor: Actor;
}

export interface CommandResponse {
  state: CandidacyState;
  events: Array<{ sequence: number; type: string }>;
}

export const commandUpdate = (type: Command['type']) => defineUpdate<CommandResponse, [CommandRequest]>(type);
export const stateQuery = defineQuery<CandidacyState>('state');
/** Staff moved a committee session: candidacies on its (still open) agenda follow it. */
export const sessionMovedSignal = defineSignal<[CommitteeSessionRef]>('sessionMoved');

/** Activities: every side effect of the workflow. Idempotent: Temporal retries them. */
export interface CandidacyActivities {
  /** Appends events (unique per candidacy/cycle/sequence) and updates the read model and the outbox, in one transaction. */
  recordEvents(events: RecordedEvent[]): Promise<void>;
  /** The next committee session whose agenda cut-off is after `now` (workflow time). */
  nextCommitteeSession(request: { now: string; policy: Policy }): Promise<CommitteeSessionRef>;
}
