/** The shapes of the answers the console reads (the API documents its requests; these mirror its read models). */
import type { CandidacyState, DomainEvent, Stage } from '@qualicoop/domain';

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
  what: string;
  dueBy: string | null;
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
