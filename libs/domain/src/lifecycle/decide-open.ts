/**
 * Commands that start a cycle: OpenCandidacy (no state yet; with `label` for a renewed cycle) and
 * StartCycle (on the `renewed` state of the previous cycle, when the workflow continues-as-new).
 */
import type { Command, CommandContext } from './commands';
import { errors } from './errors';
import type { DomainEvent } from './domain-events';
import { meta, requireText } from './guards';
import { nextCycleLabel } from './schedule';
import type { CandidacyState } from './state';

/** The events when the command starts a cycle, else the state the other commands apply to. */
export function decideStart(
  c: Command,
  state: CandidacyState | undefined,
  ctx: CommandContext,
): DomainEvent[] | CandidacyState {
  if (c.type === 'OpenCandidacy') {
    if (state) throw errors.alreadyOpened();
    const candidacyId = requireText(c.candidacyId, "L'identifiant de la candidature est requis", 'candidacyId');
    const cooperativeId = requireText(c.cooperativeId, 'La coopérative est requise', 'cooperativeId');
    if (ctx.actor.role === 'coop' && ctx.actor.cooperativeId !== cooperativeId) throw errors.otherCooperative();
    if (!Number.isInteger(c.cycle) || c.cycle < 1)
      throw errors.invalid('Le cycle doit être un entier ≥ 1', { field: 'cycle' });
    if (c.label && c.cycle < 2)
      throw errors.invalid('Seul un cycle renouvelé (≥ 2) reprend un label', { field: 'label' });
    const { cycle, policy, label } = c;
    return [
      { type: 'CandidacyOpened', ...meta(ctx), candidacyId, cooperativeId, cycle, policy, ...(label ? { label } : {}) },
    ];
  }
  if (!state) throw errors.noCandidacy(c.type);
  if (c.type !== 'StartCycle') return state;
  if (state.stage !== 'renewed') throw errors.notAllowedInStage(c.type, state.stage);
  if (c.cycle !== state.cycle + 1) throw errors.wrongCycle(state.cycle + 1, c.cycle);
  return [{ type: 'CycleStarted', ...meta(ctx), cycle: c.cycle, label: nextCycleLabel(state) }];
}
