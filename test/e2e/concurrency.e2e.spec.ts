/**
 * Concurrency: two conflicting decisions sent at the same moment → exactly one applied, the
 * other answered 409; the same for two submissions of one dossier.
 */
import { sampleDossier } from '@qualicoop/domain';
import { createDataSource } from '@qualicoop/persistence';
import { call, eventually, uploadLetter } from '../support/http';

const COOP = 'coop-nord-concurrency';

beforeAll(async () => {
  await call('POST', '/cooperatives', {
    as: 'federation',
    body: { id: COOP, name: 'Nord Concurrence', region: 'Hauts-de-France', email: 'c@x.example' },
  });
});

it('applies exactly one of two simultaneous submissions', async () => {
  const opened = await call('POST', '/candidacies', { as: COOP, body: { cooperativeId: COOP, policy: 'demo' } });
  const id = opened.body.id;
  const letter = await uploadLetter(id, COOP);
  await call('PUT', `/candidacies/${id}/dossier`, { as: COOP, body: sampleDossier(letter) });
  const results = await Promise.all([1, 2, 3].map(() => call('POST', `/candidacies/${id}/submission`, { as: COOP })));
  expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  const history = (await call('GET', `/candidacies/${id}/history`, { as: COOP })).body;
  expect(history.filter((e: { type: string }) => e.type === 'DossierSubmitted')).toHaveLength(1);

  // Two committee members record opposite decisions at the same moment: one wins, the other is refused.
  const { state } = await eventually(`/candidacies/${id}`, 'committee', (c) => c.state.agenda?.closed === true);
  const sessionId = state.agenda.sessionId;
  const [a, b] = await Promise.all([
    call('POST', `/candidacies/${id}/decisions/completeness`, {
      as: 'committee',
      body: { complete: true, sessionId, motivation: 'Complet' },
    }),
    call('POST', `/candidacies/${id}/decisions/completeness`, {
      as: 'committee',
      body: { complete: false, missing: ['Annexe'], sessionId, motivation: 'Incomplet' },
    }),
  ]);
  expect([a.status, b.status].sort()).toEqual([200, 409]);
  const refused = a.status === 409 ? a : b;
  expect(refused.body.code).toMatch(/^LIFECYCLE\.(DECISION_ALREADY_RECORDED|NOT_ALLOWED_IN_STAGE)$/);
  const after = (await call('GET', `/candidacies/${id}/history`, { as: COOP })).body;
  expect(after.filter((e: { type: string }) => e.type === 'CompletenessRecorded')).toHaveLength(1);
});

it('gives a retried opening the candidacy its first attempt opened, even when that response was lost', async () => {
  const coop = 'coop-nord-retry';
  await call('POST', '/cooperatives', {
    as: 'federation',
    body: { id: coop, name: 'Nord Reprise', region: 'Hauts-de-France', email: 'r@x.example' },
  });
  const headers = { 'Idempotency-Key': `open-${coop}` };
  const first = await call('POST', '/candidacies', { as: coop, body: { cooperativeId: coop }, headers });
  expect(first.status).toBe(201);
  expect(first.headers.get('location')).toBe(`/candidacies/${first.body.id}`);

  // The API died before recording the response: the record of the key is gone, the workflow runs.
  const ds = await createDataSource(process.env.QC_DATABASE_URL!, 'e2e-retry').initialize();
  try {
    await ds.query('DELETE FROM api_idempotency WHERE key = $1', [`open-${coop}`]);
  } finally {
    await ds.destroy();
  }
  const retried = await call('POST', '/candidacies', { as: coop, body: { cooperativeId: coop }, headers });
  expect(retried.status).toBe(201);
  expect(retried.body.id).toBe(first.body.id);

  // Another request (another key, or none) is a second opening: refused.
  const other = await call('POST', '/candidacies', {
    as: coop,
    body: { cooperativeId: coop },
    headers: { 'Idempotency-Key': `again-${coop}` },
  });
  expect(other.status).toBe(409);
  expect(other.body.code).toBe('CANDIDACY.ALREADY_OPEN');
  const listed = await call('GET', `/candidacies?cooperativeId=${coop}`, { as: coop });
  expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([first.body.id]);
});
