/**
 * `evolve(state, event)`: the state after one event. Never refuses (the decider already did) and
 * never computes a deadline (events carry them), so replaying a history is exact.
 */
import { parisTimeOf } from './policy';
import type { DomainEvent } from './domain-events';
import type { CandidacyState, CheckpointState, LabelState, Stage } from './state';
import { isClosedStage } from './state';

export function evolve(state: CandidacyState | undefined, event: DomainEvent): CandidacyState {
  if (event.type === 'CandidacyOpened') {
    const { candidacyId, cooperativeId, cycle, policy, label } = event;
    return fresh({ candidacyId, cooperativeId, cycle, policy }, event.at, label);
  }
  if (!state) throw new RangeError(`evolve: ${event.type} before CandidacyOpened`);
  if (event.type === 'CycleStarted') {
    const { candidacyId, cooperativeId, policy } = state;
    const next = fresh({ candidacyId, cooperativeId, cycle: event.cycle, policy }, event.at, event.label);
    return state.renewal ? { ...next, dossierVersion: state.renewal.dossierVersion } : next;
  }
  const next = apply(state, event);
  return {
    ...next,
    sequence: state.sequence + 1,
    updatedAt: event.at,
    ...(isClosedStage(next.stage) && !isClosedStage(state.stage) ? { closedAt: event.at } : {}),
  };
}

function fresh(
  id: Pick<CandidacyState, 'candidacyId' | 'cooperativeId' | 'cycle' | 'policy'>,
  at: string,
  label: LabelState | undefined,
): CandidacyState {
  return {
    ...id,
    stage: label ? 'labelled' : 'draft',
    openedAt: at,
    complementRounds: 0,
    extensionsUsed: 0,
    checkpoints: [],
    helpRequests: [],
    visitRounds: 0,
    ...(label ? { label } : {}),
    remindersSent: [],
    sequence: 1,
    updatedAt: at,
  };
}

function at(s: CandidacyState, stage: Stage, changes: Partial<CandidacyState> = {}): CandidacyState {
  return { ...s, ...changes, stage };
}

function updateCheckpoint(s: CandidacyState, checkpoint: number, change: Partial<CheckpointState>): CandidacyState {
  return { ...s, checkpoints: s.checkpoints.map((c) => (c.checkpoint === checkpoint ? { ...c, ...change } : c)) };
}

function withLabel(s: CandidacyState, change: (label: LabelState) => LabelState): CandidacyState {
  return s.label ? { ...s, label: change(s.label) } : s;
}

/** Removes the agenda item (a decision consumed it) and moves to `stage`. */
function leaveAgenda(s: CandidacyState, stage: Stage, changes: Partial<CandidacyState> = {}): CandidacyState {
  const { agenda: _agenda, ...rest } = s;
  return { ...rest, ...changes, stage };
}

function apply(s: CandidacyState, e: DomainEvent): CandidacyState {
  switch (e.type) {
    case 'CandidacyOpened':
    case 'CycleStarted':
      return s; // handled in evolve
    case 'DraftSaved':
      return { ...s, dossierVersion: e.dossierVersion, ...(e.dossierHash ? { dossierHash: e.dossierHash } : {}) };
    case 'DossierSubmitted':
      return at(s, 'submitted', {
        dossierVersion: e.dossierVersion,
        dossierHash: e.dossierHash,
        dossierSubmittedAt: e.at,
      });
    case 'PlacedOnAgenda': {
      const agenda = {
        kind: e.kind,
        sessionId: e.sessionId,
        sessionDate: e.sessionDate,
        cutoffAt: e.cutoffAt,
        closed: false,
      };
      return at(s, s.stage === 'submitted' ? 'on_agenda' : s.stage, { agenda });
    }
    case 'AgendaClosed': {
      const agenda = s.agenda ? { ...s.agenda, closed: true } : undefined;
      const stage: Stage =
        s.stage === 'on_agenda' ? 'under_review' : s.stage === 'visit_done' ? 'award_decision' : s.stage;
      return at(s, stage, agenda ? { agenda } : {});
    }
    case 'CompletenessRecorded':
      return { ...s, completeness: { complete: e.complete, missing: e.missing, sessionId: e.sessionId, at: e.at } };
    case 'ComplementRequested':
      return leaveAgenda(s, 'awaiting_complement', {
        complementRounds: e.round,
        complement: { round: e.round, missing: e.missing, deadline: e.deadline },
      });
    case 'ComplementAnswered':
      return at(s, 'submitted', {
        dossierVersion: e.dossierVersion,
        dossierHash: e.dossierHash,
        dossierSubmittedAt: e.at,
        ...(s.complement ? { complement: { ...s.complement, answeredAt: e.at } } : {}),
      });
    case 'AdmissibilityRecorded': {
      const admissibility = {
        outcome: e.admissible ? ('admissible' as const) : ('not_admissible' as const),
        sessionId: e.sessionId,
        motivation: e.motivation,
        at: e.at,
        by: e.by,
      };
      if (!e.admissible) return leaveAgenda(s, 'not_admissible', { admissibility });
      return leaveAgenda(s, 'implementation', {
        admissibility,
        admissibleOn: parisTimeOf(s.policy).dateOf(e.at),
        ...(e.implementationDeadline ? { implementationDeadline: e.implementationDeadline } : {}),
        checkpoints: (e.checkpoints ?? []).map((p) => ({ ...p, overdue: false })),
      });
    }
    case 'CandidacyLapsed':
      return at(s, 'lapsed');
    case 'ProgressReportFiled':
      return updateCheckpoint(s, e.checkpoint, { reportId: e.reportId, reportFiledAt: e.at });
    case 'CheckpointAdviceGiven':
      return updateCheckpoint(s, e.checkpoint, { advice: e.advice, adviceGivenAt: e.at });
    case 'CheckpointOverdue':
      return updateCheckpoint(s, e.checkpoint, { overdue: true });
    case 'HelpRequested':
      return {
        ...s,
        helpRequests: [...s.helpRequests, { helpRequestId: e.helpRequestId, question: e.question, askedAt: e.at }],
      };
    case 'HelpRequestAnswered':
      return {
        ...s,
        helpRequests: s.helpRequests.map((h) =>
          h.helpRequestId === e.helpRequestId ? { ...h, answer: e.answer, answeredAt: e.at } : h,
        ),
      };
    case 'ReadinessDeclared':
      return at(s, 'visit_to_plan', { readinessDeclaredAt: e.at });
    case 'ImplementationWindowEnded':
      return at(s, 'visit_to_plan');
    case 'VisitScheduled':
      return at(s, 'visit_scheduled', {
        visitRounds: e.round,
        visit: { round: e.round, visitorId: e.visitorId, date: e.visitDate },
      });
    case 'VisitReportFiled': {
      if (!s.visit) return s;
      const report = {
        reportId: e.reportId,
        findingsSummary: e.findingsSummary,
        filedAt: e.at,
        ...(e.findings ? { findings: e.findings } : {}),
      };
      return at(s, 'visit_done', { visit: { ...s.visit, report } });
    }
    case 'LabelGranted':
      return leaveAgenda(s, 'labelled', { award: decision(e, 'granted'), label: e.label });
    case 'ExtensionGranted': {
      // A new window: readiness and the visit start again; past visits stay counted in visitRounds.
      const { visit: _visit, readinessDeclaredAt: _ready, ...rest } = s;
      return leaveAgenda({ ...rest, stage: s.stage }, 'implementation', {
        award: decision(e, 'extension'),
        extensionsUsed: s.extensionsUsed + 1,
        implementationDeadline: e.implementationDeadline,
      });
    }
    case 'LabelRefused':
      return leaveAgenda(s, 'not_awarded', { award: decision(e, 'refused') });
    case 'MidTermReportFiled':
      return at(
        withLabel(s, (l) => ({ ...l, midTerm: { ...l.midTerm, reportId: e.reportId, reportFiledAt: e.at } })),
        'mid_term_review',
      );
    case 'MidTermConfirmed':
      return leaveAgenda(
        withLabel(s, (l) => ({ ...l, midTerm: { ...l.midTerm, decided: 'confirmed' } })),
        'labelled',
      );
    case 'LabelWithdrawn':
      return leaveAgenda(
        withLabel(s, (l) => ({ ...l, midTerm: { ...l.midTerm, decided: 'withdrawn' } })),
        'label_withdrawn',
      );
    case 'RenewalRequested':
      return at(s, 'renewal_requested', { renewal: { requestedAt: e.at, dossierVersion: e.dossierVersion } });
    case 'LabelRenewed':
      return leaveAgenda(s, 'renewed', { renewal: { ...renewalOf(s, e.at), decidedAt: e.at, nextLabel: e.nextLabel } });
    case 'RenewalRefused':
      return leaveAgenda(s, 'labelled', { renewal: { ...renewalOf(s, e.at), decidedAt: e.at, refused: true } });
    case 'LabelExpired':
      return at(s, 'expired');
    case 'CandidacyWithdrawn':
      return leaveAgenda(s, 'withdrawn');
    case 'LabelRenounced':
      return leaveAgenda(s, 'renounced');
    case 'ReminderSent':
      return { ...s, remindersSent: [...s.remindersSent, e.key] };
    default: {
      const unknown: never = e;
      throw new RangeError(`evolve: unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

function decision<O extends string>(e: { sessionId: string; motivation: string; at: string; by: string }, outcome: O) {
  return { outcome, sessionId: e.sessionId, motivation: e.motivation, at: e.at, by: e.by };
}

function renewalOf(s: CandidacyState, at: string) {
  return s.renewal ?? { requestedAt: at, dossierVersion: s.dossierVersion ?? 0 };
}
