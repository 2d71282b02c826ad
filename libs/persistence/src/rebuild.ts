/**
 * Recomputes the candidacy read models from the event store, for operators: after a bug in a
 * projection, a restore, or to check that the read models are exactly a fold of the events.
 * Each candidacy is rebuilt in its own transaction, under the same row lock the projection uses.
 */
import { DataSource } from 'typeorm';
import { isDeepStrictEqual } from 'node:util';
import { CandidacyState, DomainEvent, evolveWithStageSince, overdueCheckpoints, StageFold } from '@qualicoop/domain';
import { cooperativeNameForTasks, federationTaskRows, storedFederationTasks } from './federation-tasks';
import { upsertReadModel } from './read-model';

export interface RebuildReport {
  candidacies: number;
  events: number;
  changed: string[];
}

interface EventRow {
  cycle: number;
  sequence: number;
  occurred_at: Date;
  data: DomainEvent;
}

/** The read-model row a candidacy's events fold into. */
export function foldCandidacy(events: EventRow[]): {
  state: CandidacyState;
  stageSince: string;
  openedAt: string;
  last: EventRow;
} {
  let fold: StageFold = { state: undefined, stageSince: undefined };
  for (const e of events) fold = evolveWithStageSince(fold, e.data);
  return {
    state: fold.state!,
    stageSince: fold.stageSince ?? '',
    openedAt: events[0]!.data.at,
    last: events[events.length - 1]!,
  };
}

export async function rebuildReadModels(ds: DataSource, opts: { dryRun?: boolean } = {}): Promise<RebuildReport> {
  const ids = await ds.query<Array<{ candidacy_id: string }>>(
    'SELECT DISTINCT candidacy_id FROM candidacy_events ORDER BY candidacy_id',
  );
  const report: RebuildReport = { candidacies: 0, events: 0, changed: [] };
  for (const { candidacy_id: id } of ids) {
    await ds.transaction(async (tx) => {
      await tx.query('SELECT 1 FROM candidacies WHERE id = $1 FOR UPDATE', [id]);
      const events = await tx.query<EventRow[]>(
        'SELECT cycle, sequence, occurred_at, data FROM candidacy_events WHERE candidacy_id = $1 ORDER BY cycle, sequence',
        [id],
      );
      const cooperative = (
        await tx.query<Array<{ cooperative_id: string }>>(
          'SELECT cooperative_id FROM candidacy_events WHERE candidacy_id = $1 LIMIT 1',
          [id],
        )
      )[0]!.cooperative_id;
      const cooperativeName = await cooperativeNameForTasks(tx, cooperative);
      const { state, stageSince, openedAt, last } = foldCandidacy(events);
      report.candidacies += 1;
      report.events += events.length;
      // Compared as jsonb (key order and absent fields do not count), with the columns derived from it.
      const overdue = overdueCheckpoints(state);
      const [same] = await tx.query<Array<{ same: boolean }>>(
        `SELECT (state = $2::jsonb AND stage = $3 AND cycle = $4 AND last_sequence = $5
                 AND overdue_checkpoints IS NOT DISTINCT FROM $6::jsonb) AS same FROM candidacies WHERE id = $1`,
        [
          id,
          JSON.stringify(state),
          state.stage,
          last.cycle,
          last.sequence,
          overdue.length ? JSON.stringify(overdue) : null,
        ],
      );
      const tasksSame = isDeepStrictEqual(
        await storedFederationTasks(tx, id),
        federationTaskRows([{ candidacyId: id, state, cooperativeName }]),
      );
      if (!same?.same || !tasksSame) report.changed.push(id);
      if (opts.dryRun) return;
      await upsertReadModel(tx, {
        candidacyId: id,
        cooperativeId: cooperative,
        cooperativeName,
        cycle: last.cycle,
        state,
        openedAt,
        stageSince,
        lastSequence: last.sequence,
        updatedAt: last.data.at,
        rebuild: true,
      });
    });
  }
  return report;
}
