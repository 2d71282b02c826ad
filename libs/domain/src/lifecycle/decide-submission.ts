/** From the draft to the admissibility decision (spec §3, §4.1): submission, agenda, completeness. */
import type { CommandContext, CommandOf } from './commands';
import { errors } from './errors';
import type { CheckpointPlan, DomainEvent } from './domain-events';
import {
  isReached,
  meta,
  requireDecisionStage,
  requireDossierVersion,
  requireMotivation,
  requireReached,
  requireSessionDecidable,
  requireStage,
  requireText,
} from './guards';
import { deadline, formatDeadlineFr } from './policy';
import type { AgendaKind, CandidacyState, Stage } from './state';

export function decideSaveDraft(s: CandidacyState, c: CommandOf<'SaveDraft'>, ctx: CommandContext): DomainEvent[] {
  requireStage(s, c.type, ['draft']);
  const dossierVersion = requireDossierVersion(s, c.dossierVersion);
  const hash = typeof c.dossierHash === 'string' && c.dossierHash.trim() !== '' ? { dossierHash: c.dossierHash } : {};
  return [{ type: 'DraftSaved', ...meta(ctx), dossierVersion, ...hash }];
}

export function decideSubmitDossier(
  s: CandidacyState,
  c: CommandOf<'SubmitDossier'>,
  ctx: CommandContext,
): DomainEvent[] {
  requireStage(s, c.type, ['draft']);
  const dossierVersion = requireDossierVersion(s, c.dossierVersion);
  const dossierHash = requireText(c.dossierHash, "L'empreinte du dossier est requise", 'dossierHash');
  return [{ type: 'DossierSubmitted', ...meta(ctx), dossierVersion, dossierHash }];
}

/** Which agenda item the current stage calls for; undefined when none. */
function agendaKindFor(s: CandidacyState): AgendaKind | undefined {
  switch (s.stage) {
    case 'submitted':
      return s.complementRounds > 0 ? 'complement' : 'dossier';
    case 'on_agenda':
      return s.agenda?.kind;
    case 'visit_done':
      return 'visit_report';
    case 'mid_term_review':
      return 'mid_term';
    case 'renewal_requested':
      return 'renewal';
    default:
      return undefined;
  }
}

/** True when the workflow must find the next committee session and place the candidacy on its agenda. */
export function needsCommitteeAgenda(s: CandidacyState): boolean {
  return s.stage === 'submitted' || (agendaKindFor(s) !== undefined && s.agenda === undefined);
}

/**
 * Places (or, while its agenda is still open, moves) the candidacy on a session's agenda. The
 * session's cut-off must not have passed (spec §4.1: "the next session whose cut-off has not passed").
 */
export function decidePlaceOnAgenda(
  s: CandidacyState,
  c: CommandOf<'PlaceOnAgenda'>,
  ctx: CommandContext,
): DomainEvent[] {
  const kind = agendaKindFor(s);
  if (!kind) throw errors.notAllowedInStage(c.type, s.stage);
  if (s.agenda?.closed) throw errors.agendaAlreadyClosed();
  requireText(c.sessionId, 'La séance du comité est requise', 'sessionId');
  if (
    Number.isNaN(Date.parse(c.cutoffAt)) ||
    Number.isNaN(Date.parse(c.sessionDate)) ||
    Date.parse(c.cutoffAt) > Date.parse(c.sessionDate)
  ) {
    throw errors.invalid("Dates de séance invalides : la clôture de l'ordre du jour précède la séance", {
      field: 'cutoffAt',
    });
  }
  if (isReached(ctx.now, c.cutoffAt)) throw errors.agendaCutoffPassed(c.cutoffAt);
  const { sessionId, sessionDate, cutoffAt } = c;
  return [{ type: 'PlacedOnAgenda', ...meta(ctx), kind, sessionId, sessionDate, cutoffAt }];
}

const CLOSABLE: readonly Stage[] = ['on_agenda', 'visit_done', 'mid_term_review', 'renewal_requested'];

export function decideCloseAgenda(s: CandidacyState, c: CommandOf<'CloseAgenda'>, ctx: CommandContext): DomainEvent[] {
  requireStage(s, c.type, CLOSABLE);
  const agenda = s.agenda;
  if (!agenda) throw errors.notOnAgenda();
  if (agenda.sessionId !== c.sessionId) throw errors.wrongSession(agenda.sessionId, c.sessionId);
  if (agenda.closed) throw errors.agendaAlreadyClosed();
  requireReached(ctx.now, agenda.cutoffAt);
  return [{ type: 'AgendaClosed', ...meta(ctx), kind: agenda.kind, sessionId: agenda.sessionId }];
}

export function decideRecordCompleteness(
  s: CandidacyState,
  c: CommandOf<'RecordCompleteness'>,
  ctx: CommandContext,
): DomainEvent[] {
  if (s.completeness?.sessionId === c.sessionId) {
    throw errors.alreadyDecided('La décision de complétude de cette séance a déjà été rendue : elle est définitive');
  }
  requireMotivation(c.motivation);
  requireDecisionStage(s, c.type, 'under_review');
  requireSessionDecidable(s, c.sessionId);
  const missing = (c.missing ?? []).filter((item) => item.trim() !== '');
  if (!c.complete && missing.length === 0) throw errors.missingItemsRequired();
  const { sessionId, motivation } = c;
  const recorded: DomainEvent = {
    type: 'CompletenessRecorded',
    ...meta(ctx),
    sessionId,
    motivation,
    complete: c.complete,
    missing: c.complete ? [] : missing,
  };
  if (c.complete) return [recorded];
  const complementDeadline = deadline(ctx.now, { days: s.policy.complementDays }, s.policy);
  const round = s.complementRounds + 1;
  return [recorded, { type: 'ComplementRequested', ...meta(ctx), round, missing, deadline: complementDeadline }];
}

export function decideRecordAdmissibility(
  s: CandidacyState,
  c: CommandOf<'RecordAdmissibility'>,
  ctx: CommandContext,
): DomainEvent[] {
  if (s.admissibility)
    throw errors.alreadyDecided("La décision d'admissibilité a déjà été rendue : elle est définitive");
  requireMotivation(c.motivation);
  if (s.stage === 'awaiting_complement') throw errors.admissibilityBeforeCompleteness();
  requireDecisionStage(s, c.type, 'under_review');
  requireSessionDecidable(s, c.sessionId);
  if (!(s.completeness?.complete && s.completeness.sessionId === c.sessionId)) {
    throw errors.admissibilityBeforeCompleteness();
  }
  const { sessionId, motivation, admissible } = c;
  if (!admissible) return [{ type: 'AdmissibilityRecorded', ...meta(ctx), sessionId, motivation, admissible }];
  const { policy } = s;
  const implementationDeadline = deadline(ctx.now, { months: policy.implementationMonths }, policy);
  // Each checkpoint opens when the previous one falls due (the first one at once).
  let opensAt = ctx.now;
  const checkpoints: CheckpointPlan[] = [...policy.checkpointMonths]
    .sort((a, b) => a - b)
    .map((months) => {
      const plan = { checkpoint: months, opensAt, deadline: deadline(ctx.now, { months }, policy) };
      opensAt = plan.deadline.dueAt;
      return plan;
    });
  return [
    {
      type: 'AdmissibilityRecorded',
      ...meta(ctx),
      sessionId,
      motivation,
      admissible,
      implementationDeadline,
      checkpoints,
    },
  ];
}

export function decideAnswerComplement(
  s: CandidacyState,
  c: CommandOf<'AnswerComplement'>,
  ctx: CommandContext,
): DomainEvent[] {
  requireStage(s, c.type, ['awaiting_complement']);
  const deadline = s.complement?.deadline;
  if (deadline && isReached(ctx.now, deadline.dueAt))
    throw errors.deadlinePassed('répondre à la demande de complément', formatDeadlineFr(deadline, s.policy));
  const dossierVersion = requireDossierVersion(s, c.dossierVersion);
  const dossierHash = requireText(c.dossierHash, "L'empreinte du dossier est requise", 'dossierHash');
  return [{ type: 'ComplementAnswered', ...meta(ctx), round: s.complementRounds, dossierVersion, dossierHash }];
}

export function decideLapseCandidacy(
  s: CandidacyState,
  c: CommandOf<'LapseCandidacy'>,
  ctx: CommandContext,
): DomainEvent[] {
  requireStage(s, c.type, ['awaiting_complement']);
  const complement = s.complement;
  if (!complement) throw errors.notAllowedInStage(c.type, s.stage);
  requireReached(ctx.now, complement.deadline.dueAt);
  return [{ type: 'CandidacyLapsed', ...meta(ctx), round: complement.round, deadline: complement.deadline }];
}
