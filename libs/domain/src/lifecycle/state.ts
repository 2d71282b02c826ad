/**
 * The state of one candidacy cycle: one record with optional parts, `stage` says where it is.
 * Everything the rules and the deadlines need is here; the dossier itself lives in the database
 * (only its version and hash are kept). Built only by `evolve`.
 */
import type { CivilDate } from '../calendar/calendar';
import type { Deadline, Policy } from './policy';

export const STAGES = [
  'draft',
  'submitted',
  'on_agenda',
  'under_review',
  'awaiting_complement',
  'lapsed',
  'not_admissible',
  'implementation',
  'visit_to_plan',
  'visit_scheduled',
  'visit_done',
  'award_decision',
  'not_awarded',
  'labelled',
  'mid_term_review',
  'label_withdrawn',
  'renewal_requested',
  'renewed',
  'expired',
  'withdrawn',
  'renounced',
] as const;
export type Stage = (typeof STAGES)[number];

/** `renewed` closes this cycle: the workflow continues-as-new into the next one. */
export const CLOSED_STAGES: readonly Stage[] = [
  'lapsed',
  'not_admissible',
  'not_awarded',
  'label_withdrawn',
  'renewed',
  'expired',
  'withdrawn',
  'renounced',
];

/** Stages before the award, from which the coop may withdraw. */
export const PRE_AWARD_STAGES: readonly Stage[] = [
  'draft',
  'submitted',
  'on_agenda',
  'under_review',
  'awaiting_complement',
  'implementation',
  'visit_to_plan',
  'visit_scheduled',
  'visit_done',
  'award_decision',
];

/** Stages holding a label, which the coop may renounce. */
export const LABEL_STAGES: readonly Stage[] = ['labelled', 'mid_term_review', 'renewal_requested'];

export const STAGE_LABELS_FR: Record<Stage, string> = {
  draft: 'brouillon',
  submitted: 'dossier déposé',
  on_agenda: "inscrite à l'ordre du jour du comité",
  under_review: 'en examen par le comité',
  awaiting_complement: 'en attente de complément',
  lapsed: 'classée sans suite',
  not_admissible: 'non admissible',
  implementation: 'période de mise en œuvre',
  visit_to_plan: 'visite à planifier',
  visit_scheduled: 'visite planifiée',
  visit_done: 'visite effectuée',
  award_decision: "en attente de la décision d'octroi",
  not_awarded: 'label non octroyé',
  labelled: 'labellisée',
  mid_term_review: 'point à mi-parcours',
  label_withdrawn: 'label retiré',
  renewal_requested: 'renouvellement demandé',
  renewed: 'renouvelée',
  expired: 'label expiré',
  withdrawn: 'candidature retirée',
  renounced: 'label abandonné',
};

/** Months after admissibility (6 and 12 in the standard policy); any value of `policy.checkpointMonths`. */
export type CheckpointMonth = number;
export type AgendaKind = 'dossier' | 'complement' | 'visit_report' | 'mid_term' | 'renewal';

/** What an agenda item is, as the committee reads it. */
export const AGENDA_KIND_LABELS_FR: Record<AgendaKind, string> = {
  dossier: 'dossier de candidature (complétude et admissibilité)',
  complement: 'réponse à une demande de complément',
  visit_report: "compte rendu de visite (décision d'octroi)",
  mid_term: 'point à mi-parcours du label',
  renewal: 'demande de renouvellement du label',
};

export interface CompletenessOutcome {
  complete: boolean;
  missing: string[];
  sessionId: string;
  at: string;
}

export interface ComplementRequest {
  /** 1 for the first request of the cycle, 2 for the next…: keeps reminder keys unique. */
  round: number;
  missing: string[];
  deadline: Deadline;
  answeredAt?: string;
}

export interface CheckpointState {
  checkpoint: CheckpointMonth;
  /** A report may be filed from this instant (admissibility for 6, the 6-month deadline for 12). */
  opensAt: string;
  deadline: Deadline;
  reportId?: string;
  reportFiledAt?: string;
  advice?: string;
  adviceGivenAt?: string;
  overdue: boolean;
}

export interface HelpRequest {
  helpRequestId: string;
  question: string;
  askedAt: string;
  answer?: string;
  answeredAt?: string;
}

export interface VisitState {
  round: number;
  visitorId: string;
  date: CivilDate;
  report?: { reportId: string; findingsSummary: string; findings?: Record<string, VisitFinding>; filedAt: string };
}
export type VisitFinding = 'on_track' | 'partly' | 'not_met';
export const VISIT_FINDINGS: readonly VisitFinding[] = ['on_track', 'partly', 'not_met'];

export interface AgendaItem {
  kind: AgendaKind;
  sessionId: string;
  sessionDate: string;
  cutoffAt: string;
  closed: boolean;
}

export interface CommitteeDecision<O extends string> {
  outcome: O;
  sessionId: string;
  motivation: string;
  at: string;
  by: string;
}

export interface MidTermState {
  deadline: Deadline;
  reportId?: string;
  reportFiledAt?: string;
  decided?: 'confirmed' | 'withdrawn';
}

export interface LabelState {
  /** When the committee granted (or renewed) it. */
  grantedAt: string;
  /** The civil date it runs from (the decision date, or the previous expiry date when renewed). */
  startsOn: CivilDate;
  expiresOn: Deadline;
  midTerm: MidTermState;
}

export interface RenewalState {
  requestedAt: string;
  dossierVersion: number;
  refused?: boolean;
  decidedAt?: string;
  /** Set when renewed: the label the next cycle starts with. */
  nextLabel?: LabelState;
}

export interface CandidacyState {
  candidacyId: string;
  cooperativeId: string;
  cycle: number;
  policy: Policy;
  stage: Stage;
  openedAt: string;
  /** The dossier version last saved or submitted (the dossier itself lives in the database). */
  dossierVersion?: number;
  /** SHA-256 of the version the committee sees (set on submission and complement answers). */
  dossierHash?: string;
  dossierSubmittedAt?: string;
  completeness?: CompletenessOutcome;
  complement?: ComplementRequest;
  complementRounds: number;
  admissibility?: CommitteeDecision<'admissible' | 'not_admissible'>;
  admissibleOn?: CivilDate;
  implementationDeadline?: Deadline;
  extensionsUsed: number;
  checkpoints: CheckpointState[];
  readinessDeclaredAt?: string;
  helpRequests: HelpRequest[];
  visit?: VisitState;
  visitRounds: number;
  agenda?: AgendaItem;
  award?: CommitteeDecision<'granted' | 'extension' | 'refused'>;
  label?: LabelState;
  renewal?: RenewalState;
  remindersSent: string[];
  /** Number of events applied in this cycle. */
  sequence: number;
  /** `at` of the last event applied: the reference time for timers (see pending-timers.ts). */
  updatedAt: string;
  closedAt?: string;
}

export function isClosedStage(stage: Stage): boolean {
  return CLOSED_STAGES.includes(stage);
}

export function isClosed(state: CandidacyState | undefined): boolean {
  return state !== undefined && isClosedStage(state.stage);
}

export function checkpointOf(state: CandidacyState, checkpoint: number): CheckpointState | undefined {
  return state.checkpoints.find((c) => c.checkpoint === checkpoint);
}
