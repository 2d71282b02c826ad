/**
 * The walking skeleton over real HTTP: open → save drafts → submit, with the real API, worker,
 * Temporal dev server and PostgreSQL started by global-setup.
 */
import { Client, Connection } from '@temporalio/client';
import { sampleDossier } from '@qualicoop/domain';
import { call, uploadLetter } from '../support/http';

const COOP = 'coop-atlantique';

describe('walking skeleton: a cooperative opens, drafts and submits its candidacy', () => {
  let candidacyId: string;

  it('opens a candidacy: a workflow starts and the read model shows the draft', async () => {
    const res = await call('POST', '/candidacies', { as: COOP, body: { cooperativeId: COOP } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ cooperativeId: COOP, stage: 'draft', cycle: 1, workflowId: `candidacy-${COOP}` });
    candidacyId = res.body.id;
  });

  it('refuses a second open candidacy for the same cooperative with 409', async () => {
    const res = await call('POST', '/candidacies', { as: COOP, body: { cooperativeId: COOP } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CANDIDACY.ALREADY_OPEN', status: 409 });
    expect(res.body.detail).toContain('déjà une candidature');
  });

  it('saves the draft as often as the coop likes, each save a new version', async () => {
    const incomplete = sampleDossier();
    incomplete.engagements = incomplete.engagements.slice(0, 5);
    const first = await call('PUT', `/candidacies/${candidacyId}/dossier`, { as: COOP, body: incomplete });
    expect(first.status).toBe(200);
    const second = await call('PUT', `/candidacies/${candidacyId}/dossier`, { as: COOP, body: incomplete });
    expect(second.body.dossierVersion).toBe(first.body.dossierVersion + 1);
  });

  it('refuses to submit an incomplete dossier with one field-level error per breach', async () => {
    const res = await call('POST', `/candidacies/${candidacyId}/submission`, { as: COOP });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('DOSSIER.INCOMPLETE');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['engagements', 'engagements.axis.C']));
    const candidacy = await call('GET', `/candidacies/${candidacyId}`, { as: COOP });
    expect(candidacy.body.stage).toBe('draft');
  });

  it('rejects a malformed draft with field-level 400s and keeps the previous version', async () => {
    const res = await call('PUT', `/candidacies/${candidacyId}/dossier`, {
      as: COOP,
      body: { engagements: 'all of them', colour: 'blue' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'engagements', code: 'REQUEST.INVALID_FIELD' }),
        expect.objectContaining({ field: 'colour', code: 'REQUEST.UNKNOWN_FIELD' }),
      ]),
    );
  });

  it('submits a complete dossier: DossierSubmitted is recorded in the event store and the read model', async () => {
    const letter = await uploadLetter(candidacyId, COOP);
    expect(
      (await call('PUT', `/candidacies/${candidacyId}/dossier`, { as: COOP, body: sampleDossier(letter) })).status,
    ).toBe(200);
    const res = await call('POST', `/candidacies/${candidacyId}/submission`, { as: COOP });
    expect(res.status).toBe(200);
    expect(res.body.events.map((e: { type: string }) => e.type)).toContain('DossierSubmitted');
    // Visible to the very next read: the handler persisted the events before answering.
    const candidacy = await call('GET', `/candidacies/${candidacyId}`, { as: COOP });
    expect(['submitted', 'on_agenda']).toContain(candidacy.body.stage);
    const history = await call('GET', `/candidacies/${candidacyId}/history`, { as: COOP });
    const types = history.body.map((e: { type: string }) => e.type);
    expect(types.slice(0, 4)).toEqual(['CandidacyOpened', 'DraftSaved', 'DraftSaved', 'DraftSaved']);
    expect(types).toContain('DossierSubmitted');
    expect(history.body.map((e: { sequence: number }) => e.sequence)).toEqual(
      types.map((_: string, i: number) => i + 1),
    );
  });

  it('refuses a second submission with 409 and the domain reason', async () => {
    const res = await call('POST', `/candidacies/${candidacyId}/submission`, { as: COOP });
    expect(res.status).toBe(409);
    expect(res.body.code).toMatch(/^LIFECYCLE\./);
    expect(typeof res.body.detail).toBe('string');
  });

  it('lists the workflow in Temporal with its search attributes and a summary naming the cooperative', async () => {
    const connection = await Connection.connect({ address: process.env.QC_TEMPORAL_ADDRESS! });
    try {
      const client = new Client({ connection });
      let found: string[] = [];
      for (let i = 0; i < 50 && found.length === 0; i++) {
        found = [];
        for await (const wf of client.workflow.list({
          query: `QcCooperative = '${COOP}' AND QcStage IN ('submitted', 'on_agenda')`,
        }))
          found.push(wf.workflowId);
        if (!found.length) await new Promise((r) => setTimeout(r, 200));
      }
      expect(found).toEqual([`candidacy-${COOP}`]);
      const described = await client.workflow.getHandle(`candidacy-${COOP}`).describe();
      expect(await described.staticSummary()).toBe(
        "Candidature Quali'Coop de Coop'HLM Atlantique Habitat (coop-atlantique)",
      );
    } finally {
      await connection.close();
    }
  });

  it("hides another cooperative's candidacy behind a 404 and asks for a token", async () => {
    expect((await call('GET', `/candidacies/${candidacyId}`, { as: 'coop-provence' })).status).toBe(404);
    expect((await call('GET', `/candidacies/${candidacyId}`)).status).toBe(401);
    expect((await call('GET', `/candidacies/${candidacyId}`, { as: 'federation' })).status).toBe(200);
  });
});
