/** Award, label, mid-term review, renewal, expiry, withdrawal and renunciation (spec §4.3, §4.4). */
import type { CommandContext, CommandOf, CommandType } from './commands';
import { errors } from './errors';
import type { DomainEvent } from './domain-events';
import {
  isReached,
  meta,
  requireDecisionStage,
  requireDossierVersion,
  requireMotivation,
  requireReached,
  requireSessionDecidable,
  requireStage,
} from './guards';
import { deadline, formatDeadlineFr, formatInstantFr } from './policy';
import { labelFrom, nextCycleLabel, renewalWindowOpensAt } from './schedule';
import { LABEL_STAGES, PRE_AWARD_STAGES, type CandidacyState, type LabelState, type Stage } from './state';

const BEFORE_VISIT_REPORT: readonly Stage[] = ['implementation', 'visit_to_plan', 'visit_scheduled'];

export function decideAward(s: CandidacyState, c: CommandOf<'DecideAward'>, ctx: CommandContext): DomainEvent[] {
  // Only an extension leaves room for a later award decision, in another session.
  if (s.award && (s.award.outcome !== 'extension' || s.award.sessionId === c.sessionId)) {
    throw errors.alreadyDecided("La décision d'octroi a déjà été rendue : elle est définitive");
  }
  requireMotivation(c.motivation);
  if (BEFORE_VISIT_REPORT.includes(s.stage)) throw errors.awardBeforeVisitReport();
  if (s.stage === 'visit_done' && !s.agenda) throw errors.notOnAgenda();
  requireDecisionStage(s, c.type, 'award_decision');
  requireSessionDecidable(s, c.sessionId);
  const decision = { ...meta(ctx), sessionId: c.sessionId, motivation: c.motivation };
  switch (c.outcome) {
    case 'granted':
      return [{ type: 'LabelGranted', ...decision, label: labelFrom(ctx.now, s) }];
    case 'refused':
      return [{ type: 'LabelRefused', ...decision }];
    case 'extension': {
      const { policy } = s;
      if (s.extensionsUsed >= policy.extensionsAllowed) throw errors.extensionAlreadyUsed(policy.extensionsAllowed);
      const months = c.extensionMonths;
      if (months === undefined || !Number.isInteger(months) || months < 1 || months > policy.extensionMaxMonths) {
        throw errors.extensionTooLong(policy.extensionMaxMonths);
      }
      const implementationDeadline = deadline(ctx.now, { months }, policy);
      return [{ type: 'ExtensionGranted', ...decision, months, implementationDeadline }];
    }
    default: {
      const unknown: never = c.outcome;
      throw errors.invalid(`Décision d'octroi inconnue : ${String(unknown)}`, { field: 'outcome' });
    }
  }
}

function requireLabel(s: CandidacyState, c: { type: CommandType }): LabelState {
  if (!s.label) throw errors.notAllowedInStage(c.type, s.stage);
  return s.label;
}

export function decideFileMidTermReport(
  s: CandidacyState,
  c: CommandOf<'FileMidTermReport'>,
  ctx: CommandContext,
): DomainEvent[] {
  if (s.label?.midTerm.reportFiledAt) throw errors.midTermReportAlreadyFiled();
  requireStage(s, c.type, ['labelled']);
  requireLabel(s, c);
  if (typeof c.reportId !== 'string' || c.reportId.trim() === '') {
    throw errors.invalid('Le bilan à mi-parcours est requis', { field: 'reportId' });
  }
  return [{ type: 'MidTermReportFiled', ...meta(ctx), reportId: c.reportId }];
}

export function decideMidTerm(s: CandidacyState, c: CommandOf<'DecideMidTerm'>, ctx: CommandContext): DomainEvent[] {
  if (s.label?.midTerm.decided) {
    throw errors.alreadyDecided('La décision à mi-parcours a déjà été rendue : elle est définitive');
  }
  requireMotivation(c.motivation);
  if (s.stage === 'labelled') throw errors.midTermDecisionBeforeReport();
  requireDecisionStage(s, c.type, 'mid_term_review');
  requireSessionDecidable(s, c.sessionId);
  const decision = { ...meta(ctx), sessionId: c.sessionId, motivation: c.motivation };
  return [
    c.outcome === 'confirmed' ? { type: 'MidTermConfirmed', ...decision } : { type: 'LabelWithdrawn', ...decision },
  ];
}

export function decideRequestRenewal(
  s: CandidacyState,
  c: CommandOf<'RequestRenewal'>,
  ctx: CommandContext,
): DomainEvent[] {
  if (s.renewal?.refused) throw errors.renewalAlreadyRefused();
  requireStage(s, c.type, ['labelled']);
  const label = requireLabel(s, c);
  const opensAt = renewalWindowOpensAt(label, s);
  if (!isReached(ctx.now, opensAt)) throw errors.renewalWindowNotOpen(formatInstantFr(opensAt, s.policy));
  if (isReached(ctx.now, label.expiresOn.dueAt))
    throw errors.deadlinePassed('demander le renouvellement', formatDeadlineFr(label.expiresOn, s.policy));
  return [{ type: 'RenewalRequested', ...meta(ctx), dossierVersion: requireDossierVersion(s, c.dossierVersion) }];
}

export function decideRenewal(s: CandidacyState, c: CommandOf<'DecideRenewal'>, ctx: CommandContext): DomainEvent[] {
  if (s.renewal?.refused)
    throw errors.alreadyDecided('La décision de renouvellement a déjà été rendue : elle est définitive');
  requireMotivation(c.motivation);
  requireDecisionStage(s, c.type, 'renewal_requested');
  requireSessionDecidable(s, c.sessionId);
  const decision = { ...meta(ctx), sessionId: c.sessionId, motivation: c.motivation };
  if (c.outcome === 'refused') return [{ type: 'RenewalRefused', ...decision }];
  return [{ type: 'LabelRenewed', ...decision, nextCycle: s.cycle + 1, nextLabel: nextCycleLabel(s, ctx.now) }];
}

/**
 * The label expires at the end of its expiry date. While a renewal request awaits the committee
 * the expiry is suspended (not in this list): a renewal runs from the previous expiry date anyway,
 * and a refusal after that date lets the expiry fire at once.
 */
export function decideExpireLabel(s: CandidacyState, c: CommandOf<'ExpireLabel'>, ctx: CommandContext): DomainEvent[] {
  requireStage(s, c.type, ['labelled', 'mid_term_review']);
  const label = requireLabel(s, c);
  requireReached(ctx.now, label.expiresOn.dueAt);
  return [{ type: 'LabelExpired', ...meta(ctx), expiresOn: label.expiresOn }];
}

export function decideWithdraw(s: CandidacyState, c: CommandOf<'Withdraw'>, ctx: CommandContext): DomainEvent[] {
  if (LABEL_STAGES.includes(s.stage)) throw errors.withdrawAfterAward();
  requireStage(s, c.type, PRE_AWARD_STAGES);
  return [{ type: 'CandidacyWithdrawn', ...meta(ctx), reason: typeof c.reason === 'string' ? c.reason : '' }];
}

export function decideRenounceLabel(
  s: CandidacyState,
  c: CommandOf<'RenounceLabel'>,
  ctx: CommandContext,
): DomainEvent[] {
  requireStage(s, c.type, LABEL_STAGES);
  return [{ type: 'LabelRenounced', ...meta(ctx), reason: typeof c.reason === 'string' ? c.reason : '' }];
}
