/**
 * The decider: `decide(command, state, context)` returns the events a command produces, or
 * throws a DomainError saying why it is refused. Pure: time, actor and ids come in the context.
 * `state` is undefined before the candidacy is opened.
 */
import { COMMAND_ROLES, type Command, type CommandContext, type CommandOf } from './commands';
import { decideStart } from './decide-open';
import {
  decideAdviseOnCheckpoint,
  decideAnswerHelpRequest,
  decideDeclareReadiness,
  decideEndImplementationWindow,
  decideFileProgressReport,
  decideFileVisitReport,
  decideMarkCheckpointOverdue,
  decideRequestHelp,
  decideScheduleVisit,
} from './decide-implementation';
import {
  decideAward,
  decideExpireLabel,
  decideFileMidTermReport,
  decideMidTerm,
  decideRenewal,
  decideRenounceLabel,
  decideRequestRenewal,
  decideWithdraw,
} from './decide-label';
import {
  decideAnswerComplement,
  decideCloseAgenda,
  decideLapseCandidacy,
  decidePlaceOnAgenda,
  decideRecordAdmissibility,
  decideRecordCompleteness,
  decideSaveDraft,
  decideSubmitDossier,
} from './decide-submission';
import { errors } from './errors';
import type { DomainEvent } from './domain-events';
import { meta } from './guards';
import { isClosedStage, type CandidacyState } from './state';
import { pendingTimers } from './pending-timers';

export function decide(command: Command, state: CandidacyState | undefined, ctx: CommandContext): DomainEvent[] {
  // Commands may arrive untyped from the API: an unknown type is refused, not crashed on.
  const allowed = Object.hasOwn(COMMAND_ROLES, command.type) ? COMMAND_ROLES[command.type] : undefined;
  if (!allowed)
    throw errors.invalid(
      command.type ? `Commande inconnue : « ${String(command.type)} »` : "La commande n'a pas de type",
      { type: command.type },
    );
  if (!allowed.includes(ctx.actor.role)) throw errors.roleNotAllowed(command.type, allowed);
  const s = decideStart(command, state, ctx);
  if (Array.isArray(s)) return s;
  if (isClosedStage(s.stage)) throw errors.closed(command.type, s.stage);
  if (ctx.actor.role === 'coop' && ctx.actor.cooperativeId !== s.cooperativeId) throw errors.otherCooperative();
  return decideOpen(command, s, ctx);
}

/** The commands of an open candidacy; exhaustive over the command union. */
function decideOpen(c: Command, s: CandidacyState, ctx: CommandContext): DomainEvent[] {
  switch (c.type) {
    case 'OpenCandidacy':
      throw errors.alreadyOpened();
    case 'StartCycle':
      throw errors.notAllowedInStage(c.type, s.stage);
    case 'SaveDraft':
      return decideSaveDraft(s, c, ctx);
    case 'SubmitDossier':
      return decideSubmitDossier(s, c, ctx);
    case 'PlaceOnAgenda':
      return decidePlaceOnAgenda(s, c, ctx);
    case 'CloseAgenda':
      return decideCloseAgenda(s, c, ctx);
    case 'RecordCompleteness':
      return decideRecordCompleteness(s, c, ctx);
    case 'RecordAdmissibility':
      return decideRecordAdmissibility(s, c, ctx);
    case 'AnswerComplement':
      return decideAnswerComplement(s, c, ctx);
    case 'LapseCandidacy':
      return decideLapseCandidacy(s, c, ctx);
    case 'FileProgressReport':
      return decideFileProgressReport(s, c, ctx);
    case 'AdviseOnCheckpoint':
      return decideAdviseOnCheckpoint(s, c, ctx);
    case 'MarkCheckpointOverdue':
      return decideMarkCheckpointOverdue(s, c, ctx);
    case 'RequestHelp':
      return decideRequestHelp(s, c, ctx);
    case 'AnswerHelpRequest':
      return decideAnswerHelpRequest(s, c, ctx);
    case 'DeclareReadiness':
      return decideDeclareReadiness(s, c, ctx);
    case 'EndImplementationWindow':
      return decideEndImplementationWindow(s, c, ctx);
    case 'ScheduleVisit':
      return decideScheduleVisit(s, c, ctx);
    case 'FileVisitReport':
      return decideFileVisitReport(s, c, ctx);
    case 'DecideAward':
      return decideAward(s, c, ctx);
    case 'FileMidTermReport':
      return decideFileMidTermReport(s, c, ctx);
    case 'DecideMidTerm':
      return decideMidTerm(s, c, ctx);
    case 'RequestRenewal':
      return decideRequestRenewal(s, c, ctx);
    case 'DecideRenewal':
      return decideRenewal(s, c, ctx);
    case 'ExpireLabel':
      return decideExpireLabel(s, c, ctx);
    case 'Withdraw':
      return decideWithdraw(s, c, ctx);
    case 'RenounceLabel':
      return decideRenounceLabel(s, c, ctx);
    case 'SendReminder':
      return decideSendReminder(s, c, ctx);
    default: {
      const unknown: never = c;
      throw errors.invalid(`Commande inconnue : ${JSON.stringify(unknown)}`);
    }
  }
}

/** Records a due reminder, once: the key must be pending (same rules as the timers) and due. */
function decideSendReminder(s: CandidacyState, c: CommandOf<'SendReminder'>, ctx: CommandContext): DomainEvent[] {
  if (s.remindersSent.includes(c.key)) throw errors.reminderAlreadySent(c.key);
  const timer = pendingTimers(s).find((t) => t.kind === 'reminder' && t.key === c.key);
  if (!timer) throw errors.unknownReminder(c.key);
  if (Date.parse(ctx.now) < Date.parse(timer.dueAt)) throw errors.reminderNotDue(c.key, timer.dueAt);
  return [
    {
      type: 'ReminderSent',
      ...meta(ctx),
      key: c.key,
      recipients: timer.recipients ?? [],
      subjectFr: timer.subjectFr ?? timer.summaryFr,
    },
  ];
}
