/**
 * Writes a candidacy's read models from its folded state (its row, and the federation's tasks on
 * it): shared by the projection (event-store.ts) and the rebuild command (rebuild.ts), so both
 * derive them the same way.
 */
import { EntityManager } from 'typeorm';
import { CandidacyState, isClosed, overdueCheckpoints, searchableDates } from '@qualicoop/domain';
import { candidacyWorkflowId } from '@qualicoop/contracts';
import { replaceFederationTasks } from './federation-tasks';

export interface ReadModelRow {
  candidacyId: string;
  cooperativeId: string;
  /** Read by the caller under a share lock on the cooperative (see federation-tasks.ts). */
  cooperativeName: string;
  cycle: number;
  state: CandidacyState;
  /** Used when the row is created, or always when `rebuild`. */
  openedAt: string;
  /** When the stage last changed; null keeps the stored value. */
  stageSince: string | null;
  lastSequence: number;
  updatedAt: string;
  /** A rebuild overwrites `opened_at` too; a projection keeps the first one. */
  rebuild?: boolean;
}

export async function upsertReadModel(tx: EntityManager, row: ReadModelRow): Promise<void> {
  const s = row.state;
  const { nextDeadline, nextDeadlineLabel, labelExpiry } = searchableDates(s);
  const overdue = overdueCheckpoints(s);
  await tx.query(
    `INSERT INTO candidacies (id, cooperative_id, workflow_id, cycle, stage, closed, opened_at, stage_since,
       next_deadline_at, next_deadline_label, label_expires_on, dossier_version, last_sequence, state, updated_at,
       overdue_checkpoints)
     VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8, $7::timestamptz), $9, $10, $11, $12, $13, $14, $15, $17)
     ON CONFLICT (id) DO UPDATE SET cycle = $4, stage = $5, closed = $6,
       opened_at = CASE WHEN $16 THEN $7::timestamptz ELSE candidacies.opened_at END,
       stage_since = COALESCE($8, candidacies.stage_since), next_deadline_at = $9, next_deadline_label = $10,
       label_expires_on = $11, dossier_version = $12, last_sequence = $13, state = $14, updated_at = $15,
       overdue_checkpoints = $17`,
    [
      row.candidacyId,
      row.cooperativeId,
      candidacyWorkflowId(row.cooperativeId),
      row.cycle,
      s.stage,
      isClosed(s),
      row.openedAt,
      row.stageSince,
      nextDeadline ?? null,
      nextDeadlineLabel ?? null,
      labelExpiry ? labelExpiry.slice(0, 10) : null,
      s.dossierVersion ?? null,
      row.lastSequence,
      s,
      row.updatedAt,
      row.rebuild ?? false,
      overdue.length ? JSON.stringify(overdue) : null,
    ],
  );
  await replaceFederationTasks(tx, [{ candidacyId: row.candidacyId, state: s, cooperativeName: row.cooperativeName }]);
}
