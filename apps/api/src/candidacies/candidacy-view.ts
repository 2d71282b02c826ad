/** A candidacy as the API shows it: its read model. */
import type { CandidacyEntity } from '@qualicoop/persistence';

export function candidacyView(row: CandidacyEntity) {
  return {
    id: row.id,
    cooperativeId: row.cooperativeId,
    workflowId: row.workflowId,
    cycle: row.cycle,
    stage: row.stage,
    closed: row.closed,
    openedAt: row.openedAt,
    stageSince: row.stageSince,
    nextDeadline: row.nextDeadlineAt ? { at: row.nextDeadlineAt, what: row.nextDeadlineLabel } : null,
    labelExpiresOn: row.labelExpiresOn,
    dossierVersion: row.dossierVersion,
    lastSequence: row.lastSequence,
    state: row.state,
  };
}
