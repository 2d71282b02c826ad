/**
 * Events (past tense): the candidacy's history. Each carries `at` (the context's now) and `by`
 * (the actor id); committee decisions carry the session and the motivation (spec §4.1).
 * Computed deadlines are IN the events, so replaying a history never recomputes them.
 */
import type { CivilDate } from '../calendar/calendar';
import type { Role } from './commands';
import type { Deadline, Policy } from './policy';
import type { AgendaKind, CheckpointMonth, LabelState, VisitFinding } from './state';

type Meta = { at: string; by: string };
type Decision = Meta & { sessionId: string; motivation: string };

export type ReminderRecipient = Exclude<Role, 'system'> | 'visitor';

export interface CheckpointPlan {
  checkpoint: CheckpointMonth;
  opensAt: string;
  deadline: Deadline;
}

export type DomainEvent =
  | (Meta & {
      type: 'CandidacyOpened';
      candidacyId: string;
      cooperativeId: string;
      cycle: number;
      policy: Policy;
      label?: LabelState;
    })
  | (Meta & { type: 'CycleStarted'; cycle: number; label: LabelState })
  | (Meta & { type: 'DraftSaved'; dossierVersion: number; dossierHash?: string })
  | (Meta & { type: 'DossierSubmitted'; dossierVersion: number; dossierHash: string })
  | (Meta & { type: 'PlacedOnAgenda'; kind: AgendaKind; sessionId: string; sessionDate: string; cutoffAt: string })
  | (Meta & { type: 'AgendaClosed'; kind: AgendaKind; sessionId: string })
  | (Decision & { type: 'CompletenessRecorded'; complete: boolean; missing: string[] })
  | (Meta & { type: 'ComplementRequested'; round: number; missing: string[]; deadline: Deadline })
  | (Meta & { type: 'ComplementAnswered'; round: number; dossierVersion: number; dossierHash: string })
  | (Decision & {
      type: 'AdmissibilityRecorded';
      admissible: boolean;
      implementationDeadline?: Deadline;
      checkpoints?: CheckpointPlan[];
    })
  | (Meta & { type: 'CandidacyLapsed'; round: number; deadline: Deadline })
  | (Meta & { type: 'ProgressReportFiled'; checkpoint: CheckpointMonth; reportId: string; late: boolean })
  | (Meta & { type: 'CheckpointAdviceGiven'; checkpoint: CheckpointMonth; advice: string })
  | (Meta & { type: 'CheckpointOverdue'; checkpoint: CheckpointMonth; deadline: Deadline })
  | (Meta & { type: 'HelpRequested'; helpRequestId: string; question: string })
  | (Meta & { type: 'HelpRequestAnswered'; helpRequestId: string; answer: string })
  | (Meta & { type: 'ReadinessDeclared' })
  | (Meta & { type: 'ImplementationWindowEnded'; deadline: Deadline })
  | (Meta & { type: 'VisitScheduled'; round: number; visitorId: string; visitDate: CivilDate })
  | (Meta & {
      type: 'VisitReportFiled';
      reportId: string;
      findingsSummary: string;
      findings?: Record<string, VisitFinding>;
    })
  | (Decision & { type: 'LabelGranted'; label: LabelState })
  | (Decision & { type: 'ExtensionGranted'; months: number; implementationDeadline: Deadline })
  | (Decision & { type: 'LabelRefused' })
  | (Meta & { type: 'MidTermReportFiled'; reportId: string })
  | (Decision & { type: 'MidTermConfirmed' })
  | (Decision & { type: 'LabelWithdrawn' })
  | (Meta & { type: 'RenewalRequested'; dossierVersion: number })
  | (Decision & { type: 'LabelRenewed'; nextCycle: number; nextLabel: LabelState })
  | (Decision & { type: 'RenewalRefused' })
  | (Meta & { type: 'LabelExpired'; expiresOn: Deadline })
  | (Meta & { type: 'CandidacyWithdrawn'; reason: string })
  | (Meta & { type: 'LabelRenounced'; reason: string })
  | (Meta & { type: 'ReminderSent'; key: string; recipients: ReminderRecipient[]; subjectFr: string });

export type DomainEventType = DomainEvent['type'];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
