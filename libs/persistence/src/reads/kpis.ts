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
/** The engagement history covers at most the last 36 months: the span of the federation's goal. */
export const ENGAGEMENT_HISTORY_MONTHS = 36;

export interface Kpis {
  asOf: string;
  engagementRate: { activeCooperatives: number; engaged: number; rate: number; target: number };
  /**
   * The same rate at the end of each month (Paris), from the month the first cooperative was
   * registered (at most `ENGAGEMENT_HISTORY_MONTHS` back); the current month as of now. A cooperative
   * counts from its registration; the register keeps no deactivation date, so one deactivated
   * since is left out of every month.
   */
  engagementHistory: Array<{ month: string; activeCooperatives: number; engaged: number; rate: number }>;
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

/** A candidacy a KPI names, with the count of all those it would name (`count(*) OVER ()`). */
interface ListedRow {
  total: number;
  id: string;
  cooperative_id: string;
  cooperative_name: string;
}

const rateOf = (engaged: number, active: number) => (active ? Math.round((engaged / active) * 10_000) / 10_000 : 0);

export async function federationKpis(ds: DataSource, now: Date = new Date()): Promise<Kpis> {
  const today = parisDateOf(now.toISOString());
  const horizon = labelExpiryHorizon(now.toISOString());

  // The six reads are independent: they run side by side, each on its own pooled connection.
  const [[engagement], history, funnelRows, overdue, expiring, workload] = await Promise.all([
    // Engaged: an open candidacy (a label held is an open cycle: labelled, mid-term, renewal requested).
    ds.query<[{ active: number; engaged: number }]>(
      `SELECT count(*)::int AS active,
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM candidacies c WHERE c.cooperative_id = co.id
                AND (NOT c.closed OR (c.label_expires_on IS NOT NULL AND c.label_expires_on >= $1::date))))::int AS engaged
       FROM cooperatives co WHERE co.active`,
      [today],
    ),
    engagementHistory(ds, now),
    ds.query<Array<{ stage: string; count: number; median_days: number | null }>>(
      `SELECT c.stage, count(*)::int AS count,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ($1::timestamptz - c.stage_since)) / 86400)
              FILTER (WHERE NOT c.closed) AS median_days
       FROM candidacies c GROUP BY c.stage`,
      [now],
    ),
    ds.query<Array<ListedRow & { cp: { checkpoint: number; deadline: { date: string; dueAt: string } } }>>(
      `SELECT count(*) OVER ()::int AS total, c.id, c.cooperative_id, co.name AS cooperative_name, cp AS cp
         FROM candidacies c JOIN cooperatives co ON co.id = c.cooperative_id
        CROSS JOIN LATERAL jsonb_array_elements(c.overdue_checkpoints) cp
        WHERE c.overdue_checkpoints IS NOT NULL
        ORDER BY cp->'deadline'->>'dueAt', c.id
        LIMIT $1`,
      [KPI_LIST_LIMIT],
    ),
    ds.query<Array<ListedRow & { stage: string; label_expires_on: string }>>(
      `SELECT count(*) OVER ()::int AS total, c.id, c.cooperative_id, co.name AS cooperative_name, c.stage,
            c.label_expires_on::text AS label_expires_on
       FROM candidacies c JOIN cooperatives co ON co.id = c.cooperative_id
      WHERE NOT c.closed AND c.label_expires_on IS NOT NULL AND c.label_expires_on <= $1::date
      ORDER BY c.label_expires_on, c.id
      LIMIT $2`,
      [horizon, KPI_LIST_LIMIT],
    ),
    ds.query<Array<{ id: string; calendar: string; session_date: Date; cutoff_at: Date; items: number }>>(
      `SELECT s.id, s.calendar, s.session_date, s.cutoff_at, COALESCE(w.items, 0)::int AS items
       FROM committee_sessions s
       LEFT JOIN (
         SELECT e.data->>'sessionId' AS session_id, count(DISTINCT (e.candidacy_id, e.cycle, e.data->>'kind'))::int AS items
           FROM candidacy_events e WHERE e.type = 'PlacedOnAgenda' GROUP BY 1) w ON w.session_id = s.id
      WHERE COALESCE(w.items, 0) > 0 OR s.session_date >= $1
      ORDER BY s.session_date, s.id
      LIMIT 200`,
      [now],
    ),
  ]);
  const byStage = new Map(funnelRows.map((r) => [r.stage, r]));

  const active = num(engagement.active);
  const engaged = num(engagement.engaged);
  return {
    asOf: now.toISOString(),
    engagementRate: {
      activeCooperatives: active,
      engaged,
      rate: rateOf(engaged, active),
      target: ENGAGEMENT_TARGET,
    },
    engagementHistory: history.map((h) => ({
      month: h.month,
      activeCooperatives: num(h.active),
      engaged: num(h.engaged),
      rate: rateOf(num(h.engaged), num(h.active)),
    })),
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

/**
 * Month by month (Paris), the active cooperatives and the engaged ones at each month's end (the
 * current month: now), in one pass: each cooperative's engaged time is the union of its
 * candidacies' spans (from the later of its registration and the opening, until the closing or
 * the label's expiry, whichever is later; open candidacies have no end), merged with
 * `range_agg` so that a cooperative counts once; each span adds one from the month it starts
 * in and removes one from the month it ends in, and a running sum over the months gives the
 * counts. Registrations count the same way.
 */
async function engagementHistory(
  ds: DataSource,
  now: Date,
): Promise<Array<{ month: string; active: number; engaged: number }>> {
  return ds.query(
    `WITH bounds AS (
       SELECT date_trunc('month', GREATEST((SELECT min(created_at) FROM cooperatives WHERE active),
                                           $1::timestamptz - make_interval(months => $2 - 1)) AT TIME ZONE 'Europe/Paris') AS first,
              date_trunc('month', $1::timestamptz AT TIME ZONE 'Europe/Paris') AS last),
     months AS (
       SELECT to_char(m, 'YYYY-MM') AS month,
              ((extract(year FROM m) - extract(year FROM b.first)) * 12 + extract(month FROM m) - extract(month FROM b.first))::int AS k
         FROM bounds b, generate_series(b.first, b.last, interval '1 month') m),
     spans AS (
       SELECT unnest(range_agg(tstzrange(s.since, s.until, '[)'))) AS span
         FROM (SELECT co.id, GREATEST(co.created_at, c.opened_at) AS since,
                      CASE WHEN c.closed THEN GREATEST(c.stage_since,
                             (c.label_expires_on + 1)::timestamp AT TIME ZONE 'Europe/Paris') END AS until
                 FROM cooperatives co JOIN candidacies c ON c.cooperative_id = co.id
                WHERE co.active AND c.opened_at <= $1::timestamptz) s
        WHERE s.until IS NULL OR s.until > s.since
        GROUP BY s.id),
     changes AS (
       SELECT lower(span) AS at, 0 AS active, 1 AS engaged FROM spans WHERE lower(span) <= $1::timestamptz
       UNION ALL SELECT upper(span), 0, -1 FROM spans WHERE NOT upper_inf(span) AND upper(span) <= $1::timestamptz
       UNION ALL SELECT created_at, 1, 0 FROM cooperatives WHERE active AND created_at <= $1::timestamptz),
     -- A change at t counts from the first month whose end (the start of the next, Paris) is at or after t.
     by_month AS (
       SELECT GREATEST(0, ((extract(year FROM t) - extract(year FROM b.first)) * 12
                           + extract(month FROM t) - extract(month FROM b.first))::int) AS k,
              sum(active) AS active, sum(engaged) AS engaged
         FROM changes, bounds b, LATERAL (SELECT (changes.at - interval '1 microsecond') AT TIME ZONE 'Europe/Paris' AS t) l
        GROUP BY 1)
     SELECT m.month,
            (sum(COALESCE(c.active, 0)) OVER w)::int AS active,
            (sum(COALESCE(c.engaged, 0)) OVER w)::int AS engaged
       FROM months m LEFT JOIN by_month c ON c.k = m.k
     WINDOW w AS (ORDER BY m.k)
      ORDER BY m.month`,
    [now, ENGAGEMENT_HISTORY_MONTHS],
  );
}
