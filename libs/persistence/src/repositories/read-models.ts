/** The read side as the API calls it: each query of `reads/`, on this database. */
import { DataSource } from 'typeorm';
import { CandidacyListFilter, listCandidacies } from '../reads/candidacy-list';
import {
  committeeInboxCandidacies,
  coopInboxCandidacies,
  federationInboxCandidacies,
} from '../reads/inbox-candidacies';
import { federationKpis } from '../reads/kpis';
import { engagementPopularity, practiceRows } from '../reads/practices';
import { sessionAgenda } from '../reads/session-agenda';

export class ReadModels {
  constructor(private readonly ds: DataSource) {}

  candidacies = (filter: CandidacyListFilter, scopeCooperativeId?: string, now?: Date) =>
    listCandidacies(this.ds, filter, scopeCooperativeId, now);
  coopInbox = (cooperativeId: string) => coopInboxCandidacies(this.ds, cooperativeId);
  federationInbox = (now: Date) => federationInboxCandidacies(this.ds, now);
  committeeInbox = (memberId: string) => committeeInboxCandidacies(this.ds, memberId);
  sessionAgenda = (sessionId: string, now?: Date) => sessionAgenda(this.ds, sessionId, now);
  kpis = (now?: Date) => federationKpis(this.ds, now);
  practiceRows = () => practiceRows(this.ds);
  engagementPopularity = () => engagementPopularity(this.ds);
}
