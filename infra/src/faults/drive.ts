/** One candidacy driven through the public API to its label: the cooperative and its committee. */
import { parisDateOf, sampleDossier } from '@qualicoop/domain';
import type { RetryingApi } from './campaign-api';
import { sha256 } from './deliveries';
import { setTimeout as sleep } from 'node:timers/promises';

/** Each candidacy's letter of commitment: its document id and the SHA-256 of the bytes sent. */
export type Letters = Map<string, { documentId: string; sha256: string }>;

/** A cooperative and its committee, acting on whatever the candidacy's stage asks for next. */
export async function driveToLabel(
  http: RetryingApi,
  letters: Letters,
  coop: string,
  deadline: number,
): Promise<string> {
  // 201, or 202 while the system catches up; a retry after a lost response gets the same id.
  const opened = await http.send('POST', '/candidacies', coop, { cooperativeId: coop, policy: 'demo' }, `open-${coop}`);
  if (opened.status !== 201 && opened.status !== 202)
    throw new Error(`opening answered ${opened.status} ${JSON.stringify(opened.body)}`);
  const id: string = opened.body.id;
  const p = `/candidacies/${id}`;
  while (Date.now() < deadline) {
    const c = (await http.send('GET', p, 'federation')).body;
    const agenda = c.state?.agenda;
    const d = { sessionId: agenda?.sessionId, motivation: 'Décision' };
    switch (c.stage) {
      case 'draft': {
        // Bytes of its own, so that every candidacy's letter is a document of its own in the store.
        const bytes = new TextEncoder().encode(`%PDF-1.4\n% lettre de ${coop}\n%%EOF\n`);
        const form = new FormData();
        form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'lettre.pdf');
        form.append('kind', 'letter_of_commitment');
        const letter = await http.send('POST', `${p}/documents`, coop, form);
        letters.set(id, { documentId: letter.body.id, sha256: sha256(bytes) });
        await http.send('PUT', `${p}/dossier`, coop, sampleDossier(letter.body.id), `draft-${id}`);
        await http.send('POST', `${p}/submission`, coop, undefined, `submit-${id}`);
        break;
      }
      case 'under_review':
        if (!agenda?.closed) break;
        if (!c.state.completeness)
          await http.send(
            'POST',
            `${p}/decisions/completeness`,
            'committee',
            { complete: true, ...d },
            `complete-${id}`,
          );
        else
          await http.send(
            'POST',
            `${p}/decisions/admissibility`,
            'committee',
            { admissible: true, ...d },
            `admissible-${id}`,
          );
        break;
      case 'implementation':
        await http.send('POST', `${p}/readiness`, coop, undefined, `ready-${id}`);
        break;
      case 'visit_to_plan':
        await http.send(
          'POST',
          `${p}/visit`,
          'federation',
          { visitorId: 'member-visitor', visitDate: parisDateOf(new Date().toISOString()) },
          `visit-${id}`,
        );
        break;
      case 'visit_scheduled':
        await http.send('POST', `${p}/visit-report`, 'visitor', { findingsSummary: 'Visite faite' }, `report-${id}`);
        break;
      case 'award_decision':
        if (agenda?.closed)
          await http.send('POST', `${p}/decisions/award`, 'committee', { outcome: 'granted', ...d }, `award-${id}`);
        break;
      case 'labelled':
      case 'expired': // labelled, and its (demo) label ran out while this driver waited for an answer
        return id;
      default:
        break;
    }
    await sleep(1500 + Math.random() * 1500);
  }
  throw new Error(`${coop} did not reach labelled in time`);
}
