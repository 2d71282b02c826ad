/**
 * A committee session's agenda: everything ever placed on it (the PlacedOnAgenda events) beside
 * what the read models still hold on it. Also used by the write path, for the members' e-mail.
 */
import { DataSource } from 'typeorm';
import { AGENDA_KIND_LABELS_FR, AgendaKind, Stage, STAGE_LABELS_FR } from '@qualicoop/domain';
import { iso } from './sql-values';

export interface SessionAgenda {
  session: { id: string; calendar: string; sessionDate: string; cutoffAt: string; agendaClosed: boolean } | null;
  items: Array<{
    candidacyId: string;
    cooperativeId: string;
    cooperativeName: string;
    cycle: number;
    kind: string;
    kindLabel: string;
    stage: string;
    stageLabel: string;
    /** When it was (last) placed on this session's agenda; null if only the read model knows it. */
    placedAt: string | null;
    /** Still on this session's agenda (not yet decided, withdrawn or moved elsewhere). */
    onAgenda: boolean;
    agendaClosed: boolean;
  }>;
}

/**
 * Everything ever placed on a session's agenda: the PlacedOnAgenda events naming it (one line per
 * candidacy, cycle and kind, the latest placement) and the read model's current agenda items.
 */
export async function sessionAgenda(
  ds: Pick<DataSource, 'query'>,
  sessionId: string,
  now: Date = new Date(),
): Promise<SessionAgenda> {
  const [session] = await ds.query<
    Array<{
      id: string;
      calendar: string;
      session_date: Date;
      cutoff_at: Date;
    }>
  >('SELECT id, calendar, session_date, cutoff_at FROM committee_sessions WHERE id = $1', [sessionId]);
  const rows: Array<{
    candidacy_id: string;
    cooperative_id: string;
    cooperative_name: string;
    cycle: number;
    kind: string;
    stage: string;
    placed_at: Date | null;
    on_agenda: boolean;
    agenda_closed: boolean;
  }> = await ds.query(
    `WITH placed AS (
       SELECT DISTINCT ON (e.candidacy_id, e.cycle, e.data->>'kind') e.candidacy_id, e.cycle, e.data->>'kind' AS kind, e.occurred_at AS placed_at
         FROM candidacy_events e
        WHERE e.type = 'PlacedOnAgenda' AND e.data->>'sessionId' = $1
        ORDER BY e.candidacy_id, e.cycle, e.data->>'kind', e.position DESC),
     current AS (
       SELECT c.id AS candidacy_id, c.cycle, c.state->'agenda'->>'kind' AS kind
         FROM candidacies c WHERE c.state->'agenda'->>'sessionId' = $1),
     items AS (
       SELECT COALESCE(p.candidacy_id, k.candidacy_id) AS candidacy_id, COALESCE(p.cycle, k.cycle) AS cycle,
              COALESCE(p.kind, k.kind) AS kind, p.placed_at, k.candidacy_id IS NOT NULL AS on_agenda
         FROM placed p FULL JOIN current k ON k.candidacy_id = p.candidacy_id AND k.cycle = p.cycle AND k.kind = p.kind)
     SELECT i.candidacy_id, c.cooperative_id, co.name AS cooperative_name, i.cycle, i.kind, c.stage, i.placed_at, i.on_agenda,
            COALESCE(i.on_agenda AND (c.state->'agenda'->>'closed')::boolean, false) AS agenda_closed
       FROM items i JOIN candidacies c ON c.id = i.candidacy_id JOIN cooperatives co ON co.id = c.cooperative_id
      ORDER BY i.placed_at ASC NULLS LAST, co.name, i.candidacy_id, i.cycle, i.kind`,
    [sessionId],
  );
  return {
    session: session
      ? {
          id: session.id,
          calendar: session.calendar,
          sessionDate: iso(session.session_date)!,
          cutoffAt: iso(session.cutoff_at)!,
          agendaClosed: session.cutoff_at.getTime() <= now.getTime(),
        }
      : null,
    items: rows.map((r) => ({
      candidacyId: r.candidacy_id,
      cooperativeId: r.cooperative_id,
      cooperativeName: r.cooperative_name,
      cycle: r.cycle,
      kind: r.kind,
      kindLabel: AGENDA_KIND_LABELS_FR[r.kind as AgendaKind] ?? r.kind,
      stage: r.stage,
      stageLabel: STAGE_LABELS_FR[r.stage as Stage] ?? r.stage,
      placedAt: iso(r.placed_at),
      onAgenda: r.on_agenda,
      agendaClosed: r.agenda_closed,
    })),
  };
}
