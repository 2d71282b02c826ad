/**
 * The console's acceptance test: a whole cycle driven through the console alone, by three people
 * each in a browser of their own — the cooperative (Claire), the committee (Sophie, who also
 * visits) and the Fédération — under the demo policy (in this stack a month lasts 3 s): open,
 * dossier, submission, completeness, admissibility, the 6-month report and its advice, readiness,
 * the visit planned and reported, the award, the mid-term report and decision, the renewal
 * requested and granted, and cycle 2 begun.
 *
 * The API is read only to wait for time to pass (an agenda closing, the renewal window opening):
 * every action is a person's, in the console. The calendar a candidacy runs on is the Fédération's
 * setting, not a cooperative's choice, so the console never offers it: the cooperative's click on
 * « Ouvrir une candidature » is sent as it is, with the demo policy added on its way to the API.
 */
import { expect, test, type Page } from '@playwright/test';
import { parisDateOf, renewalWindowOpensAt, type CandidacyState } from '@qualicoop/domain';
import { as, withdrawOpenCandidacies } from './api-actor';
import { writeCompleteDossier } from './dossier-steps';
import { lookAt, signedInPage, signInAs } from './screens';

const CLAIRE = 'Claire Martin (Atlantique Habitat)';
const SOPHIE = 'Sophie Bernard (comité de validation)';
const FEDERATION = 'Équipe de la Fédération';
const COOP = 'coop-atlantique';
const COOP_NAME = "Coop'HLM Atlantique Habitat";
const INDICATORS = ['A1', 'A2', 'A4', 'B1', 'B2', 'C1', 'C3', 'C5'].map((id) => `Taux de satisfaction (${id}) (%)`);

interface Candidacy {
  id: string;
  cycle: number;
  stage: string;
  closed: boolean;
  state: CandidacyState;
}

test('a whole cycle through the console: three people, from the dossier to the renewed label', async ({
  page: coop,
  request,
  browser,
}) => {
  test.setTimeout(420_000);
  await withdrawOpenCandidacies(request, COOP);

  const committee = await signedInPage(browser, SOPHIE);
  const federation = await signedInPage(browser, FEDERATION);
  const watcher = await as(request, 'federation');
  let id = '';
  const candidacy = async () => (await watcher.get(`/candidacies/${id}`)) as Candidacy;
  /** Waits until the candidacy is in `stage` with its agenda closed: the committee may decide. */
  const agendaClosed = async (stage: string) =>
    expect
      .poll(
        async () => {
          const c = await candidacy();
          return `${c.stage}:${c.state.agenda?.closed === true}`;
        },
        { timeout: 90_000, intervals: [500] },
      )
      .toBe(`${stage}:true`);
  const candidacyPage = async (page: Page) => {
    await page.goto(`./candidatures/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: /^Candidature — cycle/ })).toBeVisible();
  };
  /** The committee records a decision on the candidacy's page: a choice, a motivation, a confirmation. */
  const decide = async (what: string, choice: string) => {
    await candidacyPage(committee);
    const form = committee.getByRole('form', { name: what });
    await form.getByRole('radio', { name: choice, exact: true }).check();
    await form.getByLabel(/^Motivation de la décision/).fill(`${choice} : décision motivée du comité.`);
    await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await committee.getByRole('dialog').getByRole('button', { name: 'Confirmer la décision' }).click();
    await expect(committee.getByRole('form', { name: what })).toHaveCount(0);
  };
  /** The cooperative fills a progress or mid-term report: every indicator, the action, a comment. */
  const fileReport = async (value: string, submit: string) => {
    for (const label of INDICATORS) await coop.getByLabel(label).fill(value);
    await coop
      .getByLabel("État de l'action « Réunir un comité de suivi chaque trimestre »")
      .selectOption('in_progress');
    const comment = coop.getByLabel('Commentaire');
    if (await comment.isVisible()) await comment.fill('Les actions avancent comme prévu.');
    await coop.getByRole('button', { name: submit }).click();
    await expect(coop.getByRole('heading', { level: 1, name: /^Candidature — cycle/ })).toBeVisible();
  };

  // The cooperative opens its candidacy, writes its dossier and files it.
  await coop.route('**/candidacies', async (route) => {
    const body = route.request().postDataJSON() as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify({ ...body, policy: 'demo' }) });
  });
  await signInAs(coop, CLAIRE);
  await coop.getByRole('button', { name: 'Ouvrir une candidature' }).click();
  await expect(coop.getByRole('heading', { level: 1, name: 'Candidature — cycle 1' })).toBeVisible();
  await coop.unroute('**/candidacies');
  id = coop.url().split('/').pop()!;
  expect((await candidacy()).state.policy.timeScale).toBe('demo');
  await coop.getByRole('link', { name: 'Préparer le dossier de candidature' }).click();
  await writeCompleteDossier(coop);
  await coop.getByRole('button', { name: 'Déposer le dossier' }).click();
  await expect(coop.getByText(/Le dossier de candidature est déposé \(version \d+\)\./)).toBeVisible();

  // The committee finds it among its tasks once the agenda is closed: complete, then admissible.
  await agendaClosed('under_review');
  await committee.goto('./');
  await committee
    .getByRole('link', { name: new RegExp(`^Statuer sur la complétude du dossier de ${COOP_NAME}`) })
    .click();
  await expect(committee.getByRole('form', { name: 'Statuer sur la complétude du dossier' })).toBeVisible();
  await decide('Statuer sur la complétude du dossier', 'Oui, le dossier est complet');
  await decide("Statuer sur l'admissibilité du dossier", 'Admissible');
  await lookAt(committee, 'cycle-01-admissible');

  // Implementation: the 6-month report, the Fédération's advice, then readiness for the visit.
  await candidacyPage(coop);
  await coop
    .getByRole('region', { name: "Points d'étape" })
    .getByRole('link', { name: 'Déposer le bilan à 6 mois' })
    .click();
  await fileReport('45', "Déposer le bilan d'avancement");
  await federation.goto('./');
  await federation
    .getByRole('link', { name: new RegExp(`^Donner un avis sur le bilan du point d'étape à 6 mois de ${COOP_NAME}`) })
    .click();
  const advice = federation.getByRole('region', { name: 'Avis sur le bilan à 6 mois' });
  await advice.getByLabel(/^Avis de la Fédération sur le bilan à 6 mois/).fill('Bon démarrage, continuez ainsi.');
  await advice.getByRole('button', { name: "Envoyer l'avis" }).click();
  await expect(advice).toHaveCount(0);
  await coop.reload();
  await coop.getByRole('button', { name: 'Déclarer la coopérative prête pour la visite' }).click();
  await coop
    .getByRole('dialog', { name: 'Déclarer la coopérative prête pour la visite ?' })
    .getByRole('button', { name: 'Confirmer' })
    .click();
  await expect(coop.getByText('visite à planifier', { exact: true })).toBeVisible();

  // The Fédération plans the visit with Sophie; she visits and files her report.
  await candidacyPage(federation);
  const visit = federation.getByRole('form', { name: 'Planifier la visite' });
  await visit.getByRole('combobox', { name: /^Membre du comité chargé de la visite/ }).click();
  await federation.getByRole('option', { name: 'Sophie Bernard' }).click();
  await visit.getByLabel(/^Date de la visite/).fill(parisDateOf(new Date().toISOString()));
  await visit.getByRole('button', { name: 'Planifier la visite' }).click();
  await expect(federation.getByRole('form', { name: 'Déplacer la visite' })).toBeVisible();
  await committee.goto('./');
  await committee.getByRole('link', { name: new RegExp(`^Effectuer la visite de ${COOP_NAME}`) }).click();
  await committee.getByRole('link', { name: 'Rédiger le compte rendu de visite' }).click();
  const findings = committee.getByRole('radiogroup');
  await expect(findings).toHaveCount(8);
  for (let i = 0; i < 8; i++) await findings.nth(i).getByRole('radio', { name: 'En bonne voie' }).check();
  await committee.getByLabel(/^Observations de la visite/).fill('Engagements suivis, équipes mobilisées.');
  await committee.getByRole('button', { name: 'Déposer le compte rendu de visite' }).click();
  await expect(committee.getByRole('heading', { level: 1, name: /^Candidature — cycle/ })).toBeVisible();

  // The award, at the next session.
  await agendaClosed('award_decision');
  await decide("Décider de l'octroi du label après la visite", 'Label octroyé');
  await candidacyPage(coop);
  const label = coop.getByRole('region', { name: "Label Quali'Coop — cycle 1" });
  await expect(label.getByText(/^Label octroyé le .*, valable du .* au .+\.$/)).toBeVisible(); // demo time: with the hour
  await lookAt(coop, 'cycle-02-label-octroye', label);

  // The mid-term report, and the committee confirms the label.
  await label.getByRole('link', { name: 'Déposer le bilan à mi-parcours' }).click();
  await fileReport('52', 'Déposer le bilan à mi-parcours');
  await agendaClosed('mid_term_review');
  await decide('Confirmer ou retirer le label au point à mi-parcours', 'Label confirmé');

  // The renewal, requested as soon as its window opens, then granted: cycle 2 begins.
  const labelled = await candidacy();
  expect(labelled.stage).toBe('labelled');
  const opensAt = Date.parse(renewalWindowOpensAt(labelled.state.label!, labelled.state));
  await coop.goto(`./candidatures/${id}/renouvellement`);
  const renew = coop.getByRole('button', { name: 'Demander le renouvellement' });
  await expect(renew).toBeEnabled({ timeout: Math.max(0, opensAt - Date.now()) + 20_000 });
  await renew.click();
  await expect(coop.getByText('renouvellement demandé', { exact: true })).toBeVisible();
  await agendaClosed('renewal_requested');
  await decide('Statuer sur la demande de renouvellement du label', 'Label renouvelé');

  await coop.reload();
  await expect(coop.getByRole('heading', { level: 1, name: 'Candidature — cycle 2' })).toBeVisible();
  await expect(coop.getByText('Le cycle 2 commence avec le label renouvelé.')).toBeVisible();
  await lookAt(coop, 'cycle-03-cycle-2');
  await federation.goto(`./candidatures?cooperative=${COOP}`);
  const row = federation.getByRole('row').filter({ hasText: COOP_NAME });
  await expect(row.getByText('Cycle 2')).toBeVisible();
  await lookAt(federation, 'cycle-04-federation-cycle-2');
  await committee.context().close();
  await federation.context().close();
});
