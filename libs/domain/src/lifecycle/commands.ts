/**
 * Commands (imperative) and the context that brings time, the actor and ids into `decide`.
 * The domain never reads a clock: `now` is the workflow's deterministic time.
 */
import type { CivilDate } from '../calendar/calendar';
import type { Policy } from './policy';
import type { CheckpointMonth, LabelState, VisitFinding } from './state';

export type Role = 'coop' | 'federation' | 'committee' | 'system';

export interface Actor {
  role: Role;
  id: string;
  /** Required for a coop actor: the cooperative it acts for. */
  cooperativeId?: string;
}

export interface CommandContext {
  now: string;
  actor: Actor;
  ids?: { next(): string };
}

type Decision = { motivation: string; sessionId: string };

export type Command =
  | {
      type: 'OpenCandidacy';
      candidacyId: string;
      cooperativeId: string;
      cycle: number;
      policy: Policy;
      label?: LabelState;
    }
  | { type: 'StartCycle'; cycle: number }
  | { type: 'SaveDraft'; dossierVersion: number; dossierHash?: string }
  | { type: 'SubmitDossier'; dossierVersion: number; dossierHash: string }
  | { type: 'PlaceOnAgenda'; sessionId: string; sessionDate: string; cutoffAt: string }
  | { type: 'CloseAgenda'; sessionId: string }
  | ({ type: 'RecordCompleteness'; complete: boolean; missing?: string[] } & Decision)
  | ({ type: 'RecordAdmissibility'; admissible: boolean } & Decision)
  | { type: 'AnswerComplement'; dossierVersion: number; dossierHash: string }
  | { type: 'LapseCandidacy' }
  | { type: 'FileProgressReport'; checkpoint: CheckpointMonth; reportId: string }
  | { type: 'AdviseOnCheckpoint'; checkpoint: CheckpointMonth; advice: string }
  | { type: 'MarkCheckpointOverdue'; checkpoint: CheckpointMonth }
  | { type: 'RequestHelp'; helpRequestId: string; question: string }
  | { type: 'AnswerHelpRequest'; helpRequestId: string; answer: string }
  | { type: 'DeclareReadiness' }
  | { type: 'EndImplementationWindow' }
  | { type: 'ScheduleVisit'; visitorId: string; visitDate: CivilDate }
  | { type: 'FileVisitReport'; reportId: string; findingsSummary: string; findings?: Record<string, VisitFinding> }
  | ({ type: 'DecideAward'; outcome: 'granted' | 'extension' | 'refused'; extensionMonths?: number } & Decision)
  | { type: 'FileMidTermReport'; reportId: string }
  | ({ type: 'DecideMidTerm'; outcome: 'confirmed' | 'withdrawn' } & Decision)
  | { type: 'RequestRenewal'; dossierVersion: number }
  | ({ type: 'DecideRenewal'; outcome: 'renewed' | 'refused' } & Decision)
  | { type: 'ExpireLabel' }
  | { type: 'Withdraw'; reason: string }
  | { type: 'RenounceLabel'; reason: string }
  | { type: 'SendReminder'; key: string };

export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** Who may send each command. OpenCandidacy: the coop itself, the federation on its behalf, or the system. */
export const COMMAND_ROLES: Record<CommandType, readonly Role[]> = {
  OpenCandidacy: ['coop', 'federation', 'system'],
  StartCycle: ['system'],
  SaveDraft: ['coop'],
  SubmitDossier: ['coop'],
  PlaceOnAgenda: ['system'],
  CloseAgenda: ['system'],
  RecordCompleteness: ['committee'],
  RecordAdmissibility: ['committee'],
  AnswerComplement: ['coop'],
  LapseCandidacy: ['system'],
  FileProgressReport: ['coop'],
  AdviseOnCheckpoint: ['federation'],
  MarkCheckpointOverdue: ['system'],
  RequestHelp: ['coop'],
  AnswerHelpRequest: ['federation'],
  DeclareReadiness: ['coop'],
  EndImplementationWindow: ['system'],
  ScheduleVisit: ['federation'],
  FileVisitReport: ['committee'],
  DecideAward: ['committee'],
  FileMidTermReport: ['coop'],
  DecideMidTerm: ['committee'],
  RequestRenewal: ['coop'],
  DecideRenewal: ['committee'],
  ExpireLabel: ['system'],
  Withdraw: ['coop'],
  RenounceLabel: ['coop'],
  SendReminder: ['system'],
};

/** Commands people send (through the API, as workflow Updates); the others come from timers and the workflow. */
export const ACTOR_COMMANDS = (Object.keys(COMMAND_ROLES) as CommandType[]).filter(
  (type) => type !== 'OpenCandidacy' && !COMMAND_ROLES[type].includes('system'),
);

/** Commands only the workflow sends (timers, agenda, cycles). */
export const SYSTEM_COMMANDS = (Object.keys(COMMAND_ROLES) as CommandType[]).filter((type) =>
  COMMAND_ROLES[type].every((role) => role === 'system'),
);
