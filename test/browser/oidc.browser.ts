/**
 * Signing in with an OpenID provider, as in production: a real provider started here, an API
 * instance that trusts it (and has no development key), and the console running the authorization
 * code flow with PKCE. The token stays in memory: nothing of it in localStorage or sessionStorage.
 */
import { expect, test } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { startExtraApi } from './extra-api';
import { lookAt } from './screens';
import { API_AUDIENCE, OIDC_CLIENT_ID, startOidcProvider } from './oidc-provider';
import { BROWSER_STACK } from './stack';

const PROVIDER_PORT = 26090;
const OIDC_API_PORT = 26001;
const OIDC_API = `http://127.0.0.1:${OIDC_API_PORT}`;

let provider: Awaited<ReturnType<typeof startOidcProvider>>;
let api: ChildProcess;

test.beforeAll(async () => {
  provider = await startOidcProvider(PROVIDER_PORT, OIDC_API);
  api = await startExtraApi(OIDC_API_PORT, {
    QC_OIDC_ISSUER: provider.issuer,
    QC_OIDC_AUDIENCE: API_AUDIENCE,
    QC_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
  });
});

test.afterAll(async () => {
  api?.kill('SIGTERM');
  await provider?.stop();
});

test('a cooperative signs in with the provider (code flow with PKCE), and stays signed in after a reload', async ({
  page,
}) => {
  await page.goto(`${OIDC_API}/console/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expect(page.getByText('Connectez-vous avec le compte que la Fédération vous a ouvert.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Se connecter en tant que/ })).toHaveCount(0); // no seeded people
  await lookAt(page, '11-connexion-fournisseur');

  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill('marc.durand');
  await page.locator('input[name="password"]').fill('un mot de passe');
  await page.locator('button[type="submit"]').click();

  await expect(page.getByRole('heading', { level: 1, name: 'Ma candidature' })).toBeVisible();
  await expect(page.getByText('Marc Durand (Provence Logis) — Coopérative')).toBeVisible();
  expect(new URL(page.url()).pathname).toMatch(/^\/console\/?$/); // back in the console, the code gone from the address
  expect(page.url()).not.toContain('code=');
  const stored = await page.evaluate<string>('JSON.stringify([{ ...localStorage }, { ...sessionStorage }])');
  expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT kept by the page

  await page.reload();
  await expect(page.getByText('Marc Durand (Provence Logis) — Coopérative')).toBeVisible();

  // Signing out ends the provider's session too: the next sign-in asks for credentials again.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/session/end`));
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(OIDC_API);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
});

test('a token from the development key is refused by the API in provider mode', async ({ request }) => {
  const dev = await request.post(`${BROWSER_STACK.apiUrl}/sign-in/development-token`, { data: { user: 'federation' } });
  const { token } = (await dev.json()) as { token: string };
  const me = await request.get(`${OIDC_API}/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(401);
  const denied = await request.post(`${OIDC_API}/sign-in/development-token`, { data: { user: 'federation' } });
  expect(denied.status()).toBe(404);
});
