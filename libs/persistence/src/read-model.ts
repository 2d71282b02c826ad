/**
 * Writes a candidacy's read-model row from its folded state: one statement shared by the
 * projection (event-store.ts) and the rebuild command (rebuild.ts), so both derive the columns
 * the same way.
 */
import { EntityManager } from 'typeorm';
import { CandidacyState, isClosed, needsFederation, overdueCheckpoints, searchableDates } from '@qualicoop/domain';
import { candidacyWorkflowId } from '@qualicoop/contracts';

export interface ReadModelRow {
  candidacyId: string;
  cooperativeId: string;
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
       federation_todo, overdue_checkpoints)
     VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8, $7::timestamptz), $9, $10, $11, $12, $13, $14, $15, $17, $18)
     ON CONFLICT (id) DO UPDATE SET cycle = $4, stage = $5, closed = $6,
       opened_at = CASE WHEN $16 THEN $7::timestamptz ELSE candidacies.opened_at END,
       stage_since = COALESCE($8, candidacies.stage_since), next_deadline_at = $9, next_deadline_label = $10,
       label_expires_on = $11, dossier_version = $12, last_sequence = $13, state = $14, updated_at = $15,
       federation_todo = $17, overdue_checkpoints = $18`,
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
      needsFederation(s),
      overdue.length ? JSON.stringify(overdue) : null,
    ],
  );
}
