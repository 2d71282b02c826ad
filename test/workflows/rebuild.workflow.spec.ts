/** The read models are exactly a fold of the event store, and the rebuild command restores them. */
import { rebuildReadModels } from '@qualicoop/persistence';
import { CandidacyDriver, reach } from '../support/candidacy-driver';
import { Harness, startHarness } from '../support/workflow-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

it('finds every read model equal to its rebuild, and repairs a damaged one', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-45');
  await reach.labelled(d);
  const check = await rebuildReadModels(h.ds, { dryRun: true });
  expect(check.changed).toEqual([]);
  expect(check.candidacies).toBeGreaterThanOrEqual(1);

  await h.ds.query(`UPDATE candidacies SET stage = 'draft', state = '{}'::jsonb WHERE id = $1`, [d.candidacyId]);
  expect((await rebuildReadModels(h.ds, { dryRun: true })).changed).toEqual([d.candidacyId]);
  const repaired = await rebuildReadModels(h.ds);
  expect(repaired.changed).toEqual([d.candidacyId]);
  const [row] = await h.ds.query('SELECT stage FROM candidacies WHERE id = $1', [d.candidacyId]);
  expect(row.stage).toBe('labelled');
  expect((await rebuildReadModels(h.ds, { dryRun: true })).changed).toEqual([]);
});

it("finds the federation's tasks on a candidacy lost or altered, and writes them again", async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-46');
  await reach.labelled(d);
  const tasks = () =>
    h.ds.query('SELECT what_fr, listed_from_horizon::text AS horizon FROM federation_tasks WHERE candidacy_id = $1', [
      d.candidacyId,
    ]);
  const written = await tasks();
  expect(written).toEqual([
    { what_fr: expect.stringMatching(/^Label de .* expirant le /), horizon: expect.any(String) },
  ]);

  await h.ds.query(`UPDATE federation_tasks SET what_fr = 'autre chose' WHERE candidacy_id = $1`, [d.candidacyId]);
  expect((await rebuildReadModels(h.ds, { dryRun: true })).changed).toEqual([d.candidacyId]);
  await h.ds.query('DELETE FROM federation_tasks WHERE candidacy_id = $1', [d.candidacyId]);
  expect((await rebuildReadModels(h.ds)).changed).toEqual([d.candidacyId]);
  expect(await tasks()).toEqual(written);
});
