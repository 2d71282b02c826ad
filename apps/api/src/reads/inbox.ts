/**
 * Each actor's inbox over HTTP, each item with the API call that does it, sorted by due date
 * (undated last): the cooperative's and the committee's are the domain's tasks on the few
 * candidacies the read side narrowed to; the federation's comes filtered, sorted and paged from
 * its read model.
 */
import {
  CommandType,
  committeeTasks,
  coopTasks,
  parisDateOf,
  Stage,
  STAGE_LABELS_FR,
  Task,
  TaskAction,
} from '@qualicoop/domain';
import type { FederationTaskItem, InboxCandidacy } from '@qualicoop/persistence';

export interface InboxItem {
  candidacyId: string;
  cooperativeId: string;
  cooperativeName: string;
  /** The candidacy's stage, and its name in French. */
  stage: Stage;
  stageLabel: string;
  /** What is due, in French. */
  what: string;
  /** ISO instant, or null when nothing fixes a date. */
  dueBy: string | null;
  /** The due date has passed. */
  overdue: boolean;
  /** The API path to call (with `method`), or null when the caller has nothing to call. */
  action: string | null;
  method: 'GET' | 'POST' | null;
  /** Committee items: the session in which to decide. */
  sessionId?: string;
}

export interface CommitteeInbox {
  items: InboxItem[];
  /** The decisions to take, grouped by committee session (sessions in date order). */
  bySession: Array<{ sessionId: string; sessionDate: string | null; items: InboxItem[] }>;
}

/** The endpoint of each command a task may name, under `/candidacies/:id/`. */
const COMMAND_PATHS: Partial<Record<CommandType, (a: Extract<TaskAction, { kind: 'command' }>) => string>> = {
  SubmitDossier: () => 'submission',
  AnswerComplement: () => 'complement',
  FileProgressReport: (a) => `checkpoints/${a.checkpoint}/report`,
  DeclareReadiness: () => 'readiness',
  FileMidTermReport: () => 'mid-term-report',
  RequestRenewal: () => 'renewal-request',
  ScheduleVisit: () => 'visit',
  AnswerHelpRequest: (a) => `help-requests/${a.helpRequestId}/answer`,
  AdviseOnCheckpoint: (a) => `checkpoints/${a.checkpoint}/advice`,
  RecordCompleteness: () => 'decisions/completeness',
  RecordAdmissibility: () => 'decisions/admissibility',
  DecideAward: () => 'decisions/award',
  DecideMidTerm: () => 'decisions/mid-term',
  DecideRenewal: () => 'decisions/renewal',
  FileVisitReport: () => 'visit-report',
};

function call(candidacyId: string, action: TaskAction | null): Pick<InboxItem, 'action' | 'method'> {
  const base = `/candidacies/${candidacyId}`;
  if (!action) return { action: null, method: null };
  if (action.kind === 'view') return { action: base, method: 'GET' };
  const path = COMMAND_PATHS[action.command];
  if (!path) throw new Error(`no endpoint for the command ${action.command}`);
  return { action: `${base}/${path(action)}`, method: 'POST' };
}

/** What a person narrows an inbox to; every field optional, all of them must hold. */
export interface InboxFilter {
  candidacyId?: string;
  stages?: readonly Stage[];
  cooperativeId?: string;
  /** Due on or before this civil date (Paris), inclusive; undated items are left out. */
  dueUntil?: string;
  /** true: only items past their due date; false: only the others. */
  overdue?: boolean;
}

export function matchesFilter(item: InboxItem, filter: InboxFilter): boolean {
  if (filter.candidacyId && item.candidacyId !== filter.candidacyId) return false;
  if (filter.stages && !filter.stages.includes(item.stage)) return false;
  if (filter.cooperativeId && item.cooperativeId !== filter.cooperativeId) return false;
  if (filter.dueUntil && (item.dueBy === null || parisDateOf(item.dueBy) > filter.dueUntil)) return false;
  if (filter.overdue !== undefined && item.overdue !== filter.overdue) return false;
  return true;
}

const itemsOf = (c: InboxCandidacy, tasks: Task[], now: Date): InboxItem[] =>
  tasks.map((t) => ({
    candidacyId: c.candidacyId,
    cooperativeId: c.cooperativeId,
    cooperativeName: c.cooperativeName,
    stage: c.state.stage,
    stageLabel: STAGE_LABELS_FR[c.state.stage],
    what: t.whatFr,
    dueBy: t.dueAt,
    overdue: isOverdue(t.dueAt, now),
    ...call(c.candidacyId, t.action),
    ...(t.sessionId ? { sessionId: t.sessionId } : {}),
  }));

/** Inbox items sort by due date (undated last), then by candidacy, then by what. */
export function sortInbox(items: InboxItem[]): InboxItem[] {
  return [...items].sort(
    (a, b) =>
      (a.dueBy === null ? 1 : 0) - (b.dueBy === null ? 1 : 0) ||
      (a.dueBy ?? '').localeCompare(b.dueBy ?? '') ||
      a.candidacyId.localeCompare(b.candidacyId) ||
      a.what.localeCompare(b.what),
  );
}

export function coopInbox(candidacies: InboxCandidacy[], now: Date, filter: InboxFilter = {}): InboxItem[] {
  return sortInbox(
    candidacies
      .flatMap((c) => itemsOf(c, coopTasks(c.state, now.toISOString()), now))
      .filter((i) => matchesFilter(i, filter)),
  );
}

/** The federation's tasks as the read model returns them (already filtered, sorted and paged). */
export const federationItems = (tasks: FederationTaskItem[], now: Date): InboxItem[] =>
  tasks.map((t) => ({
    candidacyId: t.candidacyId,
    cooperativeId: t.cooperativeId,
    cooperativeName: t.cooperativeName,
    stage: t.stage,
    stageLabel: STAGE_LABELS_FR[t.stage],
    what: t.whatFr,
    dueBy: t.dueAt,
    overdue: isOverdue(t.dueAt, now),
    ...call(t.candidacyId, t.action),
  }));

const isOverdue = (dueAt: string | null, now: Date) => dueAt !== null && Date.parse(dueAt) < now.getTime();

export function committeeInbox(
  candidacies: InboxCandidacy[],
  memberId: string,
  now: Date,
  filter: InboxFilter = {},
): CommitteeInbox {
  const items = candidacies
    .flatMap((c) => itemsOf(c, committeeTasks(c.state, memberId, c.cooperativeName), now))
    .filter((i) => matchesFilter(i, filter));
  const sessionDates = new Map<string, string>();
  for (const i of items) if (i.sessionId && i.dueBy) sessionDates.set(i.sessionId, i.dueBy);
  const bySession = [...sessionDates.entries()]
    .sort(([ia, a], [ib, b]) => a.localeCompare(b) || ia.localeCompare(ib))
    .map(([sessionId, sessionDate]) => ({
      sessionId,
      sessionDate,
      items: sortInbox(items.filter((i) => i.sessionId === sessionId)),
    }));
  return { items: sortInbox(items), bySession };
}
