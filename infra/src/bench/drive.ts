/**
 * The benchmark's candidacies, driven over the public API as their actors would: to the
 * implementation period (sections a and b), or through a whole cycle to an expired label (c).
 */
import { Client } from '@temporalio/client';
import { candidacyWorkflowId } from '@qualicoop/contracts';
import { parisDateOf, sampleDossier } from '@qualicoop/domain';
import { http, until, uploadLetter } from '../api-client';

export async function openToImplementation(api: string, coop: string, pollMs = 200): Promise<string> {
  await http(api, 'POST', '/cooperatives', 'federation', {
    id: coop,
    name: coop,
    region: 'Bench',
    email: `${coop}@bench.example`,
  });
  const opened = await http(api, 'POST', '/candidacies', coop, { cooperativeId: coop, policy: 'demo' });
  if (opened.status !== 201 && opened.status !== 202)
    throw new Error(`opening: ${opened.status} ${JSON.stringify(opened.body)}`);
  const id: string = opened.body.id;
  // 202 under a burst: open, not yet in the read models; wait until its Location answers.
  if (opened.status === 202)
    await until(
      async () => (await http(api, 'GET', `/candidacies/${id}`, coop)).status === 200 || undefined,
      600_000,
      'the opened candidacy',
      pollMs,
    );
  const letter = await uploadLetter(api, id, coop);
  await http(api, 'PUT', `/candidacies/${id}/dossier`, coop, sampleDossier(letter));
  await http(api, 'POST', `/candidacies/${id}/submission`, coop);
  const sessionId = await until(
    async () => {
      const c = await http(api, 'GET', `/candidacies/${id}`, 'committee');
      return c.body.state?.agenda?.closed ? (c.body.state.agenda.sessionId as string) : undefined;
    },
    600_000,
    'the agenda to close',
    pollMs,
  );
  const d = { sessionId, motivation: 'Bench' };
  await http(api, 'POST', `/candidacies/${id}/decisions/completeness`, 'committee', { complete: true, ...d });
  await http(api, 'POST', `/candidacies/${id}/decisions/admissibility`, 'committee', { admissible: true, ...d });
  return id;
}

export async function driveCycle(api: string, client: Client, coop: string): Promise<void> {
  const id = await openToImplementation(api, coop, 2000);
  await http(api, 'POST', `/candidacies/${id}/readiness`, coop);
  const today = parisDateOf(new Date().toISOString()); // the visit is dated in Paris
  await http(api, 'POST', `/candidacies/${id}/visit`, 'federation', { visitorId: 'member-visitor', visitDate: today });
  const report = await http(api, 'POST', `/candidacies/${id}/visit-report`, 'visitor', { findingsSummary: 'Bench' });
  if (report.status !== 200) throw new Error(`visit report: ${report.status} ${JSON.stringify(report.body)}`);
  const sessionId = await until(
    async () => {
      const c = await http(api, 'GET', `/candidacies/${id}`, 'committee');
      return c.body.stage === 'award_decision' ? (c.body.state.agenda.sessionId as string) : undefined;
    },
    600_000,
    'the award agenda',
    2000,
  );
  const granted = await http(api, 'POST', `/candidacies/${id}/decisions/award`, 'committee', {
    outcome: 'granted',
    sessionId,
    motivation: 'Bench',
  });
  if (granted.status !== 200) throw new Error(`award: ${granted.status}`);
  const result = (await client.workflow.getHandle(candidacyWorkflowId(coop)).result()) as { stage: string };
  if (result.stage !== 'expired') throw new Error(`ended in ${result.stage}`);
}
