/**
 * The candidacy list: filters, sorted by next deadline (the next thing due, a read-model column),
 * paginated. "Overdue" reads the read model's `overdue_checkpoints`, which the projection fills
 * from the domain's rule: no rule is written here.
 */
import { DataSource } from 'typeorm';
import { addCalendarMonths, parisDateOf, Stage, STAGE_LABELS_FR } from '@qualicoop/domain';
import { iso, parameters, ReadPage } from './sql-values';

export interface CandidacyListFilter {
  /** One or several stages. */
  stages?: readonly string[];
  /** On this committee session's agenda (state.agenda.sessionId). */
  sessionId?: string;
  cooperativeId?: string;
  /** true: the next deadline is past, or a checkpoint report is flagged overdue; false: neither. */
  overdue?: boolean;
  /** The label expires within N calendar months (Paris dates). */
  labelExpiringWithinMonths?: number;
  /** Default false: open candidacies only. */
  closed?: boolean;
  limit: number;
  offset: number;
}

export interface CandidacyListItem {
  id: string;
  cooperativeId: string;
  cooperativeName: string;
  cycle: number;
  stage: string;
  stageLabel: string;
  stageSince: string;
  nextDeadline: { at: string; what: string | null } | null;
  labelExpiresOn: string | null;
  closed: boolean;
}

interface ListRow {
  id: string;
  cooperative_id: string;
  cooperative_name: string;
  cycle: number;
  stage: string;
  stage_since: Date;
  next_deadline_at: Date | null;
  next_deadline_label: string | null;
  label_expires_on: string | null;
  closed: boolean;
}

/**
 * `scopeCooperativeId`: the caller's own cooperative when the caller is a coop (spec §6.4); it is
 * ANDed with the filter, so asking for another cooperative simply finds nothing.
 */
export async function listCandidacies(
  ds: DataSource,
  filter: CandidacyListFilter,
  scopeCooperativeId?: string,
  now: Date = new Date(),
): Promise<ReadPage<CandidacyListItem>> {
  const { values, p } = parameters();
  // A literal, so that the planner can use the partial index of open candidacies.
  const where: string[] = [filter.closed ? 'c.closed' : 'NOT c.closed'];
  if (scopeCooperativeId !== undefined) where.push(`c.cooperative_id = ${p(scopeCooperativeId)}`);
  if (filter.cooperativeId !== undefined) where.push(`c.cooperative_id = ${p(filter.cooperativeId)}`);
  if (filter.stages?.length) where.push(`c.stage = ANY(${p([...filter.stages])}::text[])`);
  if (filter.sessionId !== undefined) where.push(`c.state->'agenda'->>'sessionId' = ${p(filter.sessionId)}`);
  if (filter.overdue !== undefined) {
    const overdue = `(c.next_deadline_at < ${p(now)} OR c.overdue_checkpoints IS NOT NULL)`;
    where.push(filter.overdue ? overdue : `NOT ${overdue}`);
  }
  if (filter.labelExpiringWithinMonths !== undefined) {
    const limitDate = addCalendarMonths(parisDateOf(now.toISOString()), filter.labelExpiringWithinMonths);
    where.push(`c.label_expires_on IS NOT NULL AND c.label_expires_on <= ${p(limitDate)}::date`);
  }
  const clause = where.join(' AND ');
  const [{ total }] = await ds.query<[{ total: number }]>(
    `SELECT count(*)::int AS total FROM candidacies c WHERE ${clause}`,
    values,
  );
  const rows: ListRow[] = await ds.query(
    `SELECT c.id, c.cooperative_id, co.name AS cooperative_name, c.cycle, c.stage, c.stage_since, c.next_deadline_at,
            c.next_deadline_label, c.label_expires_on::text AS label_expires_on, c.closed
       FROM candidacies c JOIN cooperatives co ON co.id = c.cooperative_id
      WHERE ${clause}
      ORDER BY c.next_deadline_at ASC NULLS LAST, c.id
      LIMIT ${p(filter.limit)} OFFSET ${p(filter.offset)}`,
    values,
  );
  return { items: rows.map(listItem), total, limit: filter.limit, offset: filter.offset };
}

function listItem(r: ListRow): CandidacyListItem {
  return {
    id: r.id,
    cooperativeId: r.cooperative_id,
    cooperativeName: r.cooperative_name,
    cycle: r.cycle,
    stage: r.stage,
    stageLabel: STAGE_LABELS_FR[r.stage as Stage] ?? r.stage,
    stageSince: iso(r.stage_since)!,
    nextDeadline: r.next_deadline_at ? { at: iso(r.next_deadline_at)!, what: r.next_deadline_label } : null,
    labelExpiresOn: r.label_expires_on,
    closed: r.closed,
  };
}
