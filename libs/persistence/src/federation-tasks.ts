/**
 * The federation's tasks as a read model: every task the domain lists for a candidacy
 * (`federationTaskList`), one row each, written in the transaction that writes the candidacy's
 * row. The inbox is then filtered, sorted and paged by SQL on any day: the only rule that depends
 * on the date (a label expiring within six months) is kept as the horizon from which a task is
 * listed. The sentences name the cooperative, so renaming one rewrites its tasks
 * (`RegisterRepository.updateCooperative`), under the lock order the projection uses:
 * candidacy row first, then the cooperative's.
 */
import { EntityManager } from 'typeorm';
import { CandidacyState, federationTaskList, TaskAction } from '@qualicoop/domain';

/** A candidacy whose tasks to write: its state, and the name its cooperative has now. */
export interface TaskSource {
  candidacyId: string;
  state: CandidacyState;
  cooperativeName: string;
}

/** A row of `federation_tasks`, as written and as compared by the rebuild. */
export interface FederationTaskRow {
  candidacy_id: string;
  position: number;
  what_fr: string;
  due_at: string | null;
  action: TaskAction | null;
  listed_from_horizon: string | null;
}

export function federationTaskRows(sources: readonly TaskSource[]): FederationTaskRow[] {
  return sources.flatMap(({ candidacyId, state, cooperativeName }) =>
    federationTaskList(state, cooperativeName).map((t, position) => ({
      candidacy_id: candidacyId,
      position,
      what_fr: t.whatFr,
      due_at: t.dueAt,
      action: t.action,
      listed_from_horizon: t.listedFromHorizon,
    })),
  );
}

/** Replaces the tasks of these candidacies (in the caller's transaction). */
export async function replaceFederationTasks(tx: EntityManager, sources: readonly TaskSource[]): Promise<void> {
  if (sources.length === 0) return;
  await tx.query('DELETE FROM federation_tasks WHERE candidacy_id = ANY($1::uuid[])', [
    sources.map((s) => s.candidacyId),
  ]);
  const rows = federationTaskRows(sources);
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO federation_tasks (candidacy_id, position, what_fr, due_at, action, listed_from_horizon)
     SELECT candidacy_id, position, what_fr, due_at, action, listed_from_horizon
       FROM jsonb_to_recordset($1::jsonb) AS r(candidacy_id uuid, position int, what_fr text, due_at timestamptz,
         action jsonb, listed_from_horizon date)`,
    [JSON.stringify(rows)],
  );
}

/** The stored tasks of one candidacy, in the shape `federationTaskRows` writes them. */
export async function storedFederationTasks(tx: EntityManager, candidacyId: string): Promise<FederationTaskRow[]> {
  const rows = await tx.query<Array<Omit<FederationTaskRow, 'due_at'> & { due_at: Date | null }>>(
    `SELECT candidacy_id, position, what_fr, due_at, action, listed_from_horizon::text AS listed_from_horizon
       FROM federation_tasks WHERE candidacy_id = $1 ORDER BY position`,
    [candidacyId],
  );
  return rows.map((r) => ({ ...r, due_at: r.due_at && r.due_at.toISOString() }));
}

/**
 * The cooperative's name as the projection and the rebuild write it into tasks and e-mails, read
 * under a share lock: a rename waits until these tasks are written, or the reader waits for the
 * new name. The id stands in when the cooperative is not in the register.
 */
export async function cooperativeNameForTasks(tx: EntityManager, cooperativeId: string): Promise<string> {
  const [row] = await tx.query<Array<{ name: string }>>('SELECT name FROM cooperatives WHERE id = $1 FOR SHARE', [
    cooperativeId,
  ]);
  return row?.name ?? cooperativeId;
}
