/** Checks shared by the command handlers; each throws the matching DomainError. */
import type { CommandContext, CommandType } from './commands';
import { errors } from './errors';
import type { CandidacyState, Stage } from './state';

export const meta = (ctx: CommandContext) => ({ at: ctx.now, by: ctx.actor.id });

export function requireStage(state: CandidacyState, type: CommandType, stages: readonly Stage[]): void {
  if (!stages.includes(state.stage)) throw errors.notAllowedInStage(type, state.stage);
}

/** Instants are ISO strings in UTC: compare them as times, not as text. */
export function isReached(now: string, dueAt: string): boolean {
  return Date.parse(now) >= Date.parse(dueAt);
}

export function requireReached(now: string, dueAt: string): void {
  if (!isReached(now, dueAt)) throw errors.deadlineNotReached(dueAt);
}

export function requireText(value: unknown, messageFr: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw errors.invalid(messageFr, { field });
  return value;
}

export function requireMotivation(motivation: unknown): void {
  if (typeof motivation !== 'string' || motivation.trim() === '') throw errors.motivationRequired();
}

export function requireDossierVersion(state: CandidacyState, version: unknown): number {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw errors.invalid('La version du dossier doit être un entier positif', { field: 'dossierVersion' });
  }
  const known = state.dossierVersion;
  if (known !== undefined && version < known) throw errors.staleDossierVersion(version, known);
  return version;
}

/**
 * A committee decision is taken in the session the candidacy is on the agenda of, once that
 * agenda is closed (the members have had the dossier since the cut-off).
 */
export function requireSessionDecidable(state: CandidacyState, sessionId: string): void {
  const agenda = state.agenda;
  if (!agenda) throw errors.notOnAgenda();
  if (agenda.sessionId !== sessionId) throw errors.wrongSession(agenda.sessionId, sessionId);
  if (!agenda.closed) throw errors.agendaNotClosed();
}

/** Stage check for a committee decision: an open agenda is reported as such, not as a wrong stage. */
export function requireDecisionStage(state: CandidacyState, type: CommandType, stage: Stage): void {
  if (state.stage === stage) return;
  if (state.agenda && !state.agenda.closed) throw errors.agendaNotClosed();
  throw errors.notAllowedInStage(type, state.stage);
}
