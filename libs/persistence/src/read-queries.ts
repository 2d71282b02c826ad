/**
 * Read queries over the PostgreSQL read models (never Temporal): the candidacy list, each actor's
 * inbox, a committee session's agenda, the federation's KPIs (spec §5) and the practices export.
 *
 * Sources: `candidacies` (the projection of the events; `state` is the domain `CandidacyState`),
 * `candidacy_events` (the append-only history), `cooperatives`, `committee_sessions`,
 * `dossier_versions`, `referential_engagements` and `reports`.
 * Every query is parameterised; "now" is a parameter so callers (and tests) choose the clock.
 */
import { DataSource } from 'typeorm';
import {
  addCalendarMonths,
  CandidacyState,
  CLOSED_STAGES,
  CURRENT_REFERENTIAL,
  Deadline,
  endOfDay,
  formatDateFr,
  formatDeadlineFr,
  formatInstantFr,
  isClosedStage,
  parisDateOf,
  renewalWindowOpensAt,
  Stage,
  STAGE_LABELS_FR,
  STAGES,
} from '@qualicoop/domain';

/** The federation's engagement target (spec §5: 80 % of active cooperatives within 3 years). */
export const ENGAGEMENT_TARGET = 0.8;
/** "Labels expiring soon" in the federation's inbox and KPIs. */
export const LABEL_EXPIRY_HORIZON_MONTHS = 6;
/** The KPIs name at most this many candidacies per list; the counts are exact. */
export const KPI_LIST_LIMIT = 50;

const iso = (d: Date | string | null | undefined): string | null => (d == null ? null : new Date(d).toISOString());
const num = (v: unknown): number => Number(v ?? 0);

// ————————————————————————————————————————————————————————————————————————————————————————————
// 1. The candidacy list
// ————————————————————————————————————————————————————————————————————————————————————————————

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

export interface ReadPage<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * A checkpoint report flagged overdue (escalated) and still not filed, while it can still be filed:
 * once the implementation window is over, a missing report is history, not a task.
 */
const OVERDUE_CHECKPOINT = `(c.stage = 'implementation' AND jsonb_path_exists(c.state, '$.checkpoints[*] ? (@.overdue == true && !(exists(@.reportFiledAt)))'))`;

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
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [`c.closed = ${p(filter.closed ?? false)}`];
  if (scopeCooperativeId !== undefined) where.push(`c.cooperative_id = ${p(scopeCooperativeId)}`);
  if (filter.cooperativeId !== undefined) where.push(`c.cooperative_id = ${p(filter.cooperativeId)}`);
  if (filter.stages?.length) where.push(`c.stage = ANY(${p([...filter.stages])}::text[])`);
  if (filter.sessionId !== undefined) where.push(`c.state->'agenda'->>'sessionId' = ${p(filter.sessionId)}`);
  if (filter.overdue !== undefined) {
    const overdue = `(c.next_deadline_at < ${p(now)} OR ${OVERDUE_CHECKPOINT})`;
    where.push(filter.overdue ? overdue : `NOT ${overdue}`);
  }
  if (filter.labelExpiringWithinMonths !== undefined) {
    const limitDate = addCalendarMonths(parisDateOf(now.toISOString()), filter.labelExpiringWithinMonths);
    where.push(`c.label_expires_on IS NOT NULL AND c.label_expires_on <= ${p(limitDate)}::date`);
  }
  const clause = where.join(' AND ');
  const [{ total }] = (await ds.query(`SELECT count(*)::int AS total FROM candidacies c WHERE ${clause}`, params)) as [
    { total: number },
  ];
  const rows: ListRow[] = await ds.query(
    `SELECT c.id, c.cooperative_id, co.name AS cooperative_name, c.cycle, c.stage, c.stage_since, c.next_deadline_at,
            c.next_deadline_label, c.label_expires_on::text AS label_expires_on, c.closed
       FROM candidacies c JOIN cooperatives co ON co.id = c.cooperative_id
      WHERE ${clause}
      ORDER BY c.next_deadline_at ASC NULLS LAST, c.id
      LIMIT ${p(filter.limit)} OFFSET ${p(filter.offset)}`,
    params,
  );
  return { items: rows.map(listItem), total, limit: filter.limit, offset: filter.offset };
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

// ————————————————————————————————————————————————————————————————————————————————————————————
// 2. Inboxes: what is due by the caller, by when, and the API call that does it
// ————————————————————————————————————————————————————————————————————————————————————————————

export interface InboxItem {
  candidacyId: string;
  cooperativeId: string;
  cooperativeName: string;
  /** What is due, in French. */
  what: string;
  /** ISO instant, or null when nothing fixes a date. */
  dueBy: string | null;
  /** The API path to call (with `method`), or null when the caller has nothing to call. */
  action: string | null;
  method: 'GET' | 'POST' | 'PUT' | null;
  /** Committee items: the session in which to decide. */
  sessionId?: string;
}

export interface CommitteeInbox {
  items: InboxItem[];
  /** The decisions to take, grouped by committee session (sessions in date order). */
  bySession: Array<{ sessionId: string; sessionDate: string | null; items: InboxItem[] }>;
}

interface InboxRow {
  id: string;
  cooperative_id: string;
  cooperative_name: string;
  stage: Stage;
  next_deadline_at: Date | null;
  next_deadline_label: string | null;
  label_expires_on: string | null;
  state: CandidacyState;
}

const INBOX_COLUMNS = `c.id, c.cooperative_id, co.name AS cooperative_name, c.stage, c.next_deadline_at, c.next_deadline_label,
  c.label_expires_on::text AS label_expires_on, c.state`;

/** Inbox items sort by due date (undated last), then by what, then by candidacy. */
export function sortInbox(items: InboxItem[]): InboxItem[] {
  return [...items].sort(
    (a, b) =>
      (a.dueBy === null ? 1 : 0) - (b.dueBy === null ? 1 : 0) ||
      (a.dueBy ?? '').localeCompare(b.dueBy ?? '') ||
      a.candidacyId.localeCompare(b.candidacyId) ||
      a.what.localeCompare(b.what),
  );
}

const item = (
  r: InboxRow,
  what: string,
  dueBy: string | null,
  method: InboxItem['method'],
  path: string | null,
): InboxItem => ({
  candidacyId: r.id,
  cooperativeId: r.cooperative_id,
  cooperativeName: r.cooperative_name,
  what,
  dueBy,
  action: path,
  method: path ? method : null,
});

/** Dates as people read them; in demo time (a month shorter than a day) with the time of day. */
const dateFr = (instant: string, s: CandidacyState) => formatInstantFr(instant, s.policy);
const dueFr = (d: Deadline, s: CandidacyState) => formatDeadlineFr(d, s.policy);

/** A cooperative's open candidacies: what it can do now, and the next deadline otherwise. */
export async function coopInbox(ds: DataSource, cooperativeId: string, now: Date = new Date()): Promise<InboxItem[]> {
  const rows: InboxRow[] = await ds.query(
    `SELECT ${INBOX_COLUMNS} FROM candidacies c JOIN cooperatives co ON co.id = c.cooperative_id
      WHERE c.cooperative_id = $1 AND NOT c.closed`,
    [cooperativeId],
  );
  return sortInbox(rows.flatMap((r) => coopItems(r, now.toISOString())));
}

function coopItems(r: InboxRow, now: string): InboxItem[] {
  const s = r.state;
  const base = `/candidacies/${r.id}`;
  const items: InboxItem[] = [];
  switch (s.stage) {
    case 'draft':
      items.push(
        item(
          r,
          'Déposer le dossier de candidature (une fois le brouillon complet enregistré)',
          null,
          'POST',
          `${base}/submission`,
        ),
      );
      break;
    case 'submitted':
    case 'on_agenda':
      items.push(
        item(
          r,
          s.agenda
            ? `Dossier inscrit à l'ordre du jour de la séance du comité du ${dateFr(s.agenda.sessionDate, s)} : rien à faire d'ici là`
            : "Dossier déposé : inscription à l'ordre du jour de la prochaine séance du comité",
          s.agenda?.sessionDate ?? null,
          'GET',
          null,
        ),
      );
      break;
    case 'awaiting_complement':
      if (s.complement) {
        const missing = s.complement.missing.length ? ` (éléments manquants : ${s.complement.missing.join(', ')})` : '';
        items.push(
          item(
            r,
            `Répondre à la demande de complément avant le ${dueFr(s.complement.deadline, s)}${missing}, sinon la candidature sera classée sans suite`,
            s.complement.deadline.dueAt,
            'POST',
            `${base}/complement`,
          ),
        );
      }
      break;
    case 'implementation':
      for (const cp of s.checkpoints.filter((c) => !c.reportFiledAt)) {
        const open = Date.parse(cp.opensAt) <= Date.parse(now);
        const late = cp.overdue || Date.parse(cp.deadline.dueAt) <= Date.parse(now);
        const what = open
          ? `Déposer le bilan du point d'étape à ${cp.checkpoint} mois ${late ? `(en retard : attendu le ${dueFr(cp.deadline, s)})` : `au plus tard le ${dueFr(cp.deadline, s)}`}`
          : `Bilan du point d'étape à ${cp.checkpoint} mois à déposer entre le ${dateFr(cp.opensAt, s)} et le ${dueFr(cp.deadline, s)}`;
        items.push(
          item(r, what, cp.deadline.dueAt, 'POST', open ? `${base}/checkpoints/${cp.checkpoint}/report` : null),
        );
      }
      if (s.implementationDeadline) {
        items.push(
          item(
            r,
            `Déclarer la coopérative prête pour la visite (au plus tard, fin de la mise en œuvre le ${dueFr(s.implementationDeadline, s)})`,
            s.implementationDeadline.dueAt,
            'POST',
            `${base}/readiness`,
          ),
        );
      }
      break;
    case 'visit_to_plan':
      items.push(
        item(r, 'La Fédération planifie la visite du comité : vous serez informés de sa date', null, 'GET', null),
      );
      break;
    case 'visit_scheduled':
      if (s.visit && !s.visit.report) {
        items.push(
          item(
            r,
            `Recevoir la visite du comité le ${formatDateFr(s.visit.date)}`,
            endOfDay(s.visit.date).dueAt,
            'GET',
            null,
          ),
        );
      }
      break;
    case 'labelled':
      if (s.label) {
        const { midTerm, expiresOn } = s.label;
        if (!midTerm.reportFiledAt && !midTerm.decided) {
          items.push(
            item(
              r,
              `Déposer le bilan à mi-parcours du label au plus tard le ${dueFr(midTerm.deadline, s)}`,
              midTerm.deadline.dueAt,
              'POST',
              `${base}/mid-term-report`,
            ),
          );
        }
        const windowOpens = renewalWindowOpensAt(s.label, s);
        if (!s.renewal) {
          const canRenew = Date.parse(windowOpens) <= Date.parse(now);
          items.push(
            item(
              r,
              canRenew
                ? `Demander le renouvellement du label avant son expiration le ${dueFr(expiresOn, s)}`
                : `Label valable jusqu'au ${dueFr(expiresOn, s)} : renouvellement à demander à partir du ${dateFr(windowOpens, s)}`,
              expiresOn.dueAt,
              'POST',
              canRenew ? `${base}/renewal-request` : null,
            ),
          );
        } else if (s.renewal.refused) {
          items.push(
            item(
              r,
              `Renouvellement refusé : le label prend fin le ${dueFr(expiresOn, s)}`,
              expiresOn.dueAt,
              'GET',
              null,
            ),
          );
        }
      }
      break;
    default:
      break;
  }
  // Waiting for a committee decision, a visit done…: the next deadline says what comes next.
  if (items.length === 0 && !isClosedStage(s.stage)) {
    const waiting = s.agenda
      ? `En attente de la décision du comité (séance du ${dateFr(s.agenda.sessionDate, s)})`
      : `Étape en cours : ${STAGE_LABELS_FR[s.stage]}`;
    const what = r.next_deadline_label && !s.agenda ? `${waiting} — ${r.next_deadline_label}` : waiting;
    items.push(item(r, what, s.agenda?.sessionDate ?? iso(r.next_deadline_at), 'GET', null));
  }
  for (const h of s.helpRequests.filter((x) => !x.answeredAt)) {
    items.push(
      item(
        r,
        `Demande d'aide envoyée le ${dateFr(h.askedAt, s)} : en attente de la réponse de la Fédération`,
        null,
        'GET',
        null,
      ),
    );
  }
  return items;
}

/**
 * The federation: visits to plan, unanswered help requests, checkpoint reports awaiting advice,
 * overdue checkpoints, labels expiring within 6 months. SQL narrows to the candidacies concerned
 * (`federation_todo`: a generated column of the read model, see migration 1763900000002).
 */
export async function federationInbox(ds: DataSource, now: Date = new Date()): Promise<InboxItem[]> {
  const horizon = addCalendarMonths(parisDateOf(now.toISOString()), LABEL_EXPIRY_HORIZON_MONTHS);
  const rows: InboxRow[] = await ds.query(
    `SELECT ${INBOX_COLUMNS} FROM candidacies c JOIN cooperatives co ON co.id = c.cooperative_id
      WHERE c.federation_todo
         OR (NOT c.closed AND c.label_expires_on IS NOT NULL AND c.label_expires_on <= $1::date)`,
    [horizon],
  );
  return sortInbox(rows.flatMap((r) => federationItems(r, horizon)));
}

function federationItems(r: InboxRow, horizon: string): InboxItem[] {
  const s = r.state;
  const base = `/candidacies/${r.id}`;
  const coop = r.cooperative_name;
  const items: InboxItem[] = [];
  if (s.stage === 'visit_to_plan') {
    const end = s.implementationDeadline;
    items.push(
      item(
        r,
        `Planifier la visite de ${coop} et désigner le membre du comité visiteur${end ? ` (fin de la mise en œuvre le ${dueFr(end, s)})` : ''}`,
        end?.dueAt ?? null,
        'POST',
        `${base}/visit`,
      ),
    );
  }
  for (const h of s.helpRequests.filter((x) => !x.answeredAt)) {
    items.push(
      item(
        r,
        `Répondre à la demande d'aide de ${coop} du ${dateFr(h.askedAt, s)} : « ${h.question} »`,
        null,
        'POST',
        `${base}/help-requests/${h.helpRequestId}/answer`,
      ),
    );
  }
  for (const cp of s.checkpoints) {
    if (cp.reportFiledAt && !cp.adviceGivenAt) {
      items.push(
        item(
          r,
          `Donner un avis sur le bilan du point d'étape à ${cp.checkpoint} mois de ${coop}`,
          null,
          'POST',
          `${base}/checkpoints/${cp.checkpoint}/advice`,
        ),
      );
    } else if (cp.overdue && !cp.reportFiledAt && s.stage === 'implementation') {
      items.push(
        item(
          r,
          `Relancer ${coop} : bilan du point d'étape à ${cp.checkpoint} mois en retard (attendu le ${dueFr(cp.deadline, s)})`,
          cp.deadline.dueAt,
          'GET',
          base,
        ),
      );
    }
  }
  if (r.label_expires_on && r.label_expires_on <= horizon && s.label) {
    const renewal =
      s.stage === 'renewal_requested'
        ? ' (renouvellement demandé)'
        : s.renewal?.refused
          ? ' (renouvellement refusé)'
          : '';
    items.push(
      item(
        r,
        `Label de ${coop} expirant le ${dueFr(s.label.expiresOn, s)}${renewal}`,
        s.label.expiresOn.dueAt,
        'GET',
        base,
      ),
    );
  }
  return items;
}

const DECISIONS: Partial<Record<Stage, { path: string; what: string }>> = {
  under_review: { path: 'decisions/completeness', what: 'Statuer sur la complétude du dossier' },
  award_decision: { path: 'decisions/award', what: "Décider de l'octroi du label après la visite" },
  mid_term_review: { path: 'decisions/mid-term', what: 'Confirmer ou retirer le label au point à mi-parcours' },
  renewal_requested: { path: 'decisions/renewal', what: 'Statuer sur la demande de renouvellement du label' },
};

/**
 * A committee member: the items on closed agendas awaiting a decision, grouped by session, and
 * the visits assigned to that member whose report is not filed yet.
 */
export async function committeeInbox(ds: DataSource, memberId: string): Promise<CommitteeInbox> {
  const rows: InboxRow[] = await ds.query(
    `SELECT ${INBOX_COLUMNS} FROM candidacies c JOIN cooperatives co ON co.id = c.cooperative_id
      WHERE NOT c.closed AND (
        (c.stage IN ('under_review', 'award_decision', 'mid_term_review', 'renewal_requested')
          AND (c.state->'agenda'->>'closed')::boolean IS TRUE)
        OR (c.stage = 'visit_scheduled' AND c.state->'visit'->>'visitorId' = $1 AND NOT (c.state->'visit' ? 'report')))`,
    [memberId],
  );
  const decisions: InboxItem[] = [];
  const visits: InboxItem[] = [];
  const sessionDates = new Map<string, string>();
  for (const r of rows) {
    const s = r.state;
    const base = `/candidacies/${r.id}`;
    const decision = DECISIONS[s.stage];
    if (decision && s.agenda) {
      sessionDates.set(s.agenda.sessionId, s.agenda.sessionDate);
      // Completeness first, then admissibility in the same session (spec §4.1).
      const admissibility =
        s.stage === 'under_review' && s.completeness?.complete && s.completeness.sessionId === s.agenda.sessionId;
      const what = admissibility ? "Statuer sur l'admissibilité du dossier" : decision.what;
      const path = admissibility ? 'decisions/admissibility' : decision.path;
      decisions.push({
        ...item(
          r,
          `${what} de ${r.cooperative_name} (séance du ${dateFr(s.agenda.sessionDate, s)})`,
          s.agenda.sessionDate,
          'POST',
          `${base}/${path}`,
        ),
        sessionId: s.agenda.sessionId,
      });
    } else if (s.stage === 'visit_scheduled' && s.visit) {
      visits.push(
        item(
          r,
          `Effectuer la visite de ${r.cooperative_name} le ${formatDateFr(s.visit.date)} puis déposer le compte rendu`,
          endOfDay(s.visit.date).dueAt,
          'POST',
          `${base}/visit-report`,
        ),
      );
    }
  }
  const bySession = [...sessionDates.entries()]
    .sort(([ia, a], [ib, b]) => a.localeCompare(b) || ia.localeCompare(ib))
    .map(([sessionId, sessionDate]) => ({
      sessionId,
      sessionDate,
      items: sortInbox(decisions.filter((d) => d.sessionId === sessionId)),
    }));
  return { items: sortInbox([...decisions, ...visits]), bySession };
}

// ————————————————————————————————————————————————————————————————————————————————————————————
// 3. A committee session's agenda
// ————————————————————————————————————————————————————————————————————————————————————————————

export const AGENDA_KIND_LABELS_FR: Record<string, string> = {
  dossier: 'dossier de candidature (complétude et admissibilité)',
  complement: 'réponse à une demande de complément',
  visit_report: "compte rendu de visite (décision d'octroi)",
  mid_term: 'point à mi-parcours du label',
  renewal: 'demande de renouvellement du label',
};

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
export async function sessionAgenda(ds: Pick<DataSource, 'query'>, sessionId: string, now: Date = new Date()): Promise<SessionAgenda> {
  const [session] = (await ds.query(
    'SELECT id, calendar, session_date, cutoff_at FROM committee_sessions WHERE id = $1',
    [sessionId],
  )) as Array<{
    id: string;
    calendar: string;
    session_date: Date;
    cutoff_at: Date;
  }>;
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
      kindLabel: AGENDA_KIND_LABELS_FR[r.kind] ?? r.kind,
      stage: r.stage,
      stageLabel: STAGE_LABELS_FR[r.stage as Stage] ?? r.stage,
      placedAt: iso(r.placed_at),
      onAgenda: r.on_agenda,
      agendaClosed: r.agenda_closed,
    })),
  };
}

// ————————————————————————————————————————————————————————————————————————————————————————————
// 4. KPIs (spec §5)
// ————————————————————————————————————————————————————————————————————————————————————————————

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
  const horizon = addCalendarMonths(today, LABEL_EXPIRY_HORIZON_MONTHS);

  // Engaged: an open candidacy (a label held is an open cycle: labelled, mid-term, renewal requested).
  const [engagement] = (await ds.query(
    `SELECT count(*)::int AS active,
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM candidacies c WHERE c.cooperative_id = co.id
                AND (NOT c.closed OR (c.label_expires_on IS NOT NULL AND c.label_expires_on >= $1::date))))::int AS engaged
       FROM cooperatives co WHERE co.active`,
    [today],
  )) as [{ active: number; engaged: number }];

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
        CROSS JOIN LATERAL jsonb_array_elements(c.state->'checkpoints') cp
        WHERE c.stage = 'implementation' AND (cp->>'overdue')::boolean IS TRUE AND NOT (cp ? 'reportFiledAt')
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

// ————————————————————————————————————————————————————————————————————————————————————————————
// 5. Practices: the submitted dossiers' engagements and indicators, baseline / target / achieved
// ————————————————————————————————————————————————————————————————————————————————————————————

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
  const [{ dossiers }] = (await ds.query(`SELECT count(*)::int AS dossiers FROM (${SUBMITTED_DOSSIERS}) s`)) as [
    { dossiers: number },
  ];
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

// ————————————————————————————————————————————————————————————————————————————————————————————
// The practices export as CSV for French Excel: UTF-8 with BOM, `;` separator, decimal comma, CRLF.
// ————————————————————————————————————————————————————————————————————————————————————————————

export const INDICATOR_KIND_LABELS_FR: Record<string, string> = {
  metier: 'métier',
  economique: 'économique',
  gouvernance: 'gouvernance',
  ressources_humaines: 'ressources humaines',
  autre: 'autre',
};

export const PRACTICES_CSV_HEADER = [
  'Coopérative (id)',
  'Coopérative',
  'Candidature (id)',
  'Cycle',
  'Étape',
  'Engagement (id)',
  'Engagement',
  'Indicateur',
  "Type d'indicateur",
  'Résultat initial',
  'Unité',
  'Date de mesure',
  'Valeur cible',
  'Date cible',
  'Dernière valeur atteinte',
  'Date du dernier bilan',
];

/** A text cell: quoted when needed; a leading = + - @ is defused so Excel never runs it as a formula. */
export function csvText(value: string | null | undefined): string {
  let s = value ?? '';
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A number cell with a decimal comma (French Excel). */
export function csvNumber(value: number | null | undefined): string {
  return value == null ? '' : String(value).replace('.', ',');
}

export function practicesCsv(rows: readonly PracticeRow[]): string {
  const lines = [PRACTICES_CSV_HEADER.map(csvText).join(';')];
  for (const r of rows) {
    lines.push(
      [
        csvText(r.cooperativeId),
        csvText(r.cooperativeName),
        csvText(r.candidacyId),
        csvNumber(r.cycle),
        csvText(STAGE_LABELS_FR[r.stage as Stage] ?? r.stage),
        csvText(r.engagementId),
        csvText(r.engagementTitle),
        csvText(r.indicatorName),
        csvText(INDICATOR_KIND_LABELS_FR[r.kind] ?? r.kind),
        csvNumber(r.baselineValue),
        csvText(r.baselineUnit),
        csvText(r.baselineDate),
        csvNumber(r.targetValue),
        csvText(r.targetDate),
        csvNumber(r.achievedValue),
        csvText(r.achievedAt ? parisDateOf(r.achievedAt) : null),
      ].join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
