/**
 * What every screen must pass: a saved screenshot (to be looked at), an axe scan with no WCAG 2.1
 * A/AA violation, and nothing refused by the console's Content-Security-Policy.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { BROWSER_STACK } from './stack';

export async function lookAt(page: Page, name: string, detail?: Locator): Promise<void> {
  await page.screenshot({ path: join(BROWSER_STACK.screenshots, `${name}.png`), fullPage: true });
  // A long page shrinks to nothing when viewed whole: the part the test is about, at full size.
  if (detail) await detail.screenshot({ path: join(BROWSER_STACK.screenshots, `${name}-detail.png`) });
  const scan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = scan.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    where: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
  expect(violations, `axe on the screen « ${name} »`).toEqual([]);
  const refused = (await page.consoleMessages()).map((m) => m.text()).filter((t) => /Content Security Policy/i.test(t));
  expect(refused, `Content-Security-Policy on the screen « ${name} »`).toEqual([]);
}

/** Signs in through the development sign-in page as one of the seeded people. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.goto('./');
  await page.getByRole('button', { name: `Se connecter en tant que ${name}` }).click();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
}

/** Another person, in a browser of their own (a new context: its own storage and session), signed in. */
export async function signedInPage(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: `${BROWSER_STACK.apiUrl}/console/`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await signInAs(page, name);
  return page;
}
