/**
 * Recomputes the candidacy read models from the event store, for operators: after a bug in a
 * projection, a restore, or to check that the read models are exactly a fold of the events.
 * Each candidacy is rebuilt in its own transaction, under the same row lock the projection uses.
 */
import { DataSource } from 'typeorm';
import { CandidacyState, evolve, isClosed, searchableDates } from '@qualicoop/domain';
import { candidacyWorkflowId } from '@qualicoop/contracts';

export interface RebuildReport {
  candidacies: number;
  events: number;
  changed: string[];
}

interface EventRow {
  cycle: number;
  sequence: number;
  occurred_at: Date;
  data: Parameters<typeof evolve>[1];
}

/** The read-model row a candidacy's events fold into. */
export function foldCandidacy(events: EventRow[]): { state: CandidacyState; stageSince: string; openedAt: string; last: EventRow } {
  let state: CandidacyState | undefined;
  let stageSince = '';
  for (const e of events) {
    const before = state?.stage;
    state = evolve(state, e.data);
    if (state.stage !== before) stageSince = e.data.at;
  }
  return { state: state!, stageSince, openedAt: events[0]!.data.at, last: events[events.length - 1]! };
}

export async function rebuildReadModels(ds: DataSource, opts: { dryRun?: boolean } = {}): Promise<RebuildReport> {
  const ids = (await ds.query('SELECT DISTINCT candidacy_id FROM candidacy_events ORDER BY candidacy_id')) as Array<{ candidacy_id: string }>;
  const report: RebuildReport = { candidacies: 0, events: 0, changed: [] };
  for (const { candidacy_id: id } of ids) {
    await ds.transaction(async (tx) => {
      await tx.query('SELECT 1 FROM candidacies WHERE id = $1 FOR UPDATE', [id]);
      const events = (await tx.query('SELECT cycle, sequence, occurred_at, data FROM candidacy_events WHERE candidacy_id = $1 ORDER BY cycle, sequence', [id])) as EventRow[];
      const cooperative = ((await tx.query('SELECT cooperative_id FROM candidacy_events WHERE candidacy_id = $1 LIMIT 1', [id])) as Array<{ cooperative_id: string }>)[0]!.cooperative_id;
      const { state, stageSince, openedAt, last } = foldCandidacy(events);
      report.candidacies += 1;
      report.events += events.length;
      // Compared as jsonb (key order and absent fields do not count), with the columns derived from it.
      const [same] = (await tx.query(
        `SELECT (state = $2::jsonb AND stage = $3 AND cycle = $4 AND last_sequence = $5) AS same FROM candidacies WHERE id = $1`,
        [id, JSON.stringify(state), state.stage, last.cycle, last.sequence],
      )) as Array<{ same: boolean }>;
      if (!same?.same) report.changed.push(id);
      if (opts.dryRun) return;
      const { nextDeadline, nextDeadlineLabel, labelExpiry } = searchableDates(state);
      await tx.query(
        `INSERT INTO candidacies (id, cooperative_id, workflow_id, cycle, stage, closed, opened_at, stage_since, next_deadline_at,
           next_deadline_label, label_expires_on, dossier_version, last_sequence, state, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         ON CONFLICT (id) DO UPDATE SET cycle = $4, stage = $5, closed = $6, opened_at = $7, stage_since = $8, next_deadline_at = $9,
           next_deadline_label = $10, label_expires_on = $11, dossier_version = $12, last_sequence = $13, state = $14, updated_at = $15`,
        [id, cooperative, candidacyWorkflowId(cooperative), last.cycle, state.stage, isClosed(state), openedAt, stageSince, nextDeadline ?? null,
          nextDeadlineLabel ?? null, labelExpiry ? labelExpiry.slice(0, 10) : null, state.dossierVersion ?? null, last.sequence, state, last.data.at],
      );
    });
  }
  return report;
}
