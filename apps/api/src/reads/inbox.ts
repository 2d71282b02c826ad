/**
 * Each actor's inbox over HTTP: the domain's tasks on the candidacies the read side narrowed to,
 * each with the API call that does it, sorted by due date (undated last).
 */
import { CommandType, committeeTasks, coopTasks, federationTasks, Task, TaskAction } from '@qualicoop/domain';
import type { InboxCandidacy } from '@qualicoop/persistence';

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

const itemsOf = (c: InboxCandidacy, tasks: Task[]): InboxItem[] =>
  tasks.map((t) => ({
    candidacyId: c.candidacyId,
    cooperativeId: c.cooperativeId,
    cooperativeName: c.cooperativeName,
    what: t.whatFr,
    dueBy: t.dueAt,
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

export function coopInbox(candidacies: InboxCandidacy[], now: Date): InboxItem[] {
  return sortInbox(candidacies.flatMap((c) => itemsOf(c, coopTasks(c.state, now.toISOString()))));
}

export function federationInbox(candidacies: InboxCandidacy[], now: Date): InboxItem[] {
  return sortInbox(
    candidacies.flatMap((c) => itemsOf(c, federationTasks(c.state, now.toISOString(), c.cooperativeName))),
  );
}

export function committeeInbox(candidacies: InboxCandidacy[], memberId: string): CommitteeInbox {
  const sessionDates = new Map<string, string>();
  const items = candidacies.flatMap((c) => {
    const tasks = committeeTasks(c.state, memberId, c.cooperativeName);
    for (const t of tasks) if (t.sessionId && t.dueAt) sessionDates.set(t.sessionId, t.dueAt);
    return itemsOf(c, tasks);
  });
  const bySession = [...sessionDates.entries()]
    .sort(([ia, a], [ib, b]) => a.localeCompare(b) || ia.localeCompare(ib))
    .map(([sessionId, sessionDate]) => ({
      sessionId,
      sessionDate,
      items: sortInbox(items.filter((i) => i.sessionId === sessionId)),
    }));
  return { items: sortInbox(items), bySession };
}
