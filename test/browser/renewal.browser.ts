/**
 * The renewal request, sent from the console the moment the window opens, then the renewed label
 * renounced. Under the demo policy (in this stack a month lasts 3 s) the label's 36 months pass
 * in under two minutes: the committee
 * and the visitor act through the API, the cooperative through the browser.
 */
import { expect, test } from '@playwright/test';
import { renewalWindowOpensAt, sampleDossier, type CandidacyState } from '@qualicoop/domain';
import { as, withdrawOpenCandidacies } from './api-actor';
import { lookAt, signedInPage, signInAs } from './screens';

const CLAIRE = 'Claire Martin (Atlantique Habitat)';
const COOP = 'coop-atlantique';

interface Candidacy {
  id: string;
  cycle: number;
  stage: string;
  state: CandidacyState;
}

test('the renewal is requested from the console as soon as its window opens, renewed, then renounced', async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(300_000);
  await withdrawOpenCandidacies(request, COOP);
  const coop = await as(request, COOP);
  const committee = await as(request, 'committee');
  const candidacy = (await coop.post('/candidacies', { cooperativeId: COOP, policy: 'demo' })) as Candidacy;
  const path = `/candidacies/${candidacy.id}`;
  const letter = await coop.uploadLetter(candidacy.id);
  await coop.put(`${path}/dossier`, sampleDossier(letter.id));
  await coop.post(`${path}/submission`);
  /** Waits for the candidacy's agenda to close (demo sessions come every three demo months). */
  const closedAgenda = async (): Promise<string> => {
    let sessionId = '';
    await expect
      .poll(
        async () => {
          const c = (await committee.get(path)) as Candidacy;
          sessionId = c.state.agenda?.sessionId ?? '';
          return c.state.agenda?.closed === true;
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    return sessionId;
  };
  const decision = async () => ({ sessionId: await closedAgenda(), motivation: 'Décision motivée du comité.' });
  const admission = await decision();
  await committee.post(`${path}/decisions/completeness`, { complete: true, ...admission });
  await committee.post(`${path}/decisions/admissibility`, { admissible: true, ...admission });
  await coop.post(`${path}/readiness`);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  await (await as(request, 'federation')).post(`${path}/visit`, { visitorId: 'member-visitor', visitDate: today });
  await (await as(request, 'visitor')).post(`${path}/visit-report`, { findingsSummary: 'Engagements tenus.' });
  await committee.post(`${path}/decisions/award`, { outcome: 'granted', ...(await decision()) });
  const report = {
    indicators: [{ engagementId: 'A1', indicatorName: 'Indicateur de suivi A1', value: 58 }],
    comment: '',
  };
  await coop.post(`${path}/mid-term-report`, report);
  const labelled = (await committee.post(`${path}/decisions/mid-term`, {
    outcome: 'confirmed',
    ...(await decision()),
  })) as Candidacy;
  expect(labelled.stage).toBe('labelled');
  const opensAt = Date.parse(renewalWindowOpensAt(labelled.state.label!, labelled.state));
  expect(opensAt).toBeGreaterThan(Date.now() + 10_000); // the page is open before the window

  await signInAs(page, CLAIRE);
  await page.goto(`./candidatures/${candidacy.id}/renouvellement`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dossier de renouvellement — cycle 2' })).toBeVisible();
  const request_ = page.getByRole('button', { name: 'Demander le renouvellement' });
  await expect(request_).toBeDisabled();
  await expect(page.getByText(/La demande de renouvellement pourra être envoyée à partir du/)).toBeVisible();
  // The page left open sees the window open: the button becomes usable without a reload.
  await expect(request_).toBeEnabled({ timeout: opensAt - Date.now() + 15_000 });
  await request_.click();
  await expect(page.getByRole('heading', { level: 1, name: /^Candidature — cycle 1/ })).toBeVisible();
  await expect(page.getByText('renouvellement demandé', { exact: true })).toBeVisible();
  const label = page.getByRole('region', { name: "Label Quali'Coop — cycle 1" });
  await expect(label.getByText(/Renouvellement : demandé le .* ; le comité de validation l'examinera/)).toBeVisible();
  await lookAt(page, '23-renouvellement-demande', label);

  // A committee member, in a browser of their own, reads the renewal dossier beside the one the
  // label was granted on: A1's result now is the value of the mid-term report.
  const member = await signedInPage(browser, 'Sophie Bernard (comité de validation)');
  await member.goto(`./candidatures/${candidacy.id}/renouvellement`);
  await expect(
    member.getByText('Ce dossier accompagne la demande de renouvellement : il est affiché en lecture seule.'),
  ).toBeVisible();
  const a1 = member.getByRole('region', { name: /^Engagement A1 — / });
  await expect(a1.getByRole('columnheader', { name: 'Au cycle précédent' })).toBeVisible();
  const indicator = a1.getByRole('row', { name: /Indicateur de suivi A1/ });
  await expect(indicator.getByRole('cell').nth(1)).toHaveText(/^58 % au /);
  await expect(indicator.getByRole('cell').nth(3)).toHaveText(
    "40 % au 30 juin 2026 ; cible 60 % d'ici le 30 juin 2028",
  );
  await lookAt(member, '23b-renouvellement-lu-par-le-comite', a1);
  await member.context().close();

  await committee.post(`${path}/decisions/renewal`, { outcome: 'renewed', ...(await decision()) });
  await expect.poll(async () => ((await coop.get(path)) as Candidacy).cycle, { timeout: 30_000 }).toBe(2);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Candidature — cycle 2' })).toBeVisible();
  await expect(page.getByRole('region', { name: "Label Quali'Coop — cycle 2" })).toBeVisible();
  await expect(page.getByText('Le cycle 2 commence avec le label renouvelé.')).toBeVisible();
  await lookAt(page, '24-label-renouvele');

  // Renouncing the label: a confirmation that says what it ends, a reason, then the label is gone.
  await page.getByRole('button', { name: 'Renoncer au label' }).click();
  const dialog = page.getByRole('dialog', { name: 'Renoncer au label ?' });
  await expect(dialog.getByText(/^La renonciation met fin au label Quali'Coop de votre coopérative/)).toBeVisible();
  await dialog.getByLabel('Pourquoi renoncez-vous au label ?').fill('La coopérative fusionne avec une autre.');
  await lookAt(page, '26-renonciation-confirmation', dialog);
  await dialog.getByRole('button', { name: 'Confirmer la renonciation' }).click();
  await expect(page.getByText('label abandonné', { exact: true })).toBeVisible();
  await expect(page.getByText('La coopérative fusionne avec une autre.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Renoncer au label' })).toHaveCount(0);
});
