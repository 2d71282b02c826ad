/**
 * The dossier editor in a real browser: choosing 8 engagements with their indicators, the
 * involvement statement and the letter, saved as a draft (on demand and as one types) and found
 * again after a reload, what is typed kept in the browser when the API cannot be reached, the
 * submission rules checked live and shown at their fields when a filing is blocked, a disguised
 * file and a file too large refused in French, then the filing itself.
 */
import { expect, test, type Page } from '@playwright/test';
import { as } from './api-actor';
import { writeCompleteDossier } from './dossier-steps';
import { lookAt, signInAs } from './screens';

const CLAIRE = 'Claire Martin (Atlantique Habitat)';
const SAVED = /^Enregistré à \d{1,2} h \d{2}$/;
const STATEMENT =
  "Comment avez-vous informé l'équipe et les coopérateurs de la démarche, et comment les avez-vous consultés ?";

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
  const axisB = page.getByRole('group', { name: 'Axe B — Notre gouvernance coopérative' });
  await expect(axisB).toBeFocused();

  // A filing attempted: each rule broken is shown at its field or group, the focus on the first one.
  await page.getByRole('button', { name: 'Déposer le dossier' }).click();
  const engagements = page.getByRole('group', { name: 'Engagements et indicateurs' });
  await expect(engagements).toBeFocused();
  await expect(engagements).toHaveAccessibleDescription('Choisissez au moins 8 engagements sur 12 (0 choisi(s)).');
  await expect(axisB).toHaveAccessibleDescription(
    "Choisissez au moins 2 engagements dans l'axe B (gouvernance) (0 choisi(s)).",
  );
  const statement = page.getByLabel(STATEMENT);
  await expect(statement).toHaveAttribute('aria-invalid', 'true');
  await expect(statement).toHaveAccessibleDescription(
    /^Décrivez comment l'équipe et les coopérateurs ont été informés/,
  );
  await expect(page.getByRole('button', { name: 'Choisir la lettre signée' })).toHaveAccessibleDescription(
    "La lettre d'engagement signée par la direction est obligatoire.",
  );
  await lookAt(
    page,
    '06a-depot-bloque-groupes',
    page.getByRole('group', { name: "Axe A — Notre mission d'intérêt général" }),
  );
  // The errors follow the live check: two engagements of axis B answer its rule, the count says 2.
  for (const id of ['B1', 'B2']) await page.getByRole('checkbox', { name: new RegExp(`^${id} — `) }).check();
  await expect(axisB).toHaveAccessibleDescription('');
  await expect(engagements).toHaveAccessibleDescription('Choisissez au moins 8 engagements sur 12 (2 choisi(s)).');
  await expect(page.getByText(SAVED)).toBeVisible({ timeout: 20_000 });
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

test('a blocked filing shows each error at its field, the focus on the first; a field fixed loses its error', async ({
  page,
}) => {
  await openEditor(page);
  await expect(page.getByText('Le dossier est complet')).toBeVisible();
  const a2 = page.getByRole('group', { name: 'A2 — indicateur 1' });
  const name = a2.getByLabel("Nom de l'indicateur");
  const c3Target = page
    .getByRole('group', { name: 'C3 — indicateur 1' })
    .getByRole('group', { name: 'Valeur cible' })
    .getByLabel('Valeur');
  // Emptied in the page's reverse order: the focus goes to the first in the page, not the last emptied.
  await c3Target.fill('');
  await name.fill('');
  await page.getByRole('button', { name: 'Déposer le dossier' }).click();

  await expect(name).toBeFocused();
  expect(await name.evaluate((el) => el.tagName)).toBe('INPUT');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription("Indicateur 1 de l'engagement A2 : le nom est obligatoire.");
  await expect(c3Target).toHaveAttribute('aria-invalid', 'true');
  await expect(c3Target).toHaveAccessibleDescription(
    "Indicateur 1 de l'engagement C3 : la valeur cible est obligatoire.",
  );
  const checklist = page.getByRole('region', { name: 'Avant de déposer le dossier' });
  await expect(checklist.getByText('Il reste 2 points à compléter :')).toBeVisible();
  await lookAt(page, '07a-depot-bloque-erreurs-aux-champs', a2);

  // Answered, the field loses its error at once; the other keeps its own until answered too.
  await name.fill('Taux de satisfaction (A2)');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('');
  await expect(c3Target).toHaveAttribute('aria-invalid', 'true');
  await expect(checklist.getByText('Il reste 1 point à compléter :')).toBeVisible();
  await c3Target.fill('60');
  await expect(c3Target).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Le dossier est complet')).toBeVisible();
  await expect(page.getByText(SAVED)).toBeVisible({ timeout: 20_000 });
});

test('« Enregistrer le brouillon » saves at once, without waiting for the autosave', async ({ page }) => {
  await openEditor(page);
  const name = page.getByRole('group', { name: 'A1 — indicateur 1' }).getByLabel("Nom de l'indicateur");
  await name.fill('Taux de satisfaction des locataires (A1)');
  await expect(
    page.getByText('Modifications non enregistrées (enregistrement automatique dans quelques secondes)'),
  ).toBeVisible();
  // The autosave waits 3 s after the last change: a save within 1.5 s of the click is the click's.
  const saving = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith('/dossier'), { timeout: 1_500 });
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await saving;
  const status = page.getByRole('status').filter({ hasText: SAVED });
  await expect(status).toBeVisible({ timeout: 5_000 });
  await lookAt(page, '07b-brouillon-enregistre', status);

  await page.reload();
  await expect(name).toHaveValue('Taux de satisfaction des locataires (A1)');
  await expect(page.getByText('Saisies restaurées')).toHaveCount(0); // from the server, not this browser's copy
});

test('what is typed while the API cannot be reached is restored after a reload', async ({ page }) => {
  await openEditor(page);
  const statement = page.getByLabel(STATEMENT);
  const added = " Une lettre d'information a aussi été remise à chaque locataire.";
  const typed = `${await statement.inputValue()}${added}`;
  // The draft's saves go nowhere, as when the connection drops.
  await page.route('**/candidacies/*/dossier', (route) =>
    route.request().method() === 'PUT' ? route.abort('connectionrefused') : route.fallback(),
  );
  await statement.fill(typed);
  await expect(
    page.getByText("L'enregistrement n'a pas abouti : vos saisies sont conservées dans ce navigateur."),
  ).toBeVisible({ timeout: 20_000 });
  const unsaved = page.getByRole('alert').filter({ hasText: "Le brouillon n'a pas été enregistré" });
  await expect(unsaved).toContainText("Le service Quali'Coop ne répond pas.");
  await lookAt(page, '07c-brouillon-non-enregistre', unsaved);

  await page.unroute('**/candidacies/*/dossier');
  await page.reload();
  await expect(page.getByText('Saisies restaurées')).toBeVisible();
  await expect(statement).toHaveValue(typed);
  await lookAt(
    page,
    '07d-saisies-restaurees',
    page.getByRole('region', { name: "Démarche d'association de l'équipe et des coopérateurs" }),
  );
  // Restored, they are saved as any change is.
  await expect(page.getByText(SAVED)).toBeVisible({ timeout: 20_000 });
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
  const alert = page.getByRole('alert').filter({ hasText: "Le fichier « rapport.pdf » n'a pas été accepté" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('rapport.pdf');
  await expect(page.getByText('Aucune pièce justificative pour le moment (facultatif).')).toBeVisible();
  await lookAt(page, '08-piece-refusee', page.getByRole('region', { name: 'Documents' }));
});

test('a file over 20 MB is refused in French and nothing is attached', async ({ page, request }) => {
  await openEditor(page);
  const candidacyId = page.url().split('/').at(-2)!;
  // One byte over the API's limit of 20 MB a file (MAX_FILE_BYTES), made here rather than kept.
  const tooLarge = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
  tooLarge.write('%PDF-1.7\n');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choisir des pièces justificatives' }).click();
  await (await chooser).setFiles({ name: 'rapport-annuel.pdf', mimeType: 'application/pdf', buffer: tooLarge });
  const alert = page.getByRole('alert').filter({ hasText: "Le fichier « rapport-annuel.pdf » n'a pas été accepté" });
  await expect(alert).toContainText('Le contenu envoyé dépasse la taille autorisée.', { timeout: 30_000 });
  await expect(page.getByText('Aucune pièce justificative pour le moment (facultatif).')).toBeVisible();
  const coop = await as(request, 'coop-atlantique');
  const stored = (await coop.get(`/candidacies/${candidacyId}/documents`)) as Array<{ filename: string }>;
  expect(stored.map((d) => d.filename)).not.toContain('rapport-annuel.pdf');
  await lookAt(page, '08a-piece-trop-volumineuse', page.getByRole('region', { name: 'Documents' }));
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
