/**
 * The authorisation matrix: every endpoint of the OpenAPI document, called without a token
 * (401), with each role it does not allow (403), and — for a cooperative's endpoints — with
 * another cooperative's token on this cooperative's candidacy (404, so existence does not leak).
 */
import { sampleDossier } from '@qualicoop/domain';
import { call, SAMPLE_PDF, upload } from '../support/http';

type Role = 'coop' | 'federation' | 'committee';
const ALL: Role[] = ['coop', 'federation', 'committee'];
const OWNER = 'coop-rhone-alpes';
const OTHER = 'coop-atlantique';
const decision = { sessionId: 'session-x', motivation: 'Motivation' };
const report = { indicators: [{ engagementId: 'A1', indicatorName: 'I', value: 1 }], comment: 'ok' };
const ZERO = '00000000-0000-4000-8000-000000000000';

/** [method, path, roles allowed, body]: `:id` is the owner's candidacy. */
const MATRIX: Array<[string, string, Role[], unknown?]> = [
  ['POST', '/candidacies', ['coop', 'federation'], { cooperativeId: OWNER }],
  ['GET', '/candidacies', ALL],
  ['GET', '/candidacies/:id', ALL],
  ['GET', '/candidacies/:id/history', ALL],
  ['GET', '/candidacies/:id/dossier', ALL],
  ['PUT', '/candidacies/:id/dossier', ['coop'], sampleDossier()],
  ['GET', '/candidacies/:id/reports', ALL],
  ['GET', '/candidacies/:id/renewal-dossier', ALL],
  ['PUT', '/candidacies/:id/renewal-dossier', ['coop'], sampleDossier()],
  ['POST', '/candidacies/:id/submission', ['coop']],
  ['POST', '/candidacies/:id/complement', ['coop'], sampleDossier()],
  ['POST', '/candidacies/:id/checkpoints/6/report', ['coop'], report],
  ['POST', '/candidacies/:id/help-requests', ['coop'], { question: 'Une question ?' }],
  ['POST', '/candidacies/:id/readiness', ['coop']],
  ['POST', '/candidacies/:id/mid-term-report', ['coop'], report],
  ['POST', '/candidacies/:id/renewal-request', ['coop']],
  ['POST', '/candidacies/:id/withdrawal', ['coop'], { reason: 'Un motif' }],
  ['POST', '/candidacies/:id/renunciation', ['coop'], { reason: 'Un motif' }],
  ['POST', '/candidacies/:id/checkpoints/6/advice', ['federation'], { advice: 'Un avis' }],
  ['POST', `/candidacies/:id/help-requests/${ZERO}/answer`, ['federation'], { answer: 'Une réponse' }],
  ['POST', '/candidacies/:id/visit', ['federation'], { visitorId: 'member-visitor', visitDate: '2030-01-01' }],
  ['POST', '/candidacies/:id/visit-report', ['committee'], { findingsSummary: 'Synthèse' }],
  ['POST', '/candidacies/:id/decisions/completeness', ['committee'], { complete: true, ...decision }],
  ['POST', '/candidacies/:id/decisions/admissibility', ['committee'], { admissible: true, ...decision }],
  ['POST', '/candidacies/:id/decisions/award', ['committee'], { outcome: 'granted', ...decision }],
  ['POST', '/candidacies/:id/decisions/mid-term', ['committee'], { outcome: 'confirmed', ...decision }],
  ['POST', '/candidacies/:id/decisions/renewal', ['committee'], { outcome: 'renewed', ...decision }],
  ['POST', '/candidacies/:id/documents', ['coop']],
  ['GET', '/candidacies/:id/documents', ALL],
  ['GET', `/candidacies/:id/documents/${ZERO}`, ALL],
  ['GET', '/cooperatives', ['federation']],
  [
    'POST',
    '/cooperatives',
    ['federation'],
    { id: 'coop-matrix', name: 'Matrice', region: 'Bretagne', email: 'm@x.example' },
  ],
  ['PATCH', '/cooperatives/coop-matrix', ['federation'], { active: true }],
  ['GET', '/committee-members', ['federation']],
  ['GET', '/committee-sessions', ALL],
  ['POST', '/committee-sessions', ['federation'], { id: 'session-matrix', sessionDate: '2031-01-01T09:00:00.000Z' }],
  ['PATCH', '/committee-sessions/session-matrix', ['federation'], { sessionDate: '2031-01-02T09:00:00.000Z' }],
  ['GET', '/committee-sessions/session-matrix/agenda', ['federation', 'committee']],
  ['GET', '/inbox', ALL],
  ['GET', '/inbox.csv', ALL],
  ['GET', '/kpis', ['federation']],
  ['GET', '/kpis/practices', ['federation']],
  ['GET', '/kpis/practices.csv', ['federation']],
  ['GET', '/me', ALL],
];

/** Open to anyone: liveness, and how to sign in (tested in sign-in.e2e.spec.ts). */
const PUBLIC = ['GET /health', 'GET /sign-in', 'POST /sign-in/development-token'];

const token = (role: Role, coop = OWNER) => (role === 'coop' ? coop : role);
let id: string;
const concrete = (p: string) => p.replace(':id', id);

async function send(method: string, path: string, as: string | undefined, body?: unknown) {
  if (path.endsWith('/documents') && method === 'POST') {
    if (!as) return call(method, concrete(path));
    return upload(concrete(path), {
      as,
      filename: 'a.pdf',
      contentType: 'application/pdf',
      bytes: SAMPLE_PDF,
      kind: 'supporting',
    });
  }
  return call(method, concrete(path), { as, body });
}

beforeAll(async () => {
  const opened = await call('POST', '/candidacies', { as: OWNER, body: { cooperativeId: OWNER } });
  id = opened.body.id ?? (await call('GET', `/candidacies?cooperativeId=${OWNER}`, { as: OWNER })).body.items[0].id;
});

it('covers every operation of the OpenAPI document', async () => {
  const doc = (await call('GET', '/openapi.json')).body;
  const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
    .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`))
    .filter((op) => !PUBLIC.includes(op))
    .sort();
  const normalise = (p: string) =>
    p
      .replace(ZERO, ':x')
      .replace(/\/(6)\//, '/:checkpoint/')
      .replace(/coop-matrix/, ':cooperativeId')
      .replace(/session-matrix/, ':sessionId');
  const covered = MATRIX.map(([m, p]) => `${m} ${normalise(p)}`);
  const names = (op: string) => op.replace(/:\w+/g, ':x');
  expect(documented.map(names).sort()).toEqual([...new Set(covered.map(names))].sort());
});

describe.each(MATRIX)('%s %s', (method, path, roles, body) => {
  it('asks for a token (401)', async () => {
    expect((await send(method, path, undefined, body)).status).toBe(401);
  });

  const forbidden = ALL.filter((r) => !roles.includes(r));
  if (forbidden.length) {
    it.each(forbidden)('refuses the %s role (403)', async (role) => {
      const res = await send(method, path, token(role), body);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('AUTH.FORBIDDEN');
    });
  }

  if (roles.includes('coop') && path.includes(':id')) {
    it("hides this cooperative's candidacy from another cooperative (404)", async () => {
      const res = await send(method, path, OTHER, body);
      expect(res.status).toBe(404);
    });
  }
});
