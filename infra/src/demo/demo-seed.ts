/**
 * `npm start -- --demo`: a living federation for a newcomer. Four more cooperatives are
 * registered and their candidacies driven through the public API, as their people would, to
 * different stages: a draft being written, a dossier filed and waiting for the committee, a
 * candidate in its implementation period, and a cooperative that receives its label. Under the
 * demo policy (a month lasts seconds) the last ones keep moving: one can watch them in the
 * console, the Temporal UI and the mail inbox. Run again on kept data, it leaves what exists alone.
 */
import { parisDateOf, sampleDossier } from '@qualicoop/domain';
import { SEEDED_USERS } from '@qualicoop/platform';
import { http, until, uploadLetter } from '../api-client';

type Goal = 'draft' | 'filed' | 'implementation' | 'labelled';

export const DEMO_JOURNEYS: Array<{ id: string; name: string; region: string; goal: Goal }> = [
  { id: 'coop-bretagne-accession', name: "Bretagne Accession Coop'HLM", region: 'Bretagne', goal: 'draft' },
  { id: 'coop-habitat-rhone', name: 'Habitat Coopératif du Rhône', region: 'Auvergne-Rhône-Alpes', goal: 'filed' },
  { id: 'coop-logis-nord', name: 'Logis Coopératif du Nord', region: 'Hauts-de-France', goal: 'implementation' },
  { id: 'coop-toit-occitanie', name: 'Toit Solidaire Occitanie', region: 'Occitanie', goal: 'labelled' },
];

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
  const api = opts.apiUrl;
  const registered = await http<Reply>(api, 'POST', '/cooperatives', 'federation', {
    id: coop.id,
    name: coop.name,
    region: coop.region,
    email: `contact@${coop.id}.example`,
  });
  if (registered.status !== 201 && registered.body.code !== 'COOPERATIVE.ALREADY_EXISTS') throw failure(registered);
  const opened = await http<Reply>(api, 'POST', '/candidacies', coop.id, {
    cooperativeId: coop.id,
    ...(opts.askDemoPolicy ? { policy: 'demo' } : {}),
  });
  if (opened.body.code === 'CANDIDACY.ALREADY_OPEN') return 'already under way';
  if (opened.status !== 201 || !opened.body.id) throw failure(opened);
  const id = opened.body.id;
  // Each person acts as themselves: the cooperative (by its id), the Fédération, the committee, the visitor.
  const step = async (method: string, path: string, who: string, body?: unknown): Promise<Candidacy> => {
    const res = await http<Reply>(api, method, `/candidacies/${id}${path}`, who, body);
    if (res.status >= 300) throw failure(res);
    return res.body as Candidacy; // a 2xx on a candidacy's path answers the candidacy
  };
  const when = (test: (c: Candidacy) => boolean, what: string) =>
    until(
      async () => {
        const c = await step('GET', '', coop.id);
        return test(c) ? c : undefined;
      },
      opts.patienceMs ?? 180_000,
      what,
      500,
    );

  if (coop.goal === 'draft') {
    const draft = sampleDossier(null);
    await step('PUT', '/dossier', coop.id, { ...draft, engagements: draft.engagements.slice(0, 3) });
    return 'draft';
  }
  await step('PUT', '/dossier', coop.id, sampleDossier(await uploadLetter(api, id, coop.id)));
  await step('POST', '/submission', coop.id);
  if (coop.goal === 'filed') return 'filed';

  const decision = (c: Candidacy) => ({
    sessionId: c.state.agenda!.sessionId,
    motivation: 'Dossier complet, engagements étayés.',
  });
  const reviewed = await when((c) => c.state.agenda?.closed === true, 'the agenda to close');
  await step('POST', '/decisions/completeness', 'committee', { complete: true, ...decision(reviewed) });
  await step('POST', '/decisions/admissibility', 'committee', { admissible: true, ...decision(reviewed) });
  if (coop.goal === 'implementation') return 'implementation';

  await step('POST', '/readiness', coop.id);
  const today = parisDateOf(new Date().toISOString());
  await step('POST', '/visit', 'federation', { visitorId: SEEDED_USERS.visitor!.sub, visitDate: today });
  await step('POST', '/visit-report', 'visitor', {
    findingsSummary: 'Les engagements sont tenus et les équipes mobilisées.',
    findings: { A1: 'on_track', B1: 'on_track', C3: 'partly' },
  });
  const awaiting = await when((c) => c.stage === 'award_decision', 'the award decision');
  await step('POST', '/decisions/award', 'committee', { outcome: 'granted', ...decision(awaiting) });
  return 'labelled';
}

/** An answer of the API: a candidacy, or a problem document. */
type Reply = Partial<Candidacy> & { code?: string; detail?: string };

const failure = (r: { status: number; body: Reply }) =>
  new Error(`${r.status} ${r.body.code ?? ''} ${r.body.detail ?? ''}`.trim());
