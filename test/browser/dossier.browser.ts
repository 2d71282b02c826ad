/**
 * The dossier editor in a real browser: choosing 8 engagements with their indicators, the
 * involvement statement and the letter, saved as a draft and found again after a reload, the
 * submission rules checked live, a disguised file refused in French, then the filing itself.
 */
import { expect, test, type Page } from '@playwright/test';
import { writeCompleteDossier } from './dossier-steps';
import { lookAt, signInAs } from './screens';

const CLAIRE = 'Claire Martin (Atlantique Habitat)';

async function openEditor(page: Page) {
  await signInAs(page, CLAIRE);
  await expect(page.getByRole('heading', { level: 1, name: 'Ma candidature' })).toBeVisible();
  const open = page.getByRole('button', { name: 'Ouvrir une candidature' });
  const prepare = page.getByRole('link', { name: 'Préparer le dossier de candidature' });
  await expect(open.or(prepare).first()).toBeVisible();
  if (await open.isVisible()) await open.click(); // when this file runs alone
  await prepare.first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dossier de candidature' })).toBeVisible();
}

test('the empty editor lists the 3 axes and 12 engagements with guidance, and what is missing', async ({ page }) => {
  await openEditor(page);
  for (const axis of [
    "Axe A — Notre mission d'intérêt général",
    'Axe B — Notre gouvernance coopérative',
    'Axe C — Notre modèle responsable',
  ])
    await expect(page.getByRole('group', { name: axis })).toBeVisible();
  await expect(page.getByRole('checkbox')).toHaveCount(12);
  await expect(page.getByText('Rendre le logement accessible aux ménages modestes', { exact: false })).toBeVisible();
  const checklist = page.getByRole('region', { name: 'Avant de déposer le dossier' });
  await expect(checklist.getByText('Choisissez au moins 8 engagements sur 12 (0 choisi(s)).')).toBeVisible();
  await expect(checklist.getByText("La lettre d'engagement signée par la direction est obligatoire.")).toBeVisible();
  await lookAt(page, '06-dossier-vide');
  // A point of the checklist leads to its field.
  await checklist
    .getByRole('link', { name: "Choisissez au moins 2 engagements dans l'axe B (gouvernance) (0 choisi(s))." })
    .click();
  await expect(page.getByRole('group', { name: 'Axe B — Notre gouvernance coopérative' })).toBeFocused();
});

test('a complete dossier is written, saved as a draft and found again after a reload', async ({ page }) => {
  await openEditor(page);
  await writeCompleteDossier(page);
  await lookAt(page, '07-dossier-complet', page.getByRole('group', { name: 'A1 — indicateur 1' }));

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dossier de candidature' })).toBeVisible();
  const c3 = page.getByRole('group', { name: 'C3 — indicateur 1' });
  await expect(c3.getByLabel("Nom de l'indicateur")).toHaveValue('Taux de satisfaction (C3)');
  await expect(c3.getByRole('group', { name: 'Résultat actuel' }).getByLabel('Valeur')).toHaveValue('40,5');
  await expect(page.getByText('Le dossier est complet')).toBeVisible();
});

test('a disguised file is refused in French and nothing is attached', async ({ page }) => {
  await openEditor(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choisir des pièces justificatives' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'rapport.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('MZ\x90\x00This program cannot be run in DOS mode.'),
  });
  const alert = page.getByRole('alert').filter({ hasText: "Le fichier n'a pas été accepté" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('rapport.pdf');
  await expect(page.getByText('Aucune pièce justificative pour le moment (facultatif).')).toBeVisible();
  await lookAt(page, '08-piece-refusee', page.getByRole('region', { name: 'Documents' }));
});

test('the complete dossier is filed, then shown read-only', async ({ page }) => {
  await openEditor(page);
  await expect(page.getByText('Le dossier est complet')).toBeVisible();
  await page.getByRole('button', { name: 'Déposer le dossier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Candidature — cycle 1' })).toBeVisible();
  await expect(page.getByText(/Le dossier de candidature est déposé \(version \d+\)\./)).toBeVisible();
  await lookAt(page, '09-dossier-depose');
  await page.getByRole('link', { name: 'Voir le dossier de candidature' }).click();
  await expect(page.getByText('Ce dossier a été déposé : il est affiché en lecture seule.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Déposer le dossier' })).toHaveCount(0);
  // Read as a document: the engagements with their indicator tables, nothing left to type in.
  await expect(page.getByRole('region', { name: /^Engagement A1 — / }).getByRole('table')).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await lookAt(page, '10-dossier-lecture-seule');
});
