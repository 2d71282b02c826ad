/** The implementation window, checkpoints, help requests and the visit (spec §4.2, §4.3). */
import { formatDateFr, isCivilDate } from '../calendar/calendar';
import type { CommandContext, CommandOf } from './commands';
import { errors } from './errors';
import type { DomainEvent } from './domain-events';
import { isReached, meta, requireReached, requireStage, requireText } from './guards';
import { formatInstantFr, parisTimeOf } from './policy';
import { overdueDeadline } from './schedule';
import { checkpointOf, type CandidacyState, type CheckpointState } from './state';

function requireCheckpoint(s: CandidacyState, checkpoint: number): CheckpointState {
  const cp = checkpointOf(s, checkpoint);
  if (!cp) throw errors.unknownCheckpoint(checkpoint);
  return cp;
}

/** A late report is still accepted (spec §4.2: a missing report does not end the process). */
export function decideFileProgressReport(
  s: CandidacyState,
  c: CommandOf<'FileProgressReport'>,
  ctx: CommandContext,
): DomainEvent[] {
  const cp = requireCheckpoint(s, c.checkpoint);
  if (cp.reportFiledAt) throw errors.checkpointAlreadyFiled(c.checkpoint);
  requireStage(s, c.type, ['implementation']);
  if (!isReached(ctx.now, cp.opensAt))
    throw errors.checkpointNotOpen(c.checkpoint, formatInstantFr(cp.opensAt, s.policy));
  const reportId = requireText(c.reportId, "Le bilan d'avancement est requis", 'reportId');
  const late = cp.overdue || isReached(ctx.now, cp.deadline.dueAt);
  return [{ type: 'ProgressReportFiled', ...meta(ctx), checkpoint: cp.checkpoint, reportId, late }];
}

/** The federation may advise on a filed report at any later stage of the open candidacy. */
export function decideAdviseOnCheckpoint(
  s: CandidacyState,
  c: CommandOf<'AdviseOnCheckpoint'>,
  ctx: CommandContext,
): DomainEvent[] {
  const cp = requireCheckpoint(s, c.checkpoint);
  if (!cp.reportFiledAt) throw errors.adviceBeforeReport(c.checkpoint);
  if (cp.adviceGivenAt)
    throw errors.alreadyDecided(`L'avis sur le point d'étape à ${c.checkpoint} mois a déjà été donné`);
  const advice = requireText(c.advice, "L'avis est requis", 'advice');
  return [{ type: 'CheckpointAdviceGiven', ...meta(ctx), checkpoint: cp.checkpoint, advice }];
}

export function decideMarkCheckpointOverdue(
  s: CandidacyState,
  c: CommandOf<'MarkCheckpointOverdue'>,
  ctx: CommandContext,
): DomainEvent[] {
  const cp = requireCheckpoint(s, c.checkpoint);
  if (cp.reportFiledAt) throw errors.checkpointAlreadyFiled(c.checkpoint);
  if (cp.overdue) throw errors.alreadyDecided(`Le point d'étape à ${c.checkpoint} mois est déjà signalé en retard`);
  requireStage(s, c.type, ['implementation']);
  requireReached(ctx.now, overdueDeadline(cp, s).dueAt);
  return [{ type: 'CheckpointOverdue', ...meta(ctx), checkpoint: cp.checkpoint, deadline: cp.deadline }];
}

export function decideRequestHelp(s: CandidacyState, c: CommandOf<'RequestHelp'>, ctx: CommandContext): DomainEvent[] {
  const helpRequestId = requireText(c.helpRequestId, "L'identifiant de la demande est requis", 'helpRequestId');
  if (s.helpRequests.some((h) => h.helpRequestId === helpRequestId)) throw errors.duplicateHelpRequest(helpRequestId);
  const question = requireText(c.question, 'La question est requise', 'question');
  return [{ type: 'HelpRequested', ...meta(ctx), helpRequestId, question }];
}

export function decideAnswerHelpRequest(
  s: CandidacyState,
  c: CommandOf<'AnswerHelpRequest'>,
  ctx: CommandContext,
): DomainEvent[] {
  const request = s.helpRequests.find((h) => h.helpRequestId === c.helpRequestId);
  if (!request) throw errors.unknownHelpRequest(c.helpRequestId);
  if (request.answeredAt) throw errors.helpRequestAlreadyAnswered(c.helpRequestId);
  const answer = requireText(c.answer, 'La réponse est requise', 'answer');
  return [{ type: 'HelpRequestAnswered', ...meta(ctx), helpRequestId: request.helpRequestId, answer }];
}

export function decideDeclareReadiness(
  s: CandidacyState,
  c: CommandOf<'DeclareReadiness'>,
  ctx: CommandContext,
): DomainEvent[] {
  requireStage(s, c.type, ['implementation']);
  return [{ type: 'ReadinessDeclared', ...meta(ctx) }];
}

export function decideEndImplementationWindow(
  s: CandidacyState,
  c: CommandOf<'EndImplementationWindow'>,
  ctx: CommandContext,
): DomainEvent[] {
  requireStage(s, c.type, ['implementation']);
  const deadline = s.implementationDeadline;
  if (!deadline) throw errors.notAllowedInStage(c.type, s.stage);
  requireReached(ctx.now, deadline.dueAt);
  return [{ type: 'ImplementationWindowEnded', ...meta(ctx), deadline }];
}

/** Schedules the visit, or moves it while it has not taken place (each scheduling is a new round). */
export function decideScheduleVisit(
  s: CandidacyState,
  c: CommandOf<'ScheduleVisit'>,
  ctx: CommandContext,
): DomainEvent[] {
  requireStage(s, c.type, ['visit_to_plan', 'visit_scheduled']);
  const visitorId = requireText(c.visitorId, 'Le visiteur est requis', 'visitorId');
  if (typeof c.visitDate !== 'string' || !isCivilDate(c.visitDate)) {
    throw errors.invalid('La date de visite doit être une date AAAA-MM-JJ', { field: 'visitDate' });
  }
  if (c.visitDate < parisTimeOf(s.policy).dateOf(ctx.now)) throw errors.visitDateInPast(formatDateFr(c.visitDate));
  return [{ type: 'VisitScheduled', ...meta(ctx), round: s.visitRounds + 1, visitorId, visitDate: c.visitDate }];
}

export function decideFileVisitReport(
  s: CandidacyState,
  c: CommandOf<'FileVisitReport'>,
  ctx: CommandContext,
): DomainEvent[] {
  if (s.visit?.report) throw errors.alreadyDecided('Le compte rendu de visite a déjà été déposé');
  requireStage(s, c.type, ['visit_scheduled']);
  const visit = s.visit;
  if (!visit) throw errors.notAllowedInStage(c.type, s.stage);
  if (ctx.actor.id !== visit.visitorId) throw errors.notAssignedVisitor();
  if (parisTimeOf(s.policy).dateOf(ctx.now) < visit.date) throw errors.visitNotYetHeld(formatDateFr(visit.date));
  const reportId = requireText(c.reportId, 'Le compte rendu est requis', 'reportId');
  const findingsSummary = requireText(c.findingsSummary, 'La synthèse des observations est requise', 'findingsSummary');
  return [
    {
      type: 'VisitReportFiled',
      ...meta(ctx),
      reportId,
      findingsSummary,
      ...(c.findings ? { findings: c.findings } : {}),
    },
  ];
}
