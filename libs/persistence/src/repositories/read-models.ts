/** The read side as the API calls it: each query of `reads/`, on this database. */
import { DataSource } from 'typeorm';
import { CandidacyListFilter, listCandidacies } from '../reads/candidacy-list';
import { federationInbox, FederationInboxQuery } from '../reads/federation-inbox';
import { committeeInboxCandidacies, coopInboxCandidacies, InboxNarrowing } from '../reads/inbox-candidacies';
import { federationKpis } from '../reads/kpis';
import { engagementPopularity, practiceRows } from '../reads/practices';
import { sessionAgenda } from '../reads/session-agenda';

export class ReadModels {
  constructor(private readonly ds: DataSource) {}

  candidacies = (filter: CandidacyListFilter, scopeCooperativeId?: string, now?: Date) =>
    listCandidacies(this.ds, filter, scopeCooperativeId, now);
  coopInbox = (cooperativeId: string, narrowing?: InboxNarrowing) =>
    coopInboxCandidacies(this.ds, cooperativeId, narrowing);
  federationInbox = (now: Date, query?: FederationInboxQuery) => federationInbox(this.ds, now, query);
  committeeInbox = (memberId: string, narrowing?: InboxNarrowing) =>
    committeeInboxCandidacies(this.ds, memberId, narrowing);
  sessionAgenda = (sessionId: string, now?: Date) => sessionAgenda(this.ds, sessionId, now);
  kpis = (now?: Date) => federationKpis(this.ds, now);
  practiceRows = () => practiceRows(this.ds);
  engagementPopularity = () => engagementPopularity(this.ds);
}
