/**
 * Practices: the submitted dossiers' engagements and indicators, with baseline, target and the
 * latest value achieved (progress and mid-term reports); and which engagements are chosen most.
 */
import { DataSource } from 'typeorm';
import { CURRENT_REFERENTIAL } from '@qualicoop/domain';
import { iso, num } from './sql-values';

/**
 * The dossier version the committee saw: `state.dossierVersion` once submitted (cycle 1) or, in a
 * later cycle, the version of the renewal request (evolve carries it into the new cycle).
 */
const SUBMITTED_DOSSIERS = `
  SELECT c.id, c.cooperative_id, co.name AS cooperative_name, c.cycle, c.stage, c.closed, d.content
    FROM candidacies c
    JOIN cooperatives co ON co.id = c.cooperative_id
    JOIN dossier_versions d ON d.candidacy_id = c.id AND d.version = (c.state->>'dossierVersion')::int
   WHERE (c.state ? 'dossierSubmittedAt' OR c.cycle > 1) AND jsonb_typeof(d.content->'engagements') = 'array'`;

/** The engagement titles of the current referential (any version as a fallback). */
const ENGAGEMENT_TITLES = `
  SELECT DISTINCT ON (re.id) re.id, re.axis, re.title FROM referential_engagements re
   ORDER BY re.id, (re.version = $1) DESC, re.version DESC`;

export interface PracticeRow {
  cooperativeId: string;
  cooperativeName: string;
  candidacyId: string;
  cycle: number;
  stage: string;
  closed: boolean;
  engagementId: string;
  engagementTitle: string | null;
  indicatorName: string;
  kind: string;
  baselineValue: number | null;
  baselineUnit: string | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetDate: string | null;
  /** The latest value reported for this indicator, if any, and when that report was filed. */
  achievedValue: number | null;
  achievedAt: string | null;
}

/**
 * One row per (submitted dossier, engagement, indicator), with the latest achieved value.
 *
 * Achieved values come from the `reports` table, rows of kind 'progress' (checkpoint reports) and
 * 'mid_term' (mid-term report of the label), whose `content` has the shape of the API's
 * ProgressReportDto:
 *   { checkpoint?: 6 | 12, indicators: [{ engagementId: string, indicatorName: string, value: number }],
 *     actions?: [{ action: string, status: string }], comment: string }
 * An indicator is matched by (candidacy, engagementId, indicatorName = the dossier indicator's `name`);
 * the most recently filed report wins.
 */
export async function practiceRows(ds: DataSource): Promise<PracticeRow[]> {
  const rows: Array<{
    candidacy_id: string;
    cooperative_id: string;
    cooperative_name: string;
    cycle: number;
    stage: string;
    closed: boolean;
    engagement_id: string;
    engagement_title: string | null;
    indicator: Record<string, unknown>;
    achieved_value: unknown;
    achieved_at: Date | null;
  }> = await ds.query(
    `WITH submitted AS (${SUBMITTED_DOSSIERS}),
     titles AS (${ENGAGEMENT_TITLES}),
     achieved AS (
       SELECT DISTINCT ON (r.candidacy_id, i->>'engagementId', i->>'indicatorName')
              r.candidacy_id, i->>'engagementId' AS engagement_id, i->>'indicatorName' AS indicator_name, i->'value' AS value, r.filed_at
         FROM reports r
        CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(r.content->'indicators') = 'array' THEN r.content->'indicators' ELSE '[]'::jsonb END) i
        WHERE r.kind IN ('progress', 'mid_term') AND r.candidacy_id IN (SELECT id FROM submitted)
        ORDER BY r.candidacy_id, i->>'engagementId', i->>'indicatorName', r.filed_at DESC)
     SELECT s.id AS candidacy_id, s.cooperative_id, s.cooperative_name, s.cycle, s.stage, s.closed,
            e.value->>'engagementId' AS engagement_id, t.title AS engagement_title, ind.value AS indicator,
            a.value AS achieved_value, a.filed_at AS achieved_at
       FROM submitted s
      CROSS JOIN LATERAL jsonb_array_elements(s.content->'engagements') WITH ORDINALITY AS e(value, n)
      CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(e.value->'indicators') = 'array' THEN e.value->'indicators' ELSE '[]'::jsonb END)
                 WITH ORDINALITY AS ind(value, m)
       LEFT JOIN titles t ON t.id = e.value->>'engagementId'
       LEFT JOIN achieved a ON a.candidacy_id = s.id AND a.engagement_id = e.value->>'engagementId' AND a.indicator_name = ind.value->>'name'
      ORDER BY s.cooperative_id, s.cycle, s.id, e.n, ind.m`,
    [CURRENT_REFERENTIAL.version],
  );
  const numberOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const textOrNull = (v: unknown) => (typeof v === 'string' ? v : null);
  return rows.map((r) => {
    const ind = r.indicator ?? {};
    const baseline = (ind.baseline ?? {}) as Record<string, unknown>;
    const target = (ind.target ?? {}) as Record<string, unknown>;
    return {
      cooperativeId: r.cooperative_id,
      cooperativeName: r.cooperative_name,
      candidacyId: r.candidacy_id,
      cycle: r.cycle,
      stage: r.stage,
      closed: r.closed,
      engagementId: r.engagement_id,
      engagementTitle: r.engagement_title,
      indicatorName: textOrNull(ind.name) ?? '',
      kind: textOrNull(ind.kind) ?? '',
      baselineValue: numberOrNull(baseline.value),
      baselineUnit: textOrNull(baseline.unit),
      baselineDate: textOrNull(baseline.measuredOn),
      targetValue: numberOrNull(target.value),
      targetDate: textOrNull(target.targetDate),
      achievedValue: numberOrNull(r.achieved_value),
      achievedAt: iso(r.achieved_at),
    };
  });
}

export interface EngagementPopularity {
  /** Submitted dossiers counted. */
  dossiers: number;
  engagements: Array<{
    engagementId: string;
    axis: string;
    title: string;
    /** Dossiers that chose it. */
    count: number;
    /** The indicators coops use for it, most used first. */
    indicators: Array<{ name: string; count: number }>;
  }>;
}

/** Which engagements the submitted dossiers choose most (every engagement of the referential listed). */
export async function engagementPopularity(ds: DataSource): Promise<EngagementPopularity> {
  const [{ dossiers }] = await ds.query<[{ dossiers: number }]>(
    `SELECT count(*)::int AS dossiers FROM (${SUBMITTED_DOSSIERS}) s`,
  );
  const rows: Array<{
    id: string;
    axis: string;
    title: string;
    count: number;
    indicators: Array<{ name: string; count: number }> | null;
  }> = await ds.query(
    `WITH submitted AS (${SUBMITTED_DOSSIERS}),
     titles AS (${ENGAGEMENT_TITLES}),
     chosen AS (
       SELECT DISTINCT s.id AS candidacy_id, e.value->>'engagementId' AS engagement_id, e.value AS engagement
         FROM submitted s CROSS JOIN LATERAL jsonb_array_elements(s.content->'engagements') e),
     indicators AS (
       SELECT ch.engagement_id, i->>'name' AS name, count(DISTINCT ch.candidacy_id)::int AS count
         FROM chosen ch
        CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(ch.engagement->'indicators') = 'array' THEN ch.engagement->'indicators' ELSE '[]'::jsonb END) i
        WHERE i->>'name' IS NOT NULL
        GROUP BY 1, 2)
     SELECT t.id, t.axis, t.title,
            (SELECT count(DISTINCT ch.candidacy_id)::int FROM chosen ch WHERE ch.engagement_id = t.id) AS count,
            (SELECT jsonb_agg(jsonb_build_object('name', x.name, 'count', x.count) ORDER BY x.count DESC, x.name)
               FROM indicators x WHERE x.engagement_id = t.id) AS indicators
       FROM titles t
      ORDER BY count DESC, t.id`,
    [CURRENT_REFERENTIAL.version],
  );
  return {
    dossiers: num(dossiers),
    engagements: rows.map((r) => ({
      engagementId: r.id,
      axis: r.axis,
      title: r.title,
      count: num(r.count),
      indicators: r.indicators ?? [],
    })),
  };
}
