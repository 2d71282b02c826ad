/** The shapes of the answers the console reads (the API documents its requests; these mirror its read models). */
import type { AgendaKind, CandidacyState, DomainEvent, Stage } from '@qualicoop/domain';

export interface CandidacyView {
  id: string;
  cooperativeId: string;
  workflowId: string;
  cycle: number;
  stage: Stage;
  closed: boolean;
  openedAt: string;
  stageSince: string;
  nextDeadline: { at: string; what: string | null } | null;
  labelExpiresOn: string | null;
  dossierVersion: number | null;
  state: CandidacyState;
  /** Only on `GET /candidacies/{id}`: who visits, once the visit is planned. */
  visitor?: { id: string; name: string } | null;
  /** Only for the Fédération: the workflow in the operators' Temporal UI (null when none is configured). */
  workflowUrl?: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface CandidacyListItem {
  id: string;
  cooperativeId: string;
  cooperativeName: string;
  cycle: number;
  stage: Stage;
  stageLabel: string;
  stageSince: string;
  nextDeadline: { at: string; what: string | null } | null;
  labelExpiresOn: string | null;
  closed: boolean;
}

export interface InboxItem {
  candidacyId: string;
  cooperativeId: string;
  cooperativeName: string;
  stage: Stage;
  stageLabel: string;
  what: string;
  dueBy: string | null;
  overdue: boolean;
  action: string | null;
  method: 'GET' | 'POST' | null;
}

export interface HistoryEntry {
  cycle: number;
  sequence: number;
  type: DomainEvent['type'];
  occurredAt: string;
  actorId: string;
  data: DomainEvent;
}

/** A report the candidacy's history names (`GET /candidacies/{id}/reports`). */
export interface FiledReport {
  id: string;
  kind: 'progress' | 'mid_term' | 'visit';
  cycle: number;
  checkpoint: number | null;
  late: boolean;
  content: ReportContent;
  filedBy: string;
  filedAt: string;
}

/** What a progress or mid-term report says. */
export interface ReportContent {
  indicators?: Array<{ engagementId: string; indicatorName: string; value: number }>;
  actions?: Array<{ action: string; status: ActionStatus }>;
  comment?: string;
  findingsSummary?: string;
  findings?: Record<string, 'on_track' | 'partly' | 'not_met'>;
}

export type ActionStatus = 'not_started' | 'in_progress' | 'done';

/** A committee session of the calendar (`GET /committee-sessions`). */
export interface SessionView {
  id: string;
  calendar: string;
  sessionDate: string;
  cutoffAt: string;
  agendaClosed: boolean;
  members: string[];
}

/** A session's agenda (`GET /committee-sessions/{id}/agenda`). */
export interface SessionAgendaView {
  session: { id: string; calendar: string; sessionDate: string; cutoffAt: string; agendaClosed: boolean } | null;
  items: Array<{
    candidacyId: string;
    cooperativeId: string;
    cooperativeName: string;
    cycle: number;
    kind: AgendaKind;
    kindLabel: string;
    stage: Stage;
    stageLabel: string;
    placedAt: string | null;
    onAgenda: boolean;
    agendaClosed: boolean;
  }>;
}

/** `GET /kpis`: the Fédération's indicators (spec §5). */
export interface Kpis {
  asOf: string;
  engagementRate: { activeCooperatives: number; engaged: number; rate: number; target: number };
  engagementHistory: Array<{ month: string; activeCooperatives: number; engaged: number; rate: number }>;
  funnel: Array<{ stage: Stage; stageLabel: string; closed: boolean; count: number; medianDaysInStage: number | null }>;
  overdueCheckpoints: {
    count: number;
    items: Array<{
      candidacyId: string;
      cooperativeId: string;
      cooperativeName: string;
      checkpoint: number;
      deadline: string;
      dueAt: string;
    }>;
  };
  labelsExpiringWithin6Months: {
    count: number;
    items: Array<{
      candidacyId: string;
      cooperativeId: string;
      cooperativeName: string;
      stage: Stage;
      labelExpiresOn: string;
      renewalRequested: boolean;
    }>;
  };
  committeeWorkload: Array<{
    sessionId: string;
    calendar: string;
    sessionDate: string;
    cutoffAt: string;
    items: number;
  }>;
}

/** `GET /kpis/practices`: which engagements the submitted dossiers choose, with their indicators. */
export interface EngagementPopularity {
  dossiers: number;
  engagements: Array<{
    engagementId: string;
    axis: string;
    title: string;
    count: number;
    indicators: Array<{ name: string; count: number }>;
  }>;
}
