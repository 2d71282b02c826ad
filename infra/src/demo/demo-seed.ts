/**
 * `npm start -- --demo`: a living federation for a newcomer. Four more cooperatives are
 * registered and their candidacies driven through the public API, as their people would, to
 * different stages: a draft being written, a dossier filed and waiting for the committee, a
 * candidate in its implementation period, and a cooperative that receives its label. Under the
 * demo policy (a month lasts seconds) the last ones keep moving: one can watch them in the
 * console, the Temporal UI and the mail inbox. Run again on kept data, it leaves what exists alone.
 */
import { parisDateOf, sampleDossier } from '@qualicoop/domain';
import { Caller, jwtSecret, SEEDED_USERS, signToken } from '@qualicoop/platform';

type Goal = 'draft' | 'filed' | 'implementation' | 'labelled';

export const DEMO_JOURNEYS: Array<{ id: string; name: string; region: string; goal: Goal }> = [
  { id: 'coop-bretagne-accession', name: "Bretagne Accession Coop'HLM", region: 'Bretagne', goal: 'draft' },
  { id: 'coop-habitat-rhone', name: 'Habitat Coopératif du Rhône', region: 'Auvergne-Rhône-Alpes', goal: 'filed' },
  { id: 'coop-logis-nord', name: 'Logis Coopératif du Nord', region: 'Hauts-de-France', goal: 'implementation' },
  { id: 'coop-toit-occitanie', name: 'Toit Solidaire Occitanie', region: 'Occitanie', goal: 'labelled' },
];

/** The smallest complete PDF: the signed letter of commitment of a demo cooperative. */
const LETTER_PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
  'trailer<</Root 1 0 R>>\n%%EOF\n';

interface Options {
  apiUrl: string;
  /** Open the candidacies under the demo policy explicitly (when the server lets callers choose). */
  askDemoPolicy?: boolean;
  log?: (line: string) => void;
  /** How long to wait for a stage before giving up on one cooperative (ms). */
  patienceMs?: number;
}

interface Candidacy {
  id: string;
  stage: string;
  state: { agenda?: { sessionId: string; closed: boolean } };
}

export async function seedDemo(opts: Options): Promise<Record<string, string>> {
  const log = opts.log ?? (() => undefined);
  const reached: Record<string, string> = {};
  await Promise.all(
    DEMO_JOURNEYS.map(async (coop) => {
      try {
        reached[coop.id] = await drive(coop, opts);
        log(`${coop.name}: ${reached[coop.id]}`);
      } catch (e) {
        reached[coop.id] = 'failed';
        log(`${coop.name}: stopped (${e instanceof Error ? e.message : String(e)})`);
      }
    }),
  );
  return reached;
}

async function drive(coop: (typeof DEMO_JOURNEYS)[number], opts: Options): Promise<string> {
  const api = client(opts.apiUrl);
  const person: Caller = {
    sub: `demo-${coop.id}`,
    role: 'coop',
    cooperativeId: coop.id,
    name: `Équipe de ${coop.name}`,
  };
  const me = token(person);
  const federation = token(SEEDED_USERS.federation!);
  const committee = token(SEEDED_USERS.committee!);
  const visitor = token(SEEDED_USERS.visitor!);

  const registered = await api('POST', '/cooperatives', federation, {
    id: coop.id,
    name: coop.name,
    region: coop.region,
    email: `contact@${coop.id}.example`,
  });
  if (registered.status !== 201 && registered.body?.code !== 'COOPERATIVE.ALREADY_EXISTS') throw failure(registered);
  const opened = await api('POST', '/candidacies', me, {
    cooperativeId: coop.id,
    ...(opts.askDemoPolicy ? { policy: 'demo' } : {}),
  });
  if (opened.body?.code === 'CANDIDACY.ALREADY_OPEN') return 'already under way';
  if (opened.status !== 201) throw failure(opened);
  const id = opened.body?.id ?? '';
  const at = (path = '') => `/candidacies/${id}${path}`;
  const step = async (method: string, path: string, who: string, body?: unknown) => {
    const res = await api(method, at(path), who, body);
    if (res.status >= 300) throw failure(res);
    return res.body as Candidacy; // a 2xx on a candidacy's path answers the candidacy
  };
  const until = (test: (c: Candidacy) => boolean) =>
    waitFor(() => step('GET', '', me), test, opts.patienceMs ?? 180_000);

  if (coop.goal === 'draft') {
    const draft = sampleDossier(null);
    await step('PUT', '/dossier', me, { ...draft, engagements: draft.engagements.slice(0, 3) });
    return 'draft';
  }
  const letter = await uploadLetter(opts.apiUrl, at('/documents'), me);
  await step('PUT', '/dossier', me, sampleDossier(letter));
  await step('POST', '/submission', me);
  if (coop.goal === 'filed') return 'filed';

  const decision = (c: Candidacy) => ({
    sessionId: c.state.agenda!.sessionId,
    motivation: 'Dossier complet, engagements étayés.',
  });
  const reviewed = await until((c) => c.state.agenda?.closed === true);
  await step('POST', '/decisions/completeness', committee, { complete: true, ...decision(reviewed) });
  await step('POST', '/decisions/admissibility', committee, { admissible: true, ...decision(reviewed) });
  if (coop.goal === 'implementation') return 'implementation';

  await step('POST', '/readiness', me);
  const today = parisDateOf(new Date().toISOString());
  await step('POST', '/visit', federation, { visitorId: SEEDED_USERS.visitor!.sub, visitDate: today });
  await step('POST', '/visit-report', visitor, {
    findingsSummary: 'Les engagements sont tenus et les équipes mobilisées.',
    findings: { A1: 'on_track', B1: 'on_track', C3: 'partly' },
  });
  const awaiting = await until((c) => c.stage === 'award_decision');
  await step('POST', '/decisions/award', committee, { outcome: 'granted', ...decision(awaiting) });
  return 'labelled';
}

const token = (caller: Caller) => `Bearer ${signToken(caller, jwtSecret(), 12 * 3600)}`;

/** An answer of the API: a candidacy, or a problem document. */
type Reply = { status: number; body: (Partial<Candidacy> & { code?: string; detail?: string }) | undefined };

function client(apiUrl: string) {
  return async (method: string, path: string, authorization: string, body?: unknown): Promise<Reply> => {
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Reply['body']) : undefined };
  };
}

async function uploadLetter(apiUrl: string, path: string, authorization: string): Promise<string> {
  const form = new FormData();
  form.append('kind', 'letter_of_commitment');
  form.append('file', new Blob([LETTER_PDF], { type: 'application/pdf' }), 'lettre-engagement.pdf');
  const res = await fetch(`${apiUrl}${path}`, { method: 'POST', headers: { authorization }, body: form });
  const body = (await res.json()) as Reply['body'];
  if (res.status !== 201 || !body?.id) throw failure({ status: res.status, body });
  return body.id;
}

async function waitFor<T>(get: () => Promise<T>, test: (v: T) => boolean, patienceMs: number): Promise<T> {
  const until = Date.now() + patienceMs;
  for (;;) {
    const value = await get();
    if (test(value)) return value;
    if (Date.now() > until) throw new Error(`still waiting after ${Math.round(patienceMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const failure = (r: Reply) => new Error(`${r.status} ${r.body?.code ?? ''} ${r.body?.detail ?? ''}`.trim());
