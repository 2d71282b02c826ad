/**
 * The federation's inbox, read from its read model (`federation_tasks`, see federation-tasks.ts):
 * the tasks listed on a day, filtered, sorted by due date (undated last) and paged by SQL.
 */
import { DataSource } from 'typeorm';
import { labelExpiryHorizon, Stage, TaskAction } from '@qualicoop/domain';
import { iso, num, parameters } from './sql-values';

export interface FederationInboxQuery {
  candidacyId?: string;
  cooperativeId?: string;
  stages?: readonly string[];
  /** Only tasks due before this instant (exclusive); undated tasks are left out. */
  dueBefore?: string;
  /** true: only tasks past their due date on `now`; false: only the others. */
  overdue?: boolean;
  /** No limit: every task (the CSV export). */
  limit?: number;
  offset?: number;
}

export interface FederationTaskItem {
  candidacyId: string;
  cooperativeId: string;
  cooperativeName: string;
  stage: Stage;
  whatFr: string;
  dueAt: string | null;
  action: TaskAction | null;
}

interface Row {
  candidacy_id: string;
  cooperative_id: string;
  cooperative_name: string;
  stage: Stage;
  what_fr: string;
  due_at: Date | null;
  action: TaskAction | null;
}

export async function federationInbox(
  ds: DataSource,
  now: Date,
  query: FederationInboxQuery = {},
): Promise<{ items: FederationTaskItem[]; total: number }> {
  const { values, p } = parameters();
  const where = [
    `(t.listed_from_horizon IS NULL OR t.listed_from_horizon <= ${p(labelExpiryHorizon(now.toISOString()))}::date)`,
  ];
  if (query.candidacyId) where.push(`t.candidacy_id = ${p(query.candidacyId)}::uuid`);
  if (query.cooperativeId) where.push(`c.cooperative_id = ${p(query.cooperativeId)}`);
  if (query.stages) where.push(`c.stage = ANY(${p(query.stages)}::text[])`);
  if (query.dueBefore) where.push(`t.due_at < ${p(query.dueBefore)}::timestamptz`);
  if (query.overdue === true) where.push(`t.due_at < ${p(now.toISOString())}::timestamptz`);
  if (query.overdue === false) where.push(`(t.due_at IS NULL OR t.due_at >= ${p(now.toISOString())}::timestamptz)`);
  const filter = `WHERE ${where.join(' AND ')}`;
  // The count needs the candidacy only to filter by its stage or cooperative.
  const counted = query.stages || query.cooperativeId ? 'JOIN candidacies c ON c.id = t.candidacy_id' : '';
  const filterValues = [...values];
  const page = query.limit === undefined ? '' : ` LIMIT ${p(query.limit)}::int OFFSET ${p(query.offset ?? 0)}::int`;
  const [rows, [count]] = await Promise.all([
    ds.query<Row[]>(
      `SELECT t.candidacy_id, c.cooperative_id, co.name AS cooperative_name, c.stage, t.what_fr, t.due_at, t.action
         FROM federation_tasks t JOIN candidacies c ON c.id = t.candidacy_id
         JOIN cooperatives co ON co.id = c.cooperative_id ${filter}
        ORDER BY t.due_at ASC NULLS LAST, t.candidacy_id, t.position${page}`,
      values,
    ),
    ds.query<Array<{ total: string }>>(
      `SELECT count(*) AS total FROM federation_tasks t ${counted} ${filter}`,
      filterValues,
    ),
  ]);
  return {
    total: num(count?.total),
    items: rows.map((r) => ({
      candidacyId: r.candidacy_id,
      cooperativeId: r.cooperative_id,
      cooperativeName: r.cooperative_name,
      stage: r.stage,
      whatFr: r.what_fr,
      dueAt: iso(r.due_at),
      action: r.action,
    })),
  };
}
