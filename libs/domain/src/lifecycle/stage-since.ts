/**
 * When a candidacy entered its stage: the time of the last event that changed it. The projection
 * (a few new events on a stored state) and the rebuild (a whole history from nothing) both fold
 * with this one step, so a rebuilt `stage_since` is the projected one.
 */
import type { DomainEvent } from './domain-events';
import { evolve } from './evolve';
import type { CandidacyState } from './state';

export interface StageFold<S extends CandidacyState | undefined = CandidacyState | undefined> {
  state: S;
  /** Undefined while none of the folded events changed the stage. */
  stageSince: string | undefined;
}

/** `evolve`, noting the event's time when it changes the stage. */
export function evolveWithStageSince(fold: StageFold, event: DomainEvent): StageFold<CandidacyState> {
  const state = evolve(fold.state, event);
  return { state, stageSince: state.stage === fold.state?.stage ? fold.stageSince : event.at };
}
