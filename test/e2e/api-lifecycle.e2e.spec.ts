/**
 * A candidacy from opening to a granted label over HTTP, as its actors would do it with curl,
 * under the demo policy (a month lasts 2 s in this stack); idempotent retries; the classes of
 * errors (400, 401, 403, 404, 409, 413, 415) and that a refused change leaves nothing behind.
 */
import { renewalWindowOpensAt, sampleDossier } from '@qualicoop/domain';
import { parisTodayForAWhile } from '../support/clock';
import { call, eventually, upload, uploadLetter } from '../support/http';

const COOP = 'coop-provence';
const decision = (sessionId: string) => ({ sessionId, motivation: 'Décision motivée du comité' });

describe('a candidacy from opening to a granted label, over HTTP', () => {
  let id: string;
  const path = () => `/candidacies/${id}`;
  const waitClosedAgenda = () => eventually(path(), 'committee', (c) => c.state.agenda?.closed === true);

  it('opens, uploads the letter, drafts and submits', async () => {
    const opened = await call('POST', '/candidacies', { as: COOP, body: { cooperativeId: COOP, policy: 'demo' } });
    expect(opened.status).toBe(201);
    id = opened.body.id;
    expect(opened.body.state.policy.timeScale).toBe('demo');
    const letter = await uploadLetter(id, COOP);
    expect((await call('PUT', `${path()}/dossier`, { as: COOP, body: sampleDossier(letter) })).status).toBe(200);
    const submitted = await call('POST', `${path()}/submission`, { as: COOP });
    expect(submitted.status).toBe(200);
  });

  it('goes through completeness and admissibility once the agenda closes', async () => {
    const { state } = await waitClosedAgenda();
    const early = await call('POST', `${path()}/decisions/admissibility`, {
      as: 'committee',
      body: { admissible: true, ...decision(state.agenda.sessionId) },
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'LIFECYCLE.ADMISSIBILITY_BEFORE_COMPLETENESS', status: 409 });
    expect(early.body.detail).toContain("La décision d'admissibilité exige une décision de complétude préalable");

    const complete = await call('POST', `${path()}/decisions/completeness`, {
      as: 'committee',
      body: { complete: true, ...decision(state.agenda.sessionId) },
    });
    expect(complete.status).toBe(200);
    const admissible = await call('POST', `${path()}/decisions/admissibility`, {
      as: 'committee',
      body: { admissible: true, ...decision(state.agenda.sessionId) },
      headers: { 'Idempotency-Key': `adm-${id}` },
    });
    expect(admissible.status).toBe(200);
    expect(admissible.body.stage).toBe('implementation');
    // A retried request with the same key returns the first result and decides nothing twice.
    const retried = await call('POST', `${path()}/decisions/admissibility`, {
      as: 'committee',
      body: { admissible: true, ...decision(state.agenda.sessionId) },
      headers: { 'Idempotency-Key': `adm-${id}` },
    });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body.events).toEqual(admissible.body.events);
    const history = await call('GET', `${path()}/history`, { as: COOP });
    expect(history.body.filter((e: { type: string }) => e.type === 'AdmissibilityRecorded')).toHaveLength(1);
  });

  it('asks for help, files a checkpoint report, declares readiness', async () => {
    const help = await call('POST', `${path()}/help-requests`, {
      as: COOP,
      body: { question: 'Comment mesurer l’indicateur C3 ?' },
    });
    expect(help.status).toBe(200);
    // Where the decision's time went, for operators and the benchmark: each phase, then the whole.
    expect(help.headers.get('server-timing')).toMatch(
      /^read;dur=\d+\.\d, update;dur=\d+\.\d, reread;dur=\d+\.\d, app;dur=\d+\.\d$/,
    );
    const helpId = help.body.state.helpRequests[0].helpRequestId;
    expect(
      (
        await call('POST', `${path()}/help-requests/${helpId}/answer`, {
          as: 'federation',
          body: { answer: 'Voir le guide méthodologique.' },
        })
      ).status,
    ).toBe(200);
    const report = await call('POST', `${path()}/checkpoints/6/report`, {
      as: COOP,
      body: {
        indicators: [{ engagementId: 'A1', indicatorName: 'Indicateur de suivi A1', value: 48 }],
        comment: 'En bonne voie.',
      },
    });
    expect(report.status).toBe(200);
    expect(
      (await call('POST', `${path()}/checkpoints/6/advice`, { as: 'federation', body: { advice: 'Poursuivre.' } }))
        .status,
    ).toBe(200);
    // The report is kept as sent, named by the history; the advice is on the candidacy.
    const reports = await call('GET', `${path()}/reports`, { as: COOP });
    expect(reports.body).toEqual([
      expect.objectContaining({
        kind: 'progress',
        cycle: 1,
        checkpoint: 6,
        late: false,
        filedBy: 'user-provence',
        content: expect.objectContaining({ comment: 'En bonne voie.' }),
      }),
    ]);
    const advised = await call('GET', path(), { as: COOP });
    expect(advised.body.state.checkpoints[0]).toMatchObject({ checkpoint: 6, advice: 'Poursuivre.' });
    const ready = await call('POST', `${path()}/readiness`, { as: COOP });
    expect(ready.body.stage).toBe('visit_to_plan');
  });

  it('plans the visit, the visitor files the report, the committee grants the label', async () => {
    const today = await parisTodayForAWhile(); // the visit is dated in Paris
    const visit = await call('POST', `${path()}/visit`, {
      as: 'federation',
      body: { visitorId: 'member-visitor', visitDate: today },
    });
    expect(visit.status).toBe(200);
    const notVisitor = await call('POST', `${path()}/visit-report`, {
      as: 'committee',
      body: { findingsSummary: 'x x x' },
    });
    expect(notVisitor.body.code).toBe('LIFECYCLE.NOT_ASSIGNED_VISITOR');
    // A finding on an engagement the referential does not have, or that is not one of the three: 400, per field.
    const badFindings = await call('POST', `${path()}/visit-report`, {
      as: 'visitor',
      body: { findingsSummary: 'Engagements tenus.', findings: { Z9: 'on_track', A1: 'excellent' } },
    });
    expect(badFindings.status).toBe(400);
    expect(badFindings.body.errors).toEqual([
      expect.objectContaining({ field: 'findings.Z9', message: "« Z9 » n'est pas un engagement du référentiel." }),
      expect.objectContaining({ field: 'findings.A1', message: 'Constat attendu : on_track, partly ou not_met.' }),
    ]);
    const report = await call('POST', `${path()}/visit-report`, {
      as: 'visitor',
      body: { findingsSummary: 'Engagements tenus.', findings: { A1: 'on_track', B1: 'partly' } },
    });
    expect(report.status).toBe(200);
    const { state } = await eventually(path(), 'committee', (c) => c.stage === 'award_decision');
    const granted = await call('POST', `${path()}/decisions/award`, {
      as: 'committee',
      body: { outcome: 'granted', ...decision(state.agenda.sessionId) },
    });
    expect(granted.status).toBe(200);
    expect(granted.body.stage).toBe('labelled');
    expect(granted.body.labelExpiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('files the mid-term report, prepares the renewal dossier from the current one and requests the renewal', async () => {
    const current = (await call('GET', `${path()}/dossier`, { as: COOP })).body;
    const carried = await call('GET', `${path()}/renewal-dossier`, { as: COOP });
    expect(carried.body).toMatchObject({ version: current.version, dossier: current.dossier });

    // A draft may be incomplete; the request checks the rules of spec §3 on it.
    const partial = { ...current.dossier, engagements: current.dossier.engagements.slice(0, 3) };
    expect((await call('PUT', `${path()}/renewal-dossier`, { as: COOP, body: partial })).status).toBe(200);
    const refused = await call('POST', `${path()}/renewal-request`, { as: COOP });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('DOSSIER.INCOMPLETE');

    const improved = structuredClone(current.dossier);
    improved.engagements[0].indicators[0].target.value = 70;
    const prepared = await call('PUT', `${path()}/renewal-dossier`, { as: COOP, body: improved });
    expect(prepared.status).toBe(200);
    // The label stands on the dossier it was granted on until the committee renews it.
    expect((await call('GET', `${path()}/dossier`, { as: 'committee' })).body.version).toBe(current.version);
    expect((await call('GET', `${path()}/renewal-dossier`, { as: COOP })).body.version).toBe(
      prepared.body.dossierVersion,
    );

    const midTerm = await call('POST', `${path()}/mid-term-report`, {
      as: COOP,
      body: {
        indicators: [{ engagementId: 'A1', indicatorName: 'Indicateur de suivi A1', value: 55 }],
        comment: 'Maintenu.',
      },
    });
    expect(midTerm.body.stage).toBe('mid_term_review');
    const kinds = (await call('GET', `${path()}/reports`, { as: 'committee' })).body.map(
      (r: { kind: string }) => r.kind,
    );
    expect(kinds).toEqual(['progress', 'visit', 'mid_term']);
    const review = await eventually(path(), 'committee', (c) => c.state.agenda?.closed === true);
    const confirmed = await call('POST', `${path()}/decisions/mid-term`, {
      as: 'committee',
      body: { outcome: 'confirmed', ...decision(review.state.agenda.sessionId) },
    });
    expect(confirmed.body.stage).toBe('labelled');

    const opensAt = Date.parse(renewalWindowOpensAt(confirmed.body.state.label, confirmed.body.state));
    const early = await call('POST', `${path()}/renewal-request`, { as: COOP });
    if (Date.now() < opensAt) expect(early.body.code).toBe('LIFECYCLE.RENEWAL_WINDOW_NOT_OPEN');
    await new Promise((r) => setTimeout(r, Math.max(0, opensAt - Date.now()) + 100));
    const requested = early.status === 200 ? early : await call('POST', `${path()}/renewal-request`, { as: COOP });
    expect(requested.body.stage).toBe('renewal_requested');
    expect(requested.body.state.renewal.dossierVersion).toBe(prepared.body.dossierVersion);
    const late = await call('PUT', `${path()}/renewal-dossier`, { as: COOP, body: improved });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('RENEWAL.NOT_PREPARABLE');

    const renewal = await eventually(path(), 'committee', (c) => c.state.agenda?.closed === true);
    const renewed = await call('POST', `${path()}/decisions/renewal`, {
      as: 'committee',
      body: { outcome: 'renewed', ...decision(renewal.state.agenda.sessionId) },
    });
    expect(renewed.status).toBe(200);
    const next = await eventually(path(), COOP, (c) => c.cycle === 2 && c.stage === 'labelled');
    expect(next.dossierVersion).toBe(prepared.body.dossierVersion);
    expect((await call('GET', `${path()}/dossier`, { as: COOP })).body.dossier).toEqual(improved);
  }, 180_000);

  it('never lets another cooperative see or touch it', async () => {
    expect((await call('GET', path(), { as: 'coop-atlantique' })).status).toBe(404);
    expect(
      (await call('POST', `${path()}/renunciation`, { as: 'coop-atlantique', body: { reason: 'Pas la mienne' } }))
        .status,
    ).toBe(404);
    expect((await call('GET', `${path()}/documents`, { as: 'coop-atlantique' })).status).toBe(404);
  });
});

describe('errors: one problem shape, field-level 400s, nothing half-applied', () => {
  let id: string;
  beforeAll(async () => {
    const opened = await call('POST', '/candidacies', { as: 'coop-nord', body: { cooperativeId: 'coop-nord' } });
    id =
      opened.body.id ??
      (await call('GET', '/candidacies?cooperativeId=coop-nord', { as: 'coop-nord' })).body.items?.[0]?.id;
  });

  it('400: unknown and invalid fields, each with its path', async () => {
    const res = await call('POST', `/candidacies/${id}/decisions/award`, {
      as: 'committee',
      body: { outcome: 'maybe', sessionId: 3, motivation: 'ok ok', extra: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'outcome', 'sessionId']);
    const malformed = await call('POST', '/candidacies', { as: 'coop-nord', raw: '{"cooperativeId": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('REQUEST.MALFORMED_JSON');
  });

  it("400 per field in French when the register's contact details are invalid; nothing changed", async () => {
    const coop = `coop-contact-${Date.now().toString(36)}`;
    const body = { id: coop, name: "Coop'HLM Contact", region: 'Normandie', email: 'contact@contact.example' };
    expect((await call('POST', '/cooperatives', { as: 'federation', body })).status).toBe(201);
    const bad = await call('PATCH', `/cooperatives/${coop}`, {
      as: 'federation',
      body: { name: 'X', region: '', email: 'pas-une-adresse' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', message: 'name : 2 caractères au moins' }),
        expect.objectContaining({ field: 'region', message: 'region : 2 caractères au moins' }),
        expect.objectContaining({ field: 'email', message: 'email : adresse invalide' }),
      ]),
    );
    const good = await call('PATCH', `/cooperatives/${coop}`, {
      as: 'federation',
      body: { email: 'direction@contact.example' },
    });
    expect(good.status).toBe(200);
    const register = (await call('GET', '/cooperatives', { as: 'federation' })).body as Array<typeof body>;
    expect(register.find((c) => c.id === coop)).toMatchObject({ ...body, email: 'direction@contact.example' });
  });

  it('401 without or with a forged token, 403 for a wrong role', async () => {
    expect((await call('GET', `/candidacies/${id}`)).status).toBe(401);
    const forged = await fetch(`${process.env.QC_API_URL}/candidacies/${id}`, {
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6ImZlZGVyYXRpb24ifQ.AAAA' },
    });
    expect(forged.status).toBe(401);
    const wrongRole = await call('POST', `/candidacies/${id}/decisions/completeness`, {
      as: 'coop-nord',
      body: { complete: true, sessionId: 's', motivation: 'moi-même' },
    });
    expect(wrongRole.status).toBe(403);
  });

  it('404 for an unknown candidacy, even with a malformed id', async () => {
    expect((await call('GET', '/candidacies/00000000-0000-4000-8000-000000000000', { as: 'federation' })).status).toBe(
      404,
    );
    expect((await call('GET', '/candidacies/not-a-uuid', { as: 'federation' })).status).toBe(404);
  });

  it('409 for an out-of-order decision, and the refused draft version is not kept', async () => {
    const refused = await call('POST', `/candidacies/${id}/readiness`, { as: 'coop-nord' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('LIFECYCLE.NOT_ALLOWED_IN_STAGE');
  });

  it('413 for an oversized JSON body or upload; 415 for a forbidden file type', async () => {
    const big = await call('PUT', `/candidacies/${id}/dossier`, {
      as: 'coop-nord',
      raw: JSON.stringify({ involvementStatement: 'x'.repeat(2_000_000) }),
    });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('REQUEST.TOO_LARGE');
    const huge = await upload(`/candidacies/${id}/documents`, {
      as: 'coop-nord',
      filename: 'gros.pdf',
      contentType: 'application/pdf',
      bytes: new Uint8Array(21 * 1024 * 1024),
      kind: 'supporting',
    });
    expect(huge.status).toBe(413);
    const exe = await upload(`/candidacies/${id}/documents`, {
      as: 'coop-nord',
      filename: 'virus.exe',
      contentType: 'application/octet-stream',
      bytes: 'MZ',
      kind: 'supporting',
    });
    expect(exe.status).toBe(415);
    expect(exe.body.errors[0]).toMatchObject({ field: 'file', code: 'DOCUMENT.TYPE_NOT_ALLOWED' });
    const listed = await call('GET', `/candidacies/${id}/documents`, { as: 'coop-nord' });
    expect(listed.body).toEqual([]);
  });

  it('stores documents once with their SHA-256 and serves them back', async () => {
    const first = await uploadLetter(id, 'coop-nord');
    const again = await uploadLetter(id, 'coop-nord');
    const docs = (await call('GET', `/candidacies/${id}/documents`, { as: 'federation' })).body;
    expect(docs.map((d: { id: string }) => d.id).sort()).toEqual([first, again].sort());
    expect(new Set(docs.map((d: { sha256: string }) => d.sha256)).size).toBe(1);
    const res = await fetch(`${process.env.QC_API_URL}/candidacies/${id}/documents/${first}`, {
      headers: { authorization: `Bearer ${await (await import('../support/http')).tokenFor('committee')}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-sha256')).toBe(docs[0].sha256);
    expect(await res.text()).toContain('%PDF');
  });
});
