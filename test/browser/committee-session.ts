/** Committee sessions of the Fédération's own, for browser tests that need an agenda closed now. */
import { expect, type APIRequestContext } from '@playwright/test';
import { as } from './api-actor';

interface Candidacy {
  state: { agenda?: { sessionId: string; closed: boolean } };
}

/**
 * A session of the Fédération's own for the next agenda item: created before the item is placed
 * (it is then the next one whose cut-off has not passed), moved after so that its agenda closes now.
 */
export async function sessionFor(request: APIRequestContext, name: string, candidacyId: () => string) {
  const federation = await as(request, 'federation');
  const inAnHour = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  const id = `session-navigateur-${name}-${Date.now()}`;
  await federation.post('/committee-sessions', { id, sessionDate: inAnHour(3), cutoffAt: inAnHour(2) });
  return {
    id,
    /**
     * Closes the agenda and waits until the candidacy's workflow has seen it close. The move is
     * made once the read model shows the candidacy on this session (the Fédération's move reaches
     * the candidacies it finds there), with a cut-off a few seconds ahead (a cut-off already past
     * when the workflow hears of the move is refused, and the item would stay on the old dates).
     * `by`: the request context of the test that closes it, if not the one that created it.
     */
    close: async (by: APIRequestContext = request): Promise<string> => {
      const federation = await as(by, 'federation');
      const agenda = async () => ((await federation.get(`/candidacies/${candidacyId()}`)) as Candidacy).state.agenda;
      await expect.poll(agenda, { timeout: 30_000 }).toMatchObject({ sessionId: id, closed: false });
      await federation.patch(`/committee-sessions/${id}`, {
        sessionDate: inAnHour(3),
        cutoffAt: new Date(Date.now() + 5000).toISOString(),
      });
      await expect.poll(agenda, { timeout: 30_000 }).toMatchObject({ sessionId: id, closed: true });
      return id;
    },
  };
}
