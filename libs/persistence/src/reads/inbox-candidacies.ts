/**
 * The candidacies the cooperative's and the committee's inboxes look at. SQL only narrows; what is
 * due, by whom and by when is the domain's rule (`coopTasks`, `committeeTasks`), applied to these
 * few rows on the day asked. The federation's inbox, over every candidacy, has its own read model
 * (federation-inbox.ts).
 */
import { DataSource } from 'typeorm';
import { CandidacyState, COMMITTEE_DECISION_STAGES } from '@qualicoop/domain';

export interface InboxCandidacy {
  candidacyId: string;
  cooperativeId: string;
  cooperativeName: string;
  state: CandidacyState;
}

interface Row {
  id: string;
  cooperative_id: string;
  cooperative_name: string;
  state: CandidacyState;
}

const SELECT = `SELECT c.id, c.cooperative_id, co.name AS cooperative_name, c.state
  FROM candidacies c JOIN cooperatives co ON co.id = c.cooperative_id`;

/** What a caller narrowed its inbox to: the SQL leaves the other candidacies out at once. */
export interface InboxNarrowing {
  candidacyId?: string;
  cooperativeId?: string;
  stages?: readonly string[];
}

/** `AND …` conditions for a narrowing, their parameters numbered from `first`. */
function narrowed(n: InboxNarrowing, first: number): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    conditions.push(condition.replace('?', `$${first + params.length - 1}`));
  };
  if (n.candidacyId) add('c.id = ?::uuid', n.candidacyId);
  if (n.cooperativeId) add('c.cooperative_id = ?', n.cooperativeId);
  if (n.stages) add('c.stage = ANY(?::text[])', n.stages);
  return { sql: conditions.map((c) => ` AND ${c}`).join(''), params };
}

const toCandidacy = (r: Row): InboxCandidacy => ({
  candidacyId: r.id,
  cooperativeId: r.cooperative_id,
  cooperativeName: r.cooperative_name,
  state: r.state,
});

/** A cooperative's open candidacies. */
export async function coopInboxCandidacies(
  ds: DataSource,
  cooperativeId: string,
  narrowing: InboxNarrowing = {},
): Promise<InboxCandidacy[]> {
  const n = narrowed(narrowing, 2);
  const rows: Row[] = await ds.query(`${SELECT} WHERE c.cooperative_id = $1 AND NOT c.closed${n.sql}`, [
    cooperativeId,
    ...n.params,
  ]);
  return rows.map(toCandidacy);
}

/** Open candidacies awaiting a committee decision on a closed agenda, and the visits assigned to `memberId`. */
export async function committeeInboxCandidacies(
  ds: DataSource,
  memberId: string,
  narrowing: InboxNarrowing = {},
): Promise<InboxCandidacy[]> {
  const n = narrowed(narrowing, 3);
  const rows: Row[] = await ds.query(
    `${SELECT} WHERE NOT c.closed AND (
       (c.stage = ANY($2::text[]) AND (c.state->'agenda'->>'closed')::boolean IS TRUE)
       OR (c.stage = 'visit_scheduled' AND c.state->'visit'->>'visitorId' = $1))${n.sql}`,
    [memberId, COMMITTEE_DECISION_STAGES, ...n.params],
  );
  return rows.map(toCandidacy);
}
