/** The workflow's side effects, bound to a database. Each is idempotent under retries. */
import { DataSource } from 'typeorm';
import type { CandidacyActivities } from '@qualicoop/contracts';
import { nextCommitteeSession } from './committee-sessions';
import { recordEvents } from './event-store';

export function createCandidacyActivities(ds: DataSource): CandidacyActivities {
  return {
    async recordEvents(events) {
      await recordEvents(ds, events);
    },
    nextCommitteeSession({ now, policy }) {
      return nextCommitteeSession(ds, now, policy);
    },
  };
}
