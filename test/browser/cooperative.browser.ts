/**
 * The cooperative's journey in the console, in a real browser against the whole system: sign in,
 * open a candidacy, see where it stands, what to do and its history. Every screen is captured and
 * scanned by axe.
 */
import { expect, test } from '@playwright/test';
import { lookAt, signInAs } from './screens';

const CLAIRE = 'Claire Martin (Atlantique Habitat)';

test('the sign-in page lists the seeded people, in French, and passes axe', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expect(page.getByText("choisissez l'une des personnes de démonstration")).toBeVisible();
  await expect(page.getByRole('button', { name: `Se connecter en tant que ${CLAIRE}` })).toBeVisible();
  await expect(page.getByRole('button', { name: /Se connecter en tant que Équipe de la Fédération/ })).toBeVisible();
  await expect(page).toHaveTitle(/Quali'Coop/);
  expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  await lookAt(page, '01-connexion');
});

test('a cooperative with no candidacy is invited to open one, and opens it', async ({ page }) => {
  await signInAs(page, CLAIRE);
  await expect(page.getByRole('heading', { level: 1, name: 'Ma candidature' })).toBeVisible();
  await expect(
    page.getByText('Ouvrir une candidature vous permet de préparer votre dossier de candidature'),
  ).toBeVisible();
  await lookAt(page, '02-accueil-sans-candidature');

  await page.getByRole('button', { name: 'Ouvrir une candidature' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Candidature — cycle 1' })).toBeVisible();
  await expect(page.getByText('brouillon', { exact: true })).toBeVisible();
  await expect(page.getByText('La candidature (cycle 1) est ouverte.')).toBeVisible();
  await expect(page.getByText(/^La coopérative, le \d{1,2}(er)? \S+ \d{4} à \d{1,2} h \d{2}$/)).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'À faire' }).getByText(/Déposer le dossier de candidature/),
  ).toBeVisible();
  await lookAt(page, '03-candidature-ouverte');
});

test('the home page shows the candidacy: its stage, its next deadline and what to do', async ({ page }) => {
  await signInAs(page, CLAIRE);
  const card = page.getByRole('region', { name: 'Candidature — cycle 1' });
  await expect(card.getByText('brouillon', { exact: true })).toBeVisible();
  await expect(card.getByText(/Déposer le dossier de candidature/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ouvrir une candidature' })).toHaveCount(0);
  await lookAt(page, '04-accueil-avec-candidature');
});

test('works with the keyboard alone: skip link first, then every action reachable', async ({ page }) => {
  await signInAs(page, CLAIRE);
  await expect(page.locator('main')).toBeFocused(); // after signing in, focus is on the new page's content
  await page.goto('./'); // a fresh load: the first Tab lands on the skip link
  await expect(page.getByRole('heading', { level: 1, name: 'Ma candidature' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible(); // shown when focused
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // From the content, Tab reaches the link to the candidacy; Enter follows it.
  const link = page.getByRole('link', { name: 'Voir la candidature et son historique' });
  for (let i = 0; i < 10 && !(await link.evaluate((el) => el.matches(':focus'))); i++) await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Candidature — cycle 1' })).toBeVisible();
  await expect(page.locator('main')).toBeFocused();
});

test('another cooperative sees only its own candidacy, and the session survives a reload', async ({ page }) => {
  await signInAs(page, 'Marc Durand (Provence Logis)');
  await expect(page.getByRole('button', { name: 'Ouvrir une candidature' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Ma candidature' })).toBeVisible();
  await expect(page.getByText('Marc Durand (Provence Logis) — Coopérative')).toBeVisible();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
});

test("the Fédération's staff see their tasks", async ({ page }) => {
  await signInAs(page, 'Équipe de la Fédération');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes tâches' })).toBeVisible();
  await lookAt(page, '05-federation-taches');
});
