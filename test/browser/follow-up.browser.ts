/**
 * The cooperative's journey after its dossier is filed, in order: a complement request answered,
 * the 6-month progress report and the Fédération's advice, readiness and the planned visit, the
 * label with its dates, the mid-term report, and the renewal dossier carried over from the cycle.
 * The other actors (the committee, the Fédération, the visitor) act through the API; the committee
 * sessions are the Fédération's own, moved so that their agenda closes now.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { join } from 'node:path';
import { sampleDossier } from '@qualicoop/domain';
import { as } from './api-actor';
import { sessionFor } from './committee-session';
import { lookAt, signInAs } from './screens';
import { BROWSER_STACK } from './stack';

test.describe.configure({ mode: 'serial' });

const MARC = 'Marc Durand (Provence Logis)';
const COOP = 'coop-provence';
let candidacyId = '';

interface Candidacy {
  id: string;
  stage: string;
  state: { agenda?: { sessionId: string; closed: boolean } };
}

/** A session of the Fédération's own for this test's candidacy (see committee-session.ts). */
const committeeSession = (request: APIRequestContext, name: string) => sessionFor(request, name, () => candidacyId);

const decision = (sessionId: string) => ({ sessionId, motivation: 'Décision motivée du comité de validation.' });

async function openCandidacy(page: Page) {
  await signInAs(page, MARC);
  await page.goto(`./candidatures/${candidacyId}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Candidature — cycle/ })).toBeVisible();
}

test('a complement request: what the committee asks, by when, answered from the dossier', async ({ page, request }) => {
  const coop = await as(request, COOP);
  const session = await committeeSession(request, 'complement');
  const opened = (await coop.post('/candidacies', { cooperativeId: COOP })) as Candidacy;
  candidacyId = opened.id;
  const letter = await coop.uploadLetter(candidacyId);
  await coop.put(`/candidacies/${candidacyId}/dossier`, sampleDossier(letter.id));
  await coop.post(`/candidacies/${candidacyId}/submission`);
  const committee = await as(request, 'committee');
  await committee.post(`/candidacies/${candidacyId}/decisions/completeness`, {
    complete: false,
    missing: ["Le procès-verbal de l'assemblée générale qui a validé la démarche"],
    ...decision(await session.close()),
  });

  await openCandidacy(page);
  const alert = page.getByRole('alert').or(page.locator('.mantine-Alert-root')).filter({
    hasText: "Le comité de validation demande un complément d'informations",
  });
  await expect(alert.getByText("Le procès-verbal de l'assemblée générale qui a validé la démarche")).toBeVisible();
  await expect(alert.getByText(/^À fournir au plus tard le \S+ \S+ \d{4}\.$/)).toBeVisible();
  await lookAt(page, '15-complement-demande', alert);

  await committeeSession(request, 'admissibilite').then(async (next) => {
    await alert.getByRole('link', { name: 'Répondre à la demande de complément' }).click();
    await expect(page.getByText(/Le comité de validation demande : Le procès-verbal/)).toBeVisible();
    const statement = page.getByLabel(/Comment avez-vous informé l'équipe et les coopérateurs/);
    await statement.fill(
      `${await statement.inputValue()} Le procès-verbal de l'assemblée générale du 12 mai est joint au dossier.`,
    );
    await lookAt(
      page,
      '16-complement-reponse',
      page.getByRole('region', { name: "Démarche d'association de l'équipe et des coopérateurs" }),
    );
    await page.getByRole('button', { name: 'Envoyer le dossier complété' }).click();
    await expect(
      page.getByText(/^La coopérative répond à la demande de complément \(version 2 du dossier\)\.$/),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Répondre à la demande de complément' })).toHaveCount(0);

    const admissibility = decision(await next.close());
    await committee.post(`/candidacies/${candidacyId}/decisions/completeness`, { complete: true, ...admissibility });
    await committee.post(`/candidacies/${candidacyId}/decisions/admissibility`, { admissible: true, ...admissibility });
  });
});

test('the 6-month progress report: a value left out is pointed at, then filed, then the advice read', async ({
  page,
  request,
}) => {
  await openCandidacy(page);
  const checkpoints = page.getByRole('region', { name: "Points d'étape" });
  await expect(checkpoints.getByText(/Point d'étape à 6 mois : bilan à déposer au plus tard le/)).toBeVisible();
  await checkpoints.getByRole('link', { name: 'Déposer le bilan à 6 mois' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: "Point d'étape à 6 mois — bilan d'avancement" }),
  ).toBeVisible();
  await expect(
    page.getByText(/Vous recevrez un rappel par courriel 30 jours et 7 jours avant cette date/),
  ).toBeVisible();

  const first = page.getByLabel('Indicateur de suivi A1 (%)');
  await first.fill('46,5');
  await page.getByRole('button', { name: "Déposer le bilan d'avancement" }).click();
  await expect(page.getByText('7 valeurs actuelles manquent : elles sont signalées ci-dessus.')).toBeVisible();
  await expect(page.getByLabel('Indicateur de suivi A2 (%)')).toBeFocused();
  await lookAt(
    page,
    '17-bilan-valeur-manquante',
    page.getByRole('region', { name: 'Valeur actuelle des indicateurs' }),
  );

  // Nothing typed is lost on a reload.
  await page.reload();
  await expect(first).toHaveValue('46,5');
  for (const id of ['A2', 'A4', 'B1', 'B2', 'C1', 'C3', 'C5'])
    await page.getByLabel(`Indicateur de suivi ${id} (%)`).fill('45');
  await page
    .getByLabel("État de l'action « Mettre en place un comité de suivi trimestriel »")
    .selectOption('in_progress');
  await page
    .getByLabel('Commentaire')
    .fill('Le comité de suivi se réunit depuis mars ; les premiers résultats sont encourageants.');

  // A colleague has the same report open in another tab: once it is filed here, theirs is refused
  // in French, next to the button, and what they typed stays in the form.
  const colleague = await page.context().newPage();
  await signInAs(colleague, MARC);
  await colleague.goto(page.url());
  await colleague.getByLabel('Indicateur de suivi C5 (%)').fill('47');
  await page.getByRole('button', { name: "Déposer le bilan d'avancement" }).click();
  await expect(checkpoints.getByText(/bilan déposé le .* ; avis de la Fédération en attente\./)).toBeVisible();
  await colleague.getByRole('button', { name: "Déposer le bilan d'avancement" }).click();
  const refused = colleague.getByRole('alert').filter({ hasText: "Le bilan n'a pas été déposé" });
  await expect(refused).toContainText("Le bilan du point d'étape à 6 mois a déjà été déposé");
  await expect(colleague.getByLabel('Indicateur de suivi C5 (%)')).toHaveValue('47');
  await lookAt(colleague, '18a-bilan-deja-depose', refused);
  await colleague.close();

  const federation = await as(request, 'federation');
  await federation.post(`/candidacies/${candidacyId}/checkpoints/6/advice`, {
    advice: 'Bon démarrage : pensez à associer les locataires au comité de suivi.',
  });
  await page.reload();
  await checkpoints.getByRole('link', { name: 'Voir le bilan à 6 mois' }).click();
  await expect(page.getByText('A1 — Indicateur de suivi A1 : 46,5')).toBeVisible();
  await expect(page.getByText('Mettre en place un comité de suivi trimestriel : en cours')).toBeVisible();
  await expect(
    page.getByText(/^Bon démarrage : pensez à associer les locataires au comité de suivi\. \(le /),
  ).toBeVisible();
  await lookAt(page, '18-bilan-avis-federation');
});

test('readiness for the visit, then the visit date and the visitor', async ({ page, request }) => {
  await openCandidacy(page);
  await page.getByRole('button', { name: 'Déclarer la coopérative prête pour la visite' }).click();
  const dialog = page.getByRole('dialog', { name: 'Déclarer la coopérative prête pour la visite ?' });
  await dialog.getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.getByText('visite à planifier', { exact: true })).toBeVisible();

  const federation = await as(request, 'federation');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  await federation.post(`/candidacies/${candidacyId}/visit`, { visitorId: 'member-visitor', visitDate: today });
  await page.reload();
  await expect(
    page.getByText(/^La visite de Jean Petit, membre du comité de validation, est prévue le /),
  ).toBeVisible();
  await lookAt(page, '19-visite-planifiee');
});

test('the label: its dates, the mid-term report, and the renewal dossier carried over from the cycle', async ({
  page,
  request,
}) => {
  const session = await committeeSession(request, 'octroi');
  const visitor = await as(request, 'visitor');
  await visitor.post(`/candidacies/${candidacyId}/visit-report`, {
    findingsSummary: 'Les équipes sont mobilisées et les engagements suivis.',
    findings: { A1: 'on_track', B1: 'partly' },
  });
  const committee = await as(request, 'committee');
  await committee.post(`/candidacies/${candidacyId}/decisions/award`, {
    outcome: 'granted',
    ...decision(await session.close()),
  });

  await openCandidacy(page);
  const label = page.getByRole('region', { name: "Label Quali'Coop — cycle 1" });
  await expect(label.getByText(/^Label octroyé le .*, valable du .* au \S+ \S+ \d{4}\.$/)).toBeVisible();
  await expect(
    label.getByText(
      /Renouvellement : à demander entre le .* et le .* ; le dossier de renouvellement peut se préparer dès maintenant\./,
    ),
  ).toBeVisible();
  await lookAt(page, '20-label', label);

  await label.getByRole('link', { name: 'Déposer le bilan à mi-parcours' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bilan à mi-parcours du label' })).toBeVisible();
  for (const id of ['A1', 'A2', 'A4', 'B1', 'B2', 'C1', 'C3', 'C5'])
    await page.getByLabel(`Indicateur de suivi ${id} (%)`).fill('52');
  await page.getByLabel("État de l'action « Mettre en place un comité de suivi trimestriel »").selectOption('done');
  await lookAt(page, '21-bilan-mi-parcours');
  await page.getByRole('button', { name: 'Déposer le bilan à mi-parcours' }).click();
  await expect(
    label.getByText(/Bilan à mi-parcours : déposé le .* ; en attente de l'examen du comité\./),
  ).toBeVisible();

  await label.getByRole('link', { name: 'Préparer le dossier de renouvellement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dossier de renouvellement — cycle 2' })).toBeVisible();
  // Carried over: the engagements, and each indicator's result today at its latest reported value.
  await expect(page.getByRole('checkbox', { name: /^A1 — / })).toBeChecked();
  const a1 = (field: string) => page.locator(`#champ-engagements-0-indicators-0-${field}`);
  await expect(a1('baseline-value')).toHaveValue('52');
  await a1('target-value').fill('70');
  await expect(page.getByText(/^Enregistré à \d{1,2} h \d{2}$/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Demander le renouvellement' })).toBeDisabled();
  await expect(page.getByText(/La demande de renouvellement pourra être envoyée à partir du/)).toBeVisible();
  await lookAt(page, '22-dossier-renouvellement');
  // The whole editor is long: its top (what is carried over) and its end (the request), as seen.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(BROWSER_STACK.screenshots, '22-dossier-renouvellement-debut.png') });
  await page.getByRole('button', { name: 'Demander le renouvellement' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(BROWSER_STACK.screenshots, '22-dossier-renouvellement-fin.png') });

  await page.reload();
  await expect(a1('target-value')).toHaveValue('70');
  const coop = await as(request, COOP);
  const current = (await coop.get(`/candidacies/${candidacyId}/dossier`)) as { dossier: any };
  expect(current.dossier.engagements[0].indicators[0].target.value).toBe(60); // the label's own dossier is kept
});
