/**
 * The committee's side, in order: the calendar and a session's agenda, each dossier one click
 * away; a completeness decision drafted, kept and finished later, then admissibility refused as
 * out of order once another member has decided; the visitor's report, engagement by engagement;
 * the award in the next session; and the committee's screens closed to a cooperative. The
 * cooperative and the Fédération act through the API; their candidacy ends renounced, so the
 * journeys after this one can open theirs.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { parisDateOf, sampleDossier } from '@qualicoop/domain';
import { as } from './api-actor';
import { sessionFor } from './committee-session';
import { lookAt, signInAs } from './screens';
import { BROWSER_STACK } from './stack';

test.describe.configure({ mode: 'serial' });

const SOPHIE = 'Sophie Bernard (comité de validation)';
const JEAN = 'Jean Petit (comité de validation, visiteur)';
const COOP = 'coop-provence';
const COOP_NAME = "Provence Logis Coop'HLM";
let candidacyId = '';
let agendaSession = '';
let awardSession: Awaited<ReturnType<typeof sessionFor>> | undefined;

const committeeSession = (request: APIRequestContext, name: string) => sessionFor(request, name, () => candidacyId);

async function candidacyPage(page: Page, who: string) {
  await signInAs(page, who);
  await page.goto(`./candidatures/${candidacyId}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Candidature — cycle/ })).toBeVisible();
}

test("the calendar and a session's agenda lead to the dossier to decide on", async ({ page, request }) => {
  const coop = await as(request, COOP);
  const session = await committeeSession(request, 'comite');
  const opened = await coop.post('/candidacies', { cooperativeId: COOP });
  candidacyId = opened.id;
  const letter = await coop.uploadLetter(candidacyId);
  await coop.put(`/candidacies/${candidacyId}/dossier`, sampleDossier(letter.id));
  await coop.post(`/candidacies/${candidacyId}/submission`);
  agendaSession = await session.close();

  await signInAs(page, SOPHIE);
  const menu = page.getByRole('navigation', { name: 'Menu principal' });
  await menu.getByRole('link', { name: 'Séances du comité' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Séances du comité de validation' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Séances du comité' })).toHaveAttribute('aria-current', 'page');
  const coming = page.getByRole('region', { name: 'Séances à venir' });
  const row = coming
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: /^Ordre du jour clos/ }) })
    .first();
  await expect(row).toBeVisible();
  await lookAt(page, 'comite-01-seances');

  await page.goto(`./seances/${agendaSession}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Ordre du jour de la séance du / })).toBeVisible();
  await expect(
    page.getByText(/^L'ordre du jour a été clos le .+ : le comité peut statuer sur chaque dossier inscrit\.$/),
  ).toBeVisible();
  const dossiers = page.getByRole('region', { name: 'Nouveaux dossiers de candidature (1)' });
  const item = dossiers.getByRole('row').filter({ hasText: COOP_NAME });
  await expect(item.getByText('À décider')).toBeVisible();
  await lookAt(page, 'comite-02-ordre-du-jour');

  await item.getByRole('link', { name: COOP_NAME }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Statuer sur la complétude du dossier' })).toBeVisible();
  // The dossier itself, read-only for the committee.
  await page.getByRole('link', { name: 'Voir le dossier de candidature' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Dossier de candidature/ })).toBeVisible();
  // Read as a document: by axis, each engagement's indicators in a table, no form field to type in.
  await expect(page.getByRole('heading', { level: 2, name: /^Axe A — / })).toBeVisible();
  const a1 = page.getByRole('region', { name: /^Engagement A1 — / });
  const indicator = a1.getByRole('row', { name: /Indicateur de suivi A1/ });
  await expect(indicator.getByRole('cell').nth(1)).toHaveText('40 % au 30 juin 2026');
  await expect(indicator.getByRole('cell').nth(2)).toHaveText("60 % d'ici le 30 juin 2028");
  await expect(indicator.getByRole('cell').nth(3)).toHaveText(
    'Mettre en place un comité de suivi trimestriel — Direction générale, pour le 31 mars 2027',
  );
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await lookAt(page, 'comite-03-dossier', a1);

  // The signed letter opens in the browser.
  const signed = page.getByRole('region', { name: 'Documents' }).getByRole('button', { name: /\.pdf/ });
  const tab = page.waitForEvent('popup');
  await signed.click();
  expect((await tab).url()).toMatch(/^blob:/);
});

test('a decision drafted, kept, finished later; then one taken meanwhile by another member is refused in French', async ({
  page,
  request,
}) => {
  await candidacyPage(page, SOPHIE);
  const form = page.getByRole('form', { name: 'Statuer sur la complétude du dossier' });
  await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(form.getByRole('radiogroup', { name: 'Le dossier est-il complet ?' })).toHaveAccessibleDescription(
    'Choisissez la décision du comité.',
  );
  await expect(form.getByText('La motivation de la décision est obligatoire.')).toBeVisible();
  await expect(form.getByRole('radio', { name: 'Oui, le dossier est complet' })).toBeFocused();

  await form.getByRole('radio', { name: 'Non, il manque des éléments' }).check();
  await expect(
    form.getByText(/^La coopérative aura jusqu'au \d{1,2}(er)? \S+ \d{4} pour compléter son dossier\.$/),
  ).toBeVisible();
  await form.getByLabel(/^Éléments manquants/).fill("Le procès-verbal de l'assemblée générale");
  await form.getByLabel(/^Motivation de la décision/).fill('Les engagements sont étayés ; le dossier est complet.');
  await form.getByRole('button', { name: 'Garder comme brouillon' }).click();
  await expect(form.getByRole('status')).toHaveText(/^Brouillon gardé sur ce navigateur à \d{1,2} h \d{2}/);

  // Later, on the same browser: the draft is back as it was left.
  await page.reload();
  await expect(form.getByText(/Brouillon du .+ repris\./)).toBeVisible();
  await expect(form.getByRole('radio', { name: 'Non, il manque des éléments' })).toBeChecked();
  await expect(form.getByLabel(/^Éléments manquants/)).toHaveValue("Le procès-verbal de l'assemblée générale");
  await lookAt(page, 'comite-04-decision-brouillon', form);

  await form.getByRole('radio', { name: 'Oui, le dossier est complet' }).check();
  await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
  const confirm = page.getByRole('dialog', { name: 'Enregistrer cette décision ?' });
  await expect(
    confirm.getByText(/^Oui, le dossier est complet — une décision enregistrée ne peut plus être modifiée\.$/),
  ).toBeVisible();
  await confirm.getByRole('button', { name: 'Confirmer la décision' }).click();

  // Completeness recorded (read-only), admissibility next in the same session.
  const decisions = page.getByRole('region', { name: /^Décisions du comité de validation/ });
  await expect(decisions.getByText(/^Complétude du dossier : dossier complet, le /)).toBeVisible();
  const admissibility = page.getByRole('form', { name: "Statuer sur l'admissibilité du dossier" });
  await admissibility.getByRole('radio', { name: 'Admissible', exact: true }).check();
  await admissibility.getByLabel(/^Motivation de la décision/).fill('Dossier admissible.');

  // Meanwhile another member records it: this one is refused, and says why.
  const committee = await as(request, 'committee');
  await committee.post(`/candidacies/${candidacyId}/decisions/admissibility`, {
    admissible: true,
    sessionId: agendaSession,
    motivation: 'Dossier admissible, engagements réalistes.',
  });
  await admissibility.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirmer la décision' }).click();
  const refusal = admissibility.getByRole('alert');
  await expect(refusal).toContainText("La décision n'a pas été enregistrée");
  await expect(refusal).not.toContainText(/[A-Z_]{4,}\.[A-Z_]{4,}/); // a sentence, not a code
  await lookAt(page, 'comite-05-decision-refusee', admissibility);

  await page.reload();
  await expect(page.getByRole('form')).toHaveCount(0);
  await expect(decisions.getByText(/^Admissibilité : dossier admissible, le /)).toBeVisible();
  await expect(decisions.getByText('Motivation : Dossier admissible, engagements réalistes.')).toBeVisible();
});

test('the visitor files the visit report, engagement by engagement', async ({ page, request }) => {
  const coop = await as(request, COOP);
  const federation = await as(request, 'federation');
  await coop.post(`/candidacies/${candidacyId}/readiness`);
  awardSession = await committeeSession(request, 'octroi');
  await federation.post(`/candidacies/${candidacyId}/visit`, {
    visitorId: 'member-visitor',
    visitDate: parisDateOf(new Date().toISOString()),
  });

  await signInAs(page, JEAN);
  await page.getByRole('link', { name: new RegExp(`^Effectuer la visite de ${COOP_NAME}`) }).click();
  await page.getByRole('link', { name: 'Rédiger le compte rendu de visite' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compte rendu de visite' })).toBeVisible();
  await page.getByRole('button', { name: 'Déposer le compte rendu de visite' }).click();
  const first = page.getByRole('radiogroup').first();
  await expect(first).toHaveAccessibleDescription('Indiquez où en est cet engagement.');
  await expect(first.getByRole('radio', { name: 'En bonne voie' })).toBeFocused();

  const groups = page.getByRole('radiogroup');
  const count = await groups.count();
  expect(count).toBeGreaterThanOrEqual(8);
  for (let i = 0; i < count; i++)
    await groups
      .nth(i)
      .getByRole('radio', { name: i === 1 ? 'Partiellement atteint' : 'En bonne voie' })
      .check();
  await page
    .getByLabel(/^Observations de la visite/)
    .fill('Visite du 3 décembre : engagements suivis, un indicateur à consolider.');
  await lookAt(page, 'comite-06-compte-rendu', page.getByRole('main'));
  await page.getByRole('button', { name: 'Déposer le compte rendu de visite' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Candidature — cycle/ })).toBeVisible();
  await expect(page.getByText(/compte rendu de visite/i).first()).toBeVisible();
});

test("the award in the next session; the committee's screens are closed to a cooperative", async ({
  page,
  request,
}) => {
  await awardSession!.close(request);
  await candidacyPage(page, SOPHIE);
  const form = page.getByRole('form', { name: "Décider de l'octroi du label après la visite" });
  await form.getByRole('radio', { name: 'Label octroyé' }).check();
  await form.getByLabel(/^Motivation de la décision/).fill('Engagements tenus, visite concluante.');
  await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirmer la décision' }).click();
  const decisions = page.getByRole('region', { name: /^Décisions du comité de validation/ });
  await expect(decisions.getByText(/^Octroi du label : label octroyé, le /)).toBeVisible();
  await lookAt(page, 'comite-07-label-octroye');

  // A cooperative typing the committee's address gets a page that says no; the API says no too.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await signInAs(page, 'Marc Durand (Provence Logis)');
  await expect(
    page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Séances du comité' }),
  ).toHaveCount(0);
  await page.goto(`./seances/${agendaSession}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Accès non autorisé' })).toBeVisible();
  await expect(
    page.getByText(/^Cette page est réservée aux membres du comité de validation et à l'équipe de la Fédération\./),
  ).toBeVisible();
  await lookAt(page, 'comite-08-acces-refuse');
  const coop = await as(request, COOP);
  const refused = await request.get(`${BROWSER_STACK.apiUrl}/committee-sessions/${agendaSession}/agenda`, {
    headers: coop.headers,
  });
  expect(refused.status()).toBe(403);

  await coop.post(`/candidacies/${candidacyId}/renunciation`, { reason: 'Fin du scénario du comité.' });
});
