/**
 * Every stage change becomes an e-mail in French, sent over SMTP to the development inbox
 * (MailDev started by the stack), once per notification.
 */
import { sampleDossier } from '@qualicoop/domain';
import { call, uploadLetter } from '../support/http';

const COOP = 'coop-mail-e2e';
const ADDRESS = 'direction@mail-e2e.example';

interface Mail {
  subject: string;
  text: string;
  to: Array<{ address: string }>;
  headers: Record<string, string>;
}

async function inbox(): Promise<Mail[]> {
  const res = await fetch(`${process.env.QC_MAIL_URL}/api/email`);
  return (await res.json()) as Mail[];
}

it('e-mails the cooperative in French when its dossier is submitted, once', async () => {
  await call('POST', '/cooperatives', {
    as: 'federation',
    body: { id: COOP, name: 'Coop des Mails', region: 'Normandie', email: ADDRESS },
  });
  const opened = await call('POST', '/candidacies', { as: COOP, body: { cooperativeId: COOP } });
  const id = opened.body.id;
  const letter = await uploadLetter(id, COOP);
  await call('PUT', `/candidacies/${id}/dossier`, { as: COOP, body: sampleDossier(letter) });
  expect((await call('POST', `/candidacies/${id}/submission`, { as: COOP })).status).toBe(200);

  let mine: Mail[] = [];
  for (let i = 0; i < 100 && !mine.some((m) => m.subject.includes('dossier déposé')); i++) {
    await new Promise((r) => setTimeout(r, 300));
    mine = (await inbox()).filter((m) => m.to.some((t) => t.address === ADDRESS));
  }
  const submitted = mine.filter((m) => m.subject.includes('dossier déposé'));
  expect(submitted).toHaveLength(1);
  expect(submitted[0]!.subject).toBe("[Quali'Coop] Votre candidature : dossier déposé");
  expect(submitted[0]!.text).toContain('Bonjour');
  expect(submitted[0]!.text).toContain("Fédération nationale des Coop'HLM");
  // One message per notification key: no duplicates in the inbox.
  const keys = mine.map((m) => m.headers['x-qualicoop-notification']);
  expect(new Set(keys).size).toBe(keys.length);
});

it("e-mails the committee the session's agenda when it closes, naming each cooperative on it", async () => {
  const coop = 'coop-mail-agenda-e2e';
  await call('POST', '/cooperatives', {
    as: 'federation',
    body: { id: coop, name: "Coop de l'Ordre du Jour", region: 'Normandie', email: 'odj@mail-e2e.example' },
  });
  const opened = await call('POST', '/candidacies', { as: coop, body: { cooperativeId: coop, policy: 'demo' } });
  const id = opened.body.id;
  const letter = await uploadLetter(id, coop);
  await call('PUT', `/candidacies/${id}/dossier`, { as: coop, body: sampleDossier(letter) });
  const submitted = await call('POST', `/candidacies/${id}/submission`, { as: coop });
  expect(submitted.status).toBe(200);

  let agendaMails: Mail[] = [];
  for (let i = 0; i < 200 && agendaMails.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 300));
    agendaMails = (await inbox()).filter(
      (m) =>
        m.headers['x-qualicoop-notification']?.endsWith(':agenda-closed') && m.text.includes("Coop de l'Ordre du Jour"),
    );
  }
  expect(agendaMails).toHaveLength(1);
  const [mail] = agendaMails;
  // A demo candidacy (a month of 2 s): the session's time of day tells sessions apart.
  expect(mail!.subject).toMatch(
    /^\[Quali'Coop\] Ordre du jour de la séance du \d{1,2} \S+ \d{4} à \d{1,2} h \d{2} min \d{2} s arrêté$/,
  );
  expect(mail!.text).toContain("- Coop de l'Ordre du Jour : dossier de candidature (complétude et admissibilité)");
  // The seeded sessions list no members: the whole committee is addressed.
  expect(mail!.to.map((t) => t.address).sort()).toEqual(['jean.petit@comite.example', 'sophie.bernard@comite.example']);
});
