/**
 * Browser tests: Playwright drives Debian's Chromium (TOOLCHAIN.md) against the whole system
 * started by `npm start` on ports of its own. Screenshots of every screen go to .data/screenshots/.
 */
import { defineConfig } from '@playwright/test';
import { BROWSER_STACK } from './stack';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.browser.ts',
  outputDir: '../../.data/browser-results',
  globalSetup: './global-setup.ts',
  // The journeys share one system and build on each other's data: one at a time, in order.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['./count-reporter.ts']],
  use: {
    baseURL: `${BROWSER_STACK.apiUrl}/console/`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.QC_CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--lang=fr-FR'],
      // The browser's own widgets (a date field's « jj/mm/aaaa ») follow the process's language,
      // given Debian's French locale pack (chromium-l10n); without it they stay in English.
      env: { ...process.env, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr' },
    },
  },
});
