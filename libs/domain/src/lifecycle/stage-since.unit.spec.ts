import { ADMITTED_AT, admitted, COOP, opened } from './lifecycle.helpers.spec';
import { evolveWithStageSince, type StageFold } from './stage-since';

const NOTHING_FOLDED: StageFold = { state: undefined, stageSince: undefined };

describe('when a candidacy entered its stage', () => {
  it('given a whole history, is the time of the last event that changed the stage', () => {
    const story = admitted();
    const fold = story.history.reduce(evolveWithStageSince, NOTHING_FOLDED);
    expect(fold.state).toEqual(story.s);
    expect(fold.state?.stage).toBe('implementation');
    expect(fold.stageSince).toBe(ADMITTED_AT);
  });

  it('given a stored state, stays undefined while the new events keep the stage', () => {
    const story = opened();
    const stored = story.s;
    const events = story.run({ type: 'SaveDraft', dossierVersion: 1 }, COOP, '2026-03-01T10:00:00.000Z');
    const fold = events.reduce(evolveWithStageSince, { state: stored, stageSince: undefined });
    expect(fold.state?.stage).toBe(stored.stage);
    expect(fold.stageSince).toBeUndefined();
  });

  it('given a stored state, is the time of the new event that changes the stage', () => {
    const story = opened();
    story.run({ type: 'SaveDraft', dossierVersion: 1 }, COOP, '2026-03-01T10:00:00.000Z');
    const stored = story.s;
    const at = '2026-03-02T10:00:00.000Z';
    const events = story.run({ type: 'SubmitDossier', dossierVersion: 2, dossierHash: 'sha-2' }, COOP, at);
    const fold = events.reduce(evolveWithStageSince, { state: stored, stageSince: undefined });
    expect(fold.state?.stage).not.toBe(stored.stage);
    expect(fold.stageSince).toBe(at);
  });
});
