/**
 * A request whose outcome is unknown undoes nothing. The API stores a dossier version or a report,
 * then sends the command that names it; here the worker cannot finish recording the command
 * (its read-model row is locked, as when PostgreSQL stalls) until after the API has given up
 * waiting (QC_COMMAND_TIMEOUT_MS, 5 s in this stack). The API answers 503 "outcome unknown", the
 * command is recorded a moment later, and the row it names must still be there; a retry with the
 * same Idempotency-Key gets the first result and records nothing twice. A definite refusal, by
 * contrast, keeps nothing.
 */
import { Client } from 'pg';
import { sampleDossier } from '@qualicoop/domain';
import { danglingReferences } from '@qualicoop/persistence';
import { DataSource } from 'typeorm';
import { call, eventually, uploadLetter } from '../support/http';

const COOP = 'coop-unknown-outcome-e2e';
const decision = (sessionId: string) => ({ sessionId, motivation: 'Décision motivée du comité' });
const REPORT = {
  indicators: [{ engagementId: 'A1', indicatorName: 'Indicateur de suivi A1', value: 42 }],
  comment: 'En bonne voie.',
};

let ds: DataSource;
let id: string;
const path = () => `/candidacies/${id}`;
const history = async () =>
  (await call('GET', `${path()}/history`, { as: 'federation' })).body as Array<{
    type: string;
    data: Record<string, unknown>;
  }>;

beforeAll(async () => {
  ds = await new DataSource({ type: 'postgres', url: process.env.QC_DATABASE_URL }).initialize();
  const created = await call('POST', '/cooperatives', {
    as: 'federation',
    body: { id: COOP, name: 'Coop de l’Issue Incertaine', region: 'Bretagne', email: 'issue@unknown.example' },
  });
  expect(created.status).toBe(201);
  const opened = await call('POST', '/candidacies', { as: COOP, body: { cooperativeId: COOP, policy: 'demo' } });
  expect(opened.status).toBe(201);
  id = opened.body.id;
});
afterAll(async () => {
  await ds?.destroy();
});

/**
 * Sends `request` while another connection holds the candidacy's read-model row, so that the
 * workflow accepts the command but cannot record it; releases the row once the API has answered.
 */
async function whileRecordingIsStuck<T>(request: () => Promise<T>): Promise<T> {
  const blocker = new Client({ connectionString: process.env.QC_DATABASE_URL });
  await blocker.connect();
  try {
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM candidacies WHERE id = $1 FOR UPDATE', [id]);
    return await request();
  } finally {
    await blocker.query('ROLLBACK');
    await blocker.end();
  }
}

function expectOutcomeUnknown(res: { status: number; body: any; headers: Headers }) {
  expect(res.status).toBe(503);
  expect(res.body).toMatchObject({ status: 503, code: 'COMMAND.OUTCOME_UNKNOWN' });
  expect(res.body.detail).toContain('même clé Idempotency-Key');
  expect(res.headers.get('retry-after')).toBeTruthy();
}

it('keeps the dossier version of a draft saved while the outcome was unknown, and the retry returns it', async () => {
  const letter = await uploadLetter(id, COOP);
  const dossier = sampleDossier(letter);
  const key = { 'Idempotency-Key': `draft-${id}` };

  const first = await whileRecordingIsStuck(() =>
    call('PUT', `${path()}/dossier`, { as: COOP, body: dossier, headers: key }),
  );
  expectOutcomeUnknown(first);

  // The workflow had accepted the draft: it is recorded as soon as the row is free.
  const saved = await eventually(`${path()}/history`, 'federation', (events: Array<{ type: string }>) =>
    events.some((e) => e.type === 'DraftSaved'),
  );
  expect(await danglingReferences(ds, [id])).toEqual([]);

  const retry = await call('PUT', `${path()}/dossier`, { as: COOP, body: dossier, headers: key });
  expect(retry.status).toBe(200);
  const drafts = (await history()).filter((e) => e.type === 'DraftSaved');
  expect(drafts).toHaveLength(1);
  expect(retry.body.dossierVersion).toBe(drafts[0]!.data.dossierVersion);
  expect(saved.filter((e) => e.type === 'DraftSaved')).toHaveLength(1);
  // What the coop reads back is the version the workflow recorded, with the content sent.
  const current = await call('GET', `${path()}/dossier`, { as: COOP });
  expect(current.body).toMatchObject({
    version: drafts[0]!.data.dossierVersion,
    dossier: JSON.parse(JSON.stringify(dossier)),
  });
});

it('keeps the report of a checkpoint filed while the outcome was unknown, and the retry files nothing twice', async () => {
  expect((await call('POST', `${path()}/submission`, { as: COOP })).status).toBe(200);
  const { state } = await eventually(path(), 'committee', (c) => c.state.agenda?.closed === true);
  expect(
    (
      await call('POST', `${path()}/decisions/completeness`, {
        as: 'committee',
        body: { complete: true, ...decision(state.agenda.sessionId) },
      })
    ).status,
  ).toBe(200);
  const admitted = await call('POST', `${path()}/decisions/admissibility`, {
    as: 'committee',
    body: { admissible: true, ...decision(state.agenda.sessionId) },
  });
  expect(admitted.status).toBe(200);
  const cp6 = admitted.body.state.checkpoints.find((c: { checkpoint: number }) => c.checkpoint === 6);
  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(cp6.opensAt) - Date.now() + 200)));
  const key = { 'Idempotency-Key': `report-6-${id}` };

  const first = await whileRecordingIsStuck(() =>
    call('POST', `${path()}/checkpoints/6/report`, { as: COOP, body: REPORT, headers: key }),
  );
  expectOutcomeUnknown(first);

  await eventually(`${path()}/history`, 'federation', (events: Array<{ type: string }>) =>
    events.some((e) => e.type === 'ProgressReportFiled'),
  );
  expect(await danglingReferences(ds, [id])).toEqual([]);

  const retry = await call('POST', `${path()}/checkpoints/6/report`, { as: COOP, body: REPORT, headers: key });
  expect(retry.status).toBe(200);
  expect((await history()).filter((e) => e.type === 'ProgressReportFiled')).toHaveLength(1);
  expect(
    retry.body.state.checkpoints.find((c: { checkpoint: number }) => c.checkpoint === 6).reportFiledAt,
  ).toBeTruthy();
});

it('keeps nothing of a report the workflow refused', async () => {
  const count = async () =>
    Number((await ds.query('SELECT count(*) AS n FROM reports WHERE candidacy_id = $1', [id]))[0].n);
  const before = await count();
  // The 6-month report is already filed: a definite refusal.
  const refused = await call('POST', `${path()}/checkpoints/6/report`, { as: COOP, body: REPORT });
  expect(refused.status).toBe(409);
  expect(refused.body.code).toBe('LIFECYCLE.CHECKPOINT_ALREADY_FILED');
  expect(await count()).toBe(before);
  expect(await danglingReferences(ds, [id])).toEqual([]);
});
