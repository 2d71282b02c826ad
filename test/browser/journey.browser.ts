/**
 * The cooperative's actions on its filed candidacy: asking the Fédération for help (a question
 * the API refuses shown at its field) and reading the answer, then withdrawing the candidacy after
 * a confirmation that says what it ends.
 */
import { expect, test, type Page } from '@playwright/test';
import { lookAt, signInAs } from './screens';
import { BROWSER_STACK } from './stack';

const CLAIRE = 'Claire Martin (Atlantique Habitat)';

async function openCandidacy(page: Page) {
  await signInAs(page, CLAIRE);
  await page.getByRole('link', { name: 'Voir la candidature et son historique' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Candidature — cycle/ })).toBeVisible();
}

test('asks the Fédération for help and reads its answer', async ({ page, request }) => {
  await openCandidacy(page);
  const help = page.getByRole('region', { name: 'Accompagnement de la Fédération' });
  // Sent empty, the question is refused by the API: its sentence at the field, and the focus there.
  await help.getByRole('button', { name: 'Envoyer la demande' }).click();
  const question = help.getByLabel('Votre question');
  await expect(question).toBeFocused();
  await expect(question).toHaveAttribute('aria-invalid', 'true');
  await expect(question).toHaveAccessibleDescription(/^Texte obligatoire\. La Fédération vous répond ici/);
  const refused = help.getByRole('alert').filter({ hasText: "La demande n'a pas été envoyée" });
  await expect(refused).toContainText('La requête contient des champs invalides.');
  await expect(refused.getByRole('listitem')).toHaveCount(0); // said at the field, not again here
  await lookAt(page, '12a-question-refusee', help);
  await question.fill('Comment mesurer un indicateur de gouvernance ?');
  await expect(question).not.toHaveAttribute('aria-invalid', 'true');
  await help.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(help.getByText(/Votre question du .* : Comment mesurer un indicateur de gouvernance \?/)).toBeVisible();
  await expect(help.getByText('En attente de réponse de la Fédération.')).toBeVisible();
  await expect(help.getByLabel('Votre question')).toHaveValue('');

  // The Fédération answers (its own screens come with part 2 of the console: here, the API).
  const api = BROWSER_STACK.apiUrl;
  const token = async (user: string) =>
    ((await (await request.post(`${api}/sign-in/development-token`, { data: { user } })).json()) as { token: string })
      .token;
  const id = page.url().split('/').at(-1)!;
  const federation = { authorization: `Bearer ${await token('federation')}` };
  const candidacy = (await (await request.get(`${api}/candidacies/${id}`, { headers: federation })).json()) as {
    state: { helpRequests: Array<{ helpRequestId: string }> };
  };
  const [asked] = candidacy.state.helpRequests;
  const answered = await request.post(`${api}/candidacies/${id}/help-requests/${asked!.helpRequestId}/answer`, {
    headers: federation,
    data: { answer: 'Le guide méthodologique propose trois indicateurs de gouvernance : voyez sa page 12.' },
  });
  expect(answered.status()).toBe(200);
  await page.reload();
  await expect(help.getByText(/^Réponse de la Fédération : Le guide méthodologique/)).toBeVisible();
  await lookAt(page, '12-accompagnement', help);
});

test('withdraws the candidacy after a confirmation that says what it ends', async ({ page }) => {
  await openCandidacy(page);
  await page.getByRole('button', { name: 'Retirer la candidature' }).click();
  const dialog = page.getByRole('dialog', { name: 'Retirer la candidature ?' });
  await expect(dialog.getByText('Le retrait met fin à cette candidature')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Confirmer le retrait' })).toBeDisabled();
  await lookAt(page, '13-retrait-confirmation', dialog);
  await page.keyboard.press('Escape'); // the keyboard closes it, nothing is withdrawn
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('candidature retirée', { exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Retirer la candidature' }).click();
  await dialog.getByLabel('Pourquoi retirez-vous la candidature ?').fill('Fusion avec une autre coopérative.');
  await dialog.getByRole('button', { name: 'Confirmer le retrait' }).click();
  await expect(page.getByText('candidature retirée', { exact: true })).toBeVisible();
  await expect(page.getByText('La coopérative retire sa candidature.')).toBeVisible();
  await expect(page.getByText('Fusion avec une autre coopérative.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retirer la candidature' })).toHaveCount(0);
  await lookAt(page, '14-candidature-retiree');
});
