/**
 * The candidacies each inbox looks at. SQL only narrows; what is due, by whom and by when is the
 * domain's rule (`coopTasks`, `federationTasks`, `committeeTasks`), applied to these rows.
 */
import { DataSource } from 'typeorm';
import { CandidacyState, COMMITTEE_DECISION_STAGES, labelExpiryHorizon } from '@qualicoop/domain';

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

const toCandidacy = (r: Row): InboxCandidacy => ({
  candidacyId: r.id,
  cooperativeId: r.cooperative_id,
  cooperativeName: r.cooperative_name,
  state: r.state,
});

/** A cooperative's open candidacies. */
export async function coopInboxCandidacies(ds: DataSource, cooperativeId: string): Promise<InboxCandidacy[]> {
  const rows: Row[] = await ds.query(`${SELECT} WHERE c.cooperative_id = $1 AND NOT c.closed`, [cooperativeId]);
  return rows.map(toCandidacy);
}

/**
 * Those the federation must act on (`federation_todo`, written by the projection from
 * `needsFederation`) and open ones whose label expires within the horizon seen on `now`.
 */
export async function federationInboxCandidacies(ds: DataSource, now: Date): Promise<InboxCandidacy[]> {
  const rows: Row[] = await ds.query(
    `${SELECT} WHERE c.federation_todo OR (NOT c.closed AND c.label_expires_on IS NOT NULL AND c.label_expires_on <= $1::date)`,
    [labelExpiryHorizon(now.toISOString())],
  );
  return rows.map(toCandidacy);
}

/** Open candidacies awaiting a committee decision on a closed agenda, and the visits assigned to `memberId`. */
export async function committeeInboxCandidacies(ds: DataSource, memberId: string): Promise<InboxCandidacy[]> {
  const rows: Row[] = await ds.query(
    `${SELECT} WHERE NOT c.closed AND (
       (c.stage = ANY($2::text[]) AND (c.state->'agenda'->>'closed')::boolean IS TRUE)
       OR (c.stage = 'visit_scheduled' AND c.state->'visit'->>'visitorId' = $1))`,
    [memberId, COMMITTEE_DECISION_STAGES],
  );
  return rows.map(toCandidacy);
}
