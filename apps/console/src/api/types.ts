/**
 * The shapes of the answers the console reads: the API's own schemas (docs/openapi.json, typed by
 * openapi-typescript in ./openapi.d.ts), with the domain's types where the document stays loose
 * (the candidacy's `state`, a history entry's event).
 */
import type { AgendaKind, CandidacyState, DomainEvent, Stage } from '@qualicoop/domain';
import type { components } from './openapi';

type Schemas = components['schemas'];

/** The document says "an object" for the domain's CandidacyState: the domain's type says which. */
type WithDomainState<T extends { state: unknown }> = Omit<T, 'state'> & { state: CandidacyState };

/**
 * A candidacy as the API shows it (`Candidacy`); `GET /candidacies/{id}` adds who visits and, for
 * the Fédération, the workflow's page in the Temporal UI.
 */
export type CandidacyView = WithDomainState<Schemas['Candidacy']> &
  Partial<Pick<Schemas['CandidacyDetail'], 'visitor' | 'workflowUrl'>>;

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export type CandidacyListItem = Schemas['CandidacyListItem'];

export type InboxItem = Schemas['InboxItem'];

/** A history entry, its event typed by the domain. */
export type HistoryEntry = Omit<Schemas['HistoryEntry'], 'type' | 'data'> & {
  type: DomainEvent['type'];
  data: DomainEvent;
};

/** A report the candidacy's history names (`GET /candidacies/{id}/reports`). */
export type FiledReport = Schemas['FiledReport'];

/** What a progress, mid-term or visit report says. */
export type ReportContent = Schemas['ReportContent'];

export type ActionStatus = NonNullable<ReportContent['actions']>[number]['status'];

/** A committee session of the calendar (`GET /committee-sessions`). */
export type SessionView = Schemas['CommitteeSession'];

/** A session's agenda (`GET /committee-sessions/{id}/agenda`). */
export type SessionAgendaView = Schemas['SessionAgenda'];

/** `GET /kpis`: the Fédération's indicators (spec §5). */
export type Kpis = Schemas['Kpis'];

/** `GET /kpis/practices`: which engagements the submitted dossiers choose, with their indicators. */
export type EngagementPopularity = Schemas['EngagementPopularity'];

// The document's enums are the domain's lists: a stage or agenda kind added on one side only stops compiling here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _stages: Same<Schemas['Stage'], Stage> = true;
const _agendaKinds: Same<Schemas['AgendaKind'], AgendaKind> = true;
const _page: Same<Page<CandidacyListItem>, Schemas['CandidacyPage']> = true;
