/**
 * The federation's KPIs (spec §5): engagement rate, funnel with time in stage, overdue checkpoint
 * reports, labels expiring soon, committee workload. Overdue checkpoints are the read model's
 * `overdue_checkpoints`, which the projection fills from the domain's rule.
 */
import { DataSource } from 'typeorm';
import { CLOSED_STAGES, labelExpiryHorizon, parisDateOf, STAGE_LABELS_FR, STAGES } from '@qualicoop/domain';
import { iso, num } from './sql-values';

/** The federation's engagement target (spec §5: 80 % of active cooperatives within 3 years). */
export const ENGAGEMENT_TARGET = 0.8;
/** The KPIs name at most this many candidacies per list; the counts are exact. */
export const KPI_LIST_LIMIT = 50;

export interface Kpis {
  asOf: string;
  engagementRate: { activeCooperatives: number; engaged: number; rate: number; target: number };
  /**
   * One line per stage, in lifecycle order. `medianDaysInStage`: median time the candidacies
   * currently in the stage have spent in it (from `stage_since`); null for closed stages and empty ones.
   */
  funnel: Array<{
    stage: string;
    stageLabel: string;
    closed: boolean;
    count: number;
    medianDaysInStage: number | null;
  }>;
  /**
   * Checkpoint reports flagged overdue and not filed, in candidacies still in implementation: the
   * count, and the `KPI_LIST_LIMIT` oldest (all of them: `GET /candidacies?overdue=true`).
   */
  overdueCheckpoints: {
    count: number;
    items: Array<{
      candidacyId: string;
      cooperativeId: string;
      cooperativeName: string;
      checkpoint: number;
      deadline: string;
      dueAt: string;
    }>;
  };
  /** The first `KPI_LIST_LIMIT` by expiry date; all of them: `GET /candidacies?labelExpiringWithinMonths=6`. */
  labelsExpiringWithin6Months: {
    count: number;
    items: Array<{
      candidacyId: string;
      cooperativeId: string;
      cooperativeName: string;
      stage: string;
      labelExpiresOn: string;
      renewalRequested: boolean;
    }>;
  };
  /** Per session: how many items (candidacy × kind) were placed on its agenda; upcoming sessions and those with items. */
  committeeWorkload: Array<{
    sessionId: string;
    calendar: string;
    sessionDate: string;
    cutoffAt: string;
    items: number;
  }>;
}

export async function federationKpis(ds: DataSource, now: Date = new Date()): Promise<Kpis> {
  const today = parisDateOf(now.toISOString());
  const horizon = labelExpiryHorizon(now.toISOString());

  // Engaged: an open candidacy (a label held is an open cycle: labelled, mid-term, renewal requested).
  const [engagement] = await ds.query<[{ active: number; engaged: number }]>(
    `SELECT count(*)::int AS active,
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM candidacies c WHERE c.cooperative_id = co.id
                AND (NOT c.closed OR (c.label_expires_on IS NOT NULL AND c.label_expires_on >= $1::date))))::int AS engaged
       FROM cooperatives co WHERE co.active`,
    [today],
  );

  const funnelRows: Array<{ stage: string; count: number; median_days: number | null }> = await ds.query(
    `SELECT c.stage, count(*)::int AS count,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ($1::timestamptz - c.stage_since)) / 86400)
              FILTER (WHERE NOT c.closed) AS median_days
       FROM candidacies c GROUP BY c.stage`,
    [now],
  );
  const byStage = new Map(funnelRows.map((r) => [r.stage, r]));

  const overdue: Array<{
    total: number;
    id: string;
    cooperative_id: string;
    cooperative_name: string;
    cp: { checkpoint: number; deadline: { date: string; dueAt: string } };
  }> = await ds.query(
    `SELECT count(*) OVER ()::int AS total, c.id, c.cooperative_id, co.name AS cooperative_name, cp AS cp
         FROM candidacies c JOIN cooperatives co ON co.id = c.cooperative_id
        CROSS JOIN LATERAL jsonb_array_elements(c.overdue_checkpoints) cp
        WHERE c.overdue_checkpoints IS NOT NULL
        ORDER BY cp->'deadline'->>'dueAt', c.id
        LIMIT $1`,
    [KPI_LIST_LIMIT],
  );

  const expiring: Array<{
    total: number;
    id: string;
    cooperative_id: string;
    cooperative_name: string;
    stage: string;
    label_expires_on: string;
  }> = await ds.query(
    `SELECT count(*) OVER ()::int AS total, c.id, c.cooperative_id, co.name AS cooperative_name, c.stage,
            c.label_expires_on::text AS label_expires_on
       FROM candidacies c JOIN cooperatives co ON co.id = c.cooperative_id
      WHERE NOT c.closed AND c.label_expires_on IS NOT NULL AND c.label_expires_on <= $1::date
      ORDER BY c.label_expires_on, c.id
      LIMIT $2`,
    [horizon, KPI_LIST_LIMIT],
  );

  const workload: Array<{ id: string; calendar: string; session_date: Date; cutoff_at: Date; items: number }> =
    await ds.query(
      `SELECT s.id, s.calendar, s.session_date, s.cutoff_at, COALESCE(w.items, 0)::int AS items
       FROM committee_sessions s
       LEFT JOIN (
         SELECT e.data->>'sessionId' AS session_id, count(DISTINCT (e.candidacy_id, e.cycle, e.data->>'kind'))::int AS items
           FROM candidacy_events e WHERE e.type = 'PlacedOnAgenda' GROUP BY 1) w ON w.session_id = s.id
      WHERE COALESCE(w.items, 0) > 0 OR s.session_date >= $1
      ORDER BY s.session_date, s.id
      LIMIT 200`,
      [now],
    );

  const active = num(engagement.active);
  const engaged = num(engagement.engaged);
  return {
    asOf: now.toISOString(),
    engagementRate: {
      activeCooperatives: active,
      engaged,
      rate: active ? Math.round((engaged / active) * 10_000) / 10_000 : 0,
      target: ENGAGEMENT_TARGET,
    },
    funnel: STAGES.map((stage) => {
      const row = byStage.get(stage);
      const median = row?.median_days;
      return {
        stage,
        stageLabel: STAGE_LABELS_FR[stage],
        closed: CLOSED_STAGES.includes(stage),
        count: num(row?.count),
        medianDaysInStage: median == null ? null : Math.round(Number(median) * 10) / 10,
      };
    }),
    overdueCheckpoints: {
      count: num(overdue[0]?.total),
      items: overdue.map((r) => ({
        candidacyId: r.id,
        cooperativeId: r.cooperative_id,
        cooperativeName: r.cooperative_name,
        checkpoint: r.cp.checkpoint,
        deadline: r.cp.deadline.date,
        dueAt: r.cp.deadline.dueAt,
      })),
    },
    labelsExpiringWithin6Months: {
      count: num(expiring[0]?.total),
      items: expiring.map((r) => ({
        candidacyId: r.id,
        cooperativeId: r.cooperative_id,
        cooperativeName: r.cooperative_name,
        stage: r.stage,
        labelExpiresOn: r.label_expires_on,
        renewalRequested: r.stage === 'renewal_requested',
      })),
    },
    committeeWorkload: workload.map((r) => ({
      sessionId: r.id,
      calendar: r.calendar,
      sessionDate: iso(r.session_date)!,
      cutoffAt: iso(r.cutoff_at)!,
      items: num(r.items),
    })),
  };
}
