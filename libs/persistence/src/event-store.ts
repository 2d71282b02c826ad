/**
 * Appends a candidacy's events and projects them, in one transaction:
 * - `INSERT … ON CONFLICT DO NOTHING` on (candidacy, cycle, sequence): a retried activity is a no-op;
 * - only the events actually inserted are folded into the read model (with the domain's own
 *   `evolve`, so the read model always equals a rebuild from the events) and the outbox.
 */
import { DataSource, EntityManager } from 'typeorm';
import { CandidacyState, evolveWithStageSince, notificationsFor, withAgendaItems } from '@qualicoop/domain';
import type { RecordedEvent } from '@qualicoop/contracts';
import { cooperativeNameForTasks } from './federation-tasks';
import { upsertReadModel } from './read-model';
import { sessionAgenda } from './reads/session-agenda';

export async function recordEvents(ds: DataSource, batch: RecordedEvent[]): Promise<number> {
  if (batch.length === 0) return 0;
  return ds.transaction(async (tx) => {
    const inserted: RecordedEvent[] = [];
    for (const r of batch) {
      const rows: unknown[] = await tx.query(
        `INSERT INTO candidacy_events (candidacy_id, cooperative_id, cycle, sequence, type, occurred_at, actor_id, data)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (candidacy_id, cycle, sequence) DO NOTHING RETURNING position`,
        [r.candidacyId, r.cooperativeId, r.cycle, r.sequence, r.event.type, r.event.at, r.event.by ?? null, r.event],
      );
      if (rows.length > 0) inserted.push(r);
    }
    if (inserted.length > 0) await project(tx, inserted);
    return inserted.length;
  });
}

async function project(tx: EntityManager, events: RecordedEvent[]): Promise<void> {
  const first = events[0]!;
  const rows: Array<{ state: CandidacyState; cycle: number; last_sequence: number; stage: string }> = await tx.query(
    'SELECT state, cycle, last_sequence, stage FROM candidacies WHERE id = $1 FOR UPDATE',
    [first.candidacyId],
  );
  const row = rows[0];
  // A new cycle (renewal) starts its sequence again at 1 from the carried state.
  let state: CandidacyState | undefined = row?.state;
  let stageSince: string | undefined;
  // People read the cooperative's name in e-mails and tasks, not its id.
  const cooperativeName = await cooperativeNameForTasks(tx, first.cooperativeId);
  for (const r of events) {
    ({ state, stageSince } = evolveWithStageSince({ state, stageSince }, r.event));
    for (const [index, n] of notificationsFor(r.event, state, cooperativeName).entries()) {
      const key = n.key ?? `${r.candidacyId}:${r.cycle}:${r.sequence}:${index}`;
      let body = n.body;
      if (n.withAgendaOf) {
        // One message per session, written by the first candidacy whose cut-off is recorded.
        const [queued] = await tx.query<unknown[]>('SELECT 1 FROM notifications WHERE key = $1', [key]);
        if (queued) continue;
        const agenda = await sessionAgenda(tx, n.withAgendaOf);
        body = withAgendaItems(
          body,
          agenda.items
            .filter((i) => i.onAgenda)
            .map((i) => ({ cooperativeName: i.cooperativeName, what: i.kindLabel })),
        );
      }
      await tx.query(
        `INSERT INTO notifications (key, candidacy_id, kind, recipient, subject, body) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (key) DO NOTHING`,
        [key, r.candidacyId, n.kind, n.recipient, n.subject, body],
      );
    }
  }
  const last = events[events.length - 1]!;
  await upsertReadModel(tx, {
    candidacyId: last.candidacyId,
    cooperativeId: last.cooperativeId,
    cooperativeName,
    cycle: last.cycle,
    state: state!,
    openedAt: first.event.at,
    stageSince: stageSince ?? null,
    lastSequence: last.sequence,
    updatedAt: last.event.at,
  });
}
