/** A cooperative writing its dossier in the editor, as a person would: shared by the journeys. */
import { expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { BROWSER_STACK } from './stack';

export const CHOSEN = ['A1', 'A2', 'A4', 'B1', 'B2', 'C1', 'C3', 'C5'];
const FIXTURES = join(BROWSER_STACK.repoRoot, 'test', 'fixtures', 'documents');

export async function fillIndicator(page: Page, engagement: string) {
  const group = page.getByRole('group', { name: `${engagement} — indicateur 1` });
  await group.getByLabel("Nom de l'indicateur").fill(`Taux de satisfaction (${engagement})`);
  await group.getByLabel("Type d'indicateur").selectOption('metier');
  await group
    .getByLabel("En quoi cet indicateur illustre-t-il la Raison d'être ?")
    .fill("Il mesure ce que les coopérateurs vivent au quotidien, au cœur de notre Raison d'être.");
  const now = group.getByRole('group', { name: 'Résultat actuel' });
  await now.getByLabel('Valeur').fill('40,5');
  await now.getByLabel('Unité').fill('%');
  await now.getByLabel('Date de mesure').fill('2026-06-30');
  const target = group.getByRole('group', { name: 'Valeur cible' });
  await target.getByLabel('Valeur').fill('60');
  await target.getByLabel("Date d'atteinte").fill('2028-06-30');
  await group.getByLabel('Action 1 : quoi').fill('Réunir un comité de suivi chaque trimestre');
  await group.getByLabel('Qui').fill('Direction générale');
  await group.getByLabel('Pour quand').fill('2027-03-31');
}

/** In the open editor: 8 engagements with an indicator each, the statement, the signed letter; saved. */
export async function writeCompleteDossier(page: Page) {
  for (const id of CHOSEN) await page.getByRole('checkbox', { name: new RegExp(`^${id} — `) }).check();
  for (const id of CHOSEN) await fillIndicator(page, id);
  await page
    .getByLabel(
      "Comment avez-vous informé l'équipe et les coopérateurs de la démarche, et comment les avez-vous consultés ?",
    )
    .fill("Présentation en réunion du personnel, puis consultation des coopérateurs lors de l'assemblée générale.");
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choisir la lettre signée' }).click();
  await (await chooser).setFiles(join(FIXTURES, 'lettre-engagement.pdf'));
  await expect(page.getByText('Lettre jointe : lettre-engagement.pdf')).toBeVisible();
  await expect(page.getByText(/^Enregistré à \d{1,2} h \d{2}$/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Le dossier est complet')).toBeVisible();
}
