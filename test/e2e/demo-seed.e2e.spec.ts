/**
 * `npm start -- --demo` seeds a living federation: four cooperatives driven through the public API
 * to different stages. Here under this stack's fast demo policy (a month lasts 2 s).
 */
import { DEMO_JOURNEYS, seedDemo } from '@qualicoop/infra';
import { apiUrl, call } from '../support/http';

it('drives four demo cooperatives to a draft, a filed dossier, the implementation period and a label', async () => {
  const lines: string[] = [];
  const reached = await seedDemo({
    apiUrl: apiUrl(),
    askDemoPolicy: true,
    patienceMs: 120_000,
    log: (l) => lines.push(l),
  });
  expect(reached).toEqual({
    'coop-bretagne-accession': 'draft',
    'coop-habitat-rhone': 'filed',
    'coop-logis-nord': 'implementation',
    'coop-toit-occitanie': 'labelled',
  });
  const candidacies = async (coop: string) =>
    (await call('GET', `/candidacies?cooperativeId=${coop}`, { as: 'federation' })).body.items as Array<{
      stage: string;
    }>;
  const stages = new Map<string, string>();
  for (const { id } of DEMO_JOURNEYS) stages.set(id, (await candidacies(id))[0]!.stage);
  expect(stages.get('coop-bretagne-accession')).toBe('draft');
  expect(['submitted', 'on_agenda', 'under_review']).toContain(stages.get('coop-habitat-rhone'));
  expect(stages.get('coop-logis-nord')).toBe('implementation');
  expect(stages.get('coop-toit-occitanie')).toBe('labelled');
  expect(lines).toContain('Toit Solidaire Occitanie: labelled');
  const register = (await call('GET', '/cooperatives', { as: 'federation' })).body as Array<{ id: string }>;
  for (const coop of DEMO_JOURNEYS) expect(register.map((c) => c.id)).toContain(coop.id);

  // Run again on the same data (a restart that kept it): nothing is duplicated.
  const again = await seedDemo({ apiUrl: apiUrl(), askDemoPolicy: true });
  expect(Object.values(again)).toEqual(DEMO_JOURNEYS.map(() => 'already under way'));
  for (const { id } of DEMO_JOURNEYS) expect(await candidacies(id)).toHaveLength(1);
}, 300_000);
