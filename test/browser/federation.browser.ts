/**
 * The Fédération's side: the list of candidacies with its filters (kept in the address), its
 * inbox with saved filters and CSV, the indicators with their charts, a candidacy's page with the advice on a checkpoint report, the answer to a help request and the
 * link to its workflow in the Temporal UI, then the visit planned with a committee member. The
 * cooperative and the committee act through the API; the candidacy ends withdrawn, so the
 * journeys after this one can open theirs.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { formatDateFr, parisDateOf, sampleDossier } from '@qualicoop/domain';
import { as } from './api-actor';
import { sessionFor } from './committee-session';
import { lookAt, signInAs } from './screens';

test.describe.configure({ mode: 'serial' });

const FEDERATION = 'Équipe de la Fédération';
const COOP = 'coop-provence';
const COOP_NAME = "Provence Logis Coop'HLM";
let candidacyId = '';

test('the list of candidacies, filtered by cooperative and stage, leads to the candidacy', async ({
  page,
  request,
}) => {
  const coop = await as(request, COOP);
  const session = await sessionFor(request, 'federation', () => candidacyId);
  candidacyId = (await coop.post('/candidacies', { cooperativeId: COOP })).id;
  const letter = await coop.uploadLetter(candidacyId);
  await coop.put(`/candidacies/${candidacyId}/dossier`, sampleDossier(letter.id));
  await coop.post(`/candidacies/${candidacyId}/submission`);
  const decision = { sessionId: await session.close(), motivation: 'Décision du comité de validation.' };
  const committee = await as(request, 'committee');
  await committee.post(`/candidacies/${candidacyId}/decisions/completeness`, { complete: true, ...decision });
  await committee.post(`/candidacies/${candidacyId}/decisions/admissibility`, { admissible: true, ...decision });
  await coop.post(`/candidacies/${candidacyId}/checkpoints/6/report`, {
    indicators: [{ engagementId: 'A1', indicatorName: 'Indicateur de suivi A1', value: 48 }],
    actions: [{ action: 'Mettre en place un comité de suivi trimestriel', status: 'in_progress' }],
    comment: 'Premier semestre conforme au plan.',
  });
  await coop.post(`/candidacies/${candidacyId}/help-requests`, { question: 'Comment mesurer l’indicateur C3 ?' });

  await signInAs(page, FEDERATION);
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Candidatures' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Candidatures' })).toBeVisible();
  const filters = page.getByRole('form', { name: 'Filtrer les candidatures' });
  await filters.getByRole('combobox', { name: 'Coopérative' }).click();
  await page.getByRole('option', { name: COOP_NAME }).click();
  await filters.getByRole('combobox', { name: 'Étape' }).click();
  await page.getByRole('option', { name: 'Période de mise en œuvre' }).click();
  await expect(page).toHaveURL(/cooperative=coop-provence/);
  await expect(page.getByRole('status')).toHaveText("1 candidature, de l'échéance la plus proche à la plus lointaine.");
  const row = page.getByRole('row').filter({ hasText: COOP_NAME });
  await lookAt(page, 'federation-01-candidatures');

  // The filters are in the address: the same list comes back from a bookmark.
  await page.reload();
  await expect(page.getByRole('status')).toHaveText("1 candidature, de l'échéance la plus proche à la plus lointaine.");
  await row.getByRole('link', { name: COOP_NAME }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Candidature — cycle 1/ })).toBeVisible();
});

test('the inbox narrowed to one cooperative, kept as a saved filter and taken away as CSV', async ({ page }) => {
  await signInAs(page, FEDERATION);
  await expect(page.getByRole('heading', { level: 1, name: 'Mes tâches' })).toBeVisible();
  const filters = page.getByRole('form', { name: 'Filtrer les tâches' });
  await filters.getByRole('combobox', { name: 'Coopérative' }).click();
  await page.getByRole('option', { name: COOP_NAME }).click();
  await expect(page).toHaveURL(/\?cooperative=coop-provence$/);
  const tasks = page.getByRole('table');
  await expect(
    tasks.getByRole('link', { name: /Donner un avis sur le bilan du point d'étape à 6 mois/ }),
  ).toBeVisible();
  await expect(tasks.getByRole('link', { name: /Comment mesurer l’indicateur C3 \?/ })).toBeVisible();
  await expect(tasks.getByRole('row').filter({ hasNotText: COOP_NAME })).toHaveCount(1); // the header only

  // A name is asked for before saving; then the filter is a link that brings this list back.
  const save = page.getByRole('form', { name: 'Enregistrer les filtres' });
  await save.getByRole('button', { name: 'Enregistrer ces filtres' }).click();
  await expect(save.getByLabel('Nom du filtre')).toHaveAccessibleDescription(/^Donnez un nom à ce filtre\./);
  await expect(save.getByLabel('Nom du filtre')).toBeFocused();
  await save.getByLabel('Nom du filtre').fill('Provence');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Le filtre « Provence » est enregistré.')).toBeVisible();
  await lookAt(page, 'federation-01b-taches-filtrees');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger ces tâches (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('quali-coop-taches.csv');
  const csv = (await readFile(await file.path()))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');
  expect(csv[0]).toBe('Coopérative;Coopérative (id);Candidature (id);Étape;À faire;Échéance;Heure (Paris);En retard');
  expect(csv.slice(1, -1).length).toBeGreaterThanOrEqual(2);
  expect(csv.slice(1, -1).every((l) => l.startsWith(`${COOP_NAME};${COOP};${candidacyId};`))).toBe(true);

  // The address changes first, then the box shows it (a router transition): click, then wait for it.
  await filters.getByLabel('En retard seulement').click();
  await expect(filters.getByLabel('En retard seulement')).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: 'tâche' })).toHaveText(
    'Aucune tâche ne correspond à ces filtres.',
  );

  // Back to every task, then the saved filter again, from the keyboard.
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Mes tâches' }).click();
  await expect(page).toHaveURL(/\/console\/?$/);
  const saved = page.getByRole('region', { name: 'Filtres enregistrés' }).getByRole('link', { name: 'Provence' });
  await saved.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?cooperative=coop-provence$/);
  await expect(filters.getByRole('combobox', { name: 'Coopérative' })).toHaveValue(COOP_NAME);
  await page.getByRole('button', { name: 'Supprimer le filtre « Provence »' }).click();
  await expect(page.getByText('Aucun filtre enregistré sur ce navigateur.')).toBeVisible();
});

test('the indicators: each chart drawn with its table beside it, the practices taken away as CSV', async ({
  page,
  request,
}) => {
  await signInAs(page, FEDERATION);
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Indicateurs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indicateurs de la démarche' })).toBeVisible();
  const kpis = (await (await as(request, 'federation')).get('/kpis')) as {
    engagementRate: { engaged: number; activeCooperatives: number };
  };
  const engagement = page.getByRole('region', { name: "Taux d'engagement" });
  await expect(engagement).toContainText(
    `(${kpis.engagementRate.engaged} sur ${kpis.engagementRate.activeCooperatives}) ; l'objectif est de 80 % en trois ans.`,
  );
  const month = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(
    new Date(),
  );
  await expect(
    engagement.getByRole('table', { name: "Taux d'engagement à la fin de chaque mois" }).getByRole('row').nth(1),
  ).toContainText(month.charAt(0).toUpperCase() + month.slice(1));

  // Each chart is drawn (an SVG with its bars or line), and hidden from screen readers, which read the table.
  for (const [region, table] of [
    ["Taux d'engagement", "Taux d'engagement à la fin de chaque mois"],
    ['Candidatures par étape', 'Candidatures par étape'],
    ["Temps passé dans l'étape", "Durée médiane dans l'étape actuelle"],
    ['Charge du comité par séance', "Dossiers à l'ordre du jour de chaque séance"],
    ['Pratiques des coopératives', 'Engagements choisis et indicateurs utilisés'],
  ]) {
    const section = page.getByRole('region', { name: region });
    await expect(section.locator('[aria-hidden="true"] svg.recharts-surface')).toBeVisible();
    await expect(section.getByRole('table', { name: table })).toBeVisible();
  }
  // A bar for the stage of this file's candidacy (empty stages draw none).
  await expect(
    page
      .getByRole('region', { name: 'Candidatures par étape' })
      .locator('.recharts-bar-rectangle')
      .filter({ visible: true })
      .first(),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Pratiques des coopératives' }).getByRole('row', { name: /^A1 — / }),
  ).toBeVisible();
  await lookAt(page, 'federation-07-indicateurs');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger les pratiques (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('quali-coop-pratiques.csv');
  expect((await readFile(await file.path())).toString('utf8')).toMatch(/^\uFEFFCoopérative \(id\);Coopérative;/);
});

test('the advice on the 6-month report and the answer to a question; the workflow one click away', async ({ page }) => {
  await signInAs(page, FEDERATION);
  await page.goto(`./candidatures/${candidacyId}`);
  const advice = page.getByRole('region', { name: 'Avis sur le bilan à 6 mois' });
  await advice.getByRole('button', { name: "Envoyer l'avis" }).click();
  await expect(advice.getByLabel(/^Avis de la Fédération sur le bilan à 6 mois/)).toHaveAccessibleDescription(
    'Écrivez votre texte avant de l’envoyer.',
  );
  const temporalUi = page.getByRole('link', { name: /Ouvrir son historique dans l'interface Temporal/ });
  await expect(temporalUi).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+\/namespaces\/default\/workflows\/.+/);
  await lookAt(page, 'federation-02-candidature');

  await advice
    .getByLabel(/^Avis de la Fédération sur le bilan à 6 mois/)
    .fill('Bon démarrage ; précisez la valeur cible de C3.');
  await advice.getByRole('button', { name: "Envoyer l'avis" }).click();
  await expect(page.getByRole('region', { name: 'Avis sur le bilan à 6 mois' })).toHaveCount(0);
  await expect(
    page.getByRole('region', { name: "Points d'étape" }).getByText(/bilan déposé le .+ ; avis de la Fédération reçu\./),
  ).toBeVisible();

  const questions = page.getByRole('region', { name: 'Questions de la coopérative' });
  await expect(questions.getByText(/Comment mesurer l’indicateur C3 \?$/)).toBeVisible();
  await questions
    .getByLabel(/^Réponse de la Fédération/)
    .fill('Rapportez le nombre de logements rénovés au parc total.');
  await questions.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(page.getByRole('region', { name: 'Questions de la coopérative' })).toHaveCount(0);
});

test('the visit planned with a committee member, then moved', async ({ page, request }) => {
  const coop = await as(request, COOP);
  await coop.post(`/candidacies/${candidacyId}/readiness`);
  await signInAs(page, FEDERATION);
  await page.goto(`./candidatures/${candidacyId}`);
  const visit = page.getByRole('form', { name: 'Planifier la visite' });
  await visit.getByRole('button', { name: 'Planifier la visite' }).click();
  await expect(visit.getByRole('combobox', { name: /^Membre du comité chargé de la visite/ })).toBeFocused();
  await expect(visit.getByText('Indiquez la date de la visite.')).toBeVisible();

  await visit.getByRole('combobox', { name: /^Membre du comité chargé de la visite/ }).click();
  await page.getByRole('option', { name: 'Jean Petit' }).click();
  await visit.getByLabel(/^Date de la visite/).fill(parisDateOf(new Date(Date.now() + 7 * 86_400_000).toISOString()));
  await lookAt(page, 'federation-03-visite', visit);
  await visit.getByRole('button', { name: 'Planifier la visite' }).click();

  const moved = page.getByRole('form', { name: 'Déplacer la visite' });
  await expect(moved.getByText(/^La visite de Jean Petit est prévue le \d{1,2}(er)? \S+ \d{4}\.$/)).toBeVisible();
  await coop.post(`/candidacies/${candidacyId}/withdrawal`, { reason: 'Fin du scénario de la Fédération.' });
});

test('the register: a cooperative registered, its id refused a second time, deactivated, reactivated, its contact changed', async ({
  page,
}) => {
  const name = `Coop'HLM de Bretagne ${Date.now() % 100_000}`;
  const id = `coop-bretagne-${Date.now() % 100_000}`;
  await signInAs(page, FEDERATION);
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Coopératives' }).click();
  const form = page.getByRole('form', { name: 'Inscrire une coopérative' });
  await form.getByRole('button', { name: 'Inscrire la coopérative' }).click();
  await expect(form.getByLabel(/^Nom de la coopérative/)).toBeFocused();
  await expect(form.getByLabel(/^Nom de la coopérative/)).toHaveAccessibleDescription(
    'Nom de la coopérative : à renseigner.',
  );

  const fill = async () => {
    await form.getByLabel(/^Nom de la coopérative/).fill(name);
    await form.getByLabel(/^Région/).fill('Bretagne');
    await form.getByLabel(/^Courriel de contact/).fill('contact@bretagne.example');
    await form.getByLabel(/^Identifiant/).fill(id);
    await form.getByRole('button', { name: 'Inscrire la coopérative' }).click();
  };
  await fill();
  await expect(form.getByRole('status')).toHaveText(`${name} est inscrite au registre.`);
  const row = page.getByRole('row').filter({ hasText: name });
  await row.getByRole('button', { name: `Désactiver ${name}` }).click();
  await expect(row.getByText('Inactive')).toBeVisible();
  await lookAt(page, 'federation-04-registre');

  await fill();
  await expect(form.getByRole('alert')).toContainText("La coopérative n'a pas été inscrite");
  await row.getByRole('button', { name: `Réactiver ${name}` }).click();
  await expect(row.getByText('Active', { exact: true })).toBeVisible();

  // Its contact details changed in a dialog: an address the API refuses is pointed at, then fixed.
  await row.getByRole('button', { name: `Modifier les coordonnées de ${name}` }).click();
  const contact = page.getByRole('dialog', { name: `Coordonnées de ${name}` });
  await contact.getByLabel(/^Courriel de contact/).fill('direction-at-bretagne');
  await contact.getByRole('button', { name: 'Enregistrer les coordonnées' }).click();
  await expect(contact.getByLabel(/^Courriel de contact/)).toHaveAccessibleDescription(/^Adresse invalide\. /);
  await expect(contact.getByLabel(/^Courriel de contact/)).toBeFocused();
  await lookAt(page, 'federation-04b-coordonnees', contact);
  await contact.getByLabel(/^Courriel de contact/).fill('direction@bretagne.example');
  await page.keyboard.press('Enter');
  await expect(contact).toHaveCount(0);
  await expect(page.getByText(`Les coordonnées de ${name} sont enregistrées.`)).toBeVisible();
  await expect(row.getByText('direction@bretagne.example')).toBeVisible();
});

test('the calendar: a session added, then moved from its agenda', async ({ page }) => {
  const inDays = (n: number) => parisDateOf(new Date(Date.now() + n * 86_400_000).toISOString());
  await signInAs(page, FEDERATION);
  await page
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('link', { name: 'Séances du comité' })
    .click();
  const add = page.getByRole('form', { name: 'Ajouter une séance' });
  await add.getByLabel(/^Date de la séance/).fill(inDays(400));
  await add.getByLabel(/^Heure/).fill('14:30');
  await add.getByRole('button', { name: 'Ajouter la séance' }).click();
  await expect(add.getByRole('status')).toHaveText(
    /^La séance du .+ à 14 h 30 est ajoutée ; son ordre du jour sera clos le .+\.$/,
  );
  await lookAt(page, 'federation-05-calendrier');

  const row = page.getByRole('row').filter({ hasText: `${formatDateFr(inDays(400))} à 14 h 30` });
  await row.getByRole('link').click();
  const move = page.getByRole('form', { name: /^Déplacer la séance du / });
  await move.getByLabel(/^Date de la séance/).fill(inDays(401));
  await move.getByRole('button', { name: 'Déplacer la séance' }).click();
  await expect(move.getByRole('status')).toHaveText(
    /^La séance est déplacée au .+ à 14 h 30 ; aucune candidature ne figurait à son ordre du jour\.$/,
  );
  await lookAt(page, 'federation-06-deplacer-seance');
});
