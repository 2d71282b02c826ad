/** The ports and data folder of the system the browser tests run against (none shared with other suites). */
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..');

export const BROWSER_STACK = {
  repoRoot: REPO_ROOT,
  dataDir: join(REPO_ROOT, '.data', 'browser-stack'),
  screenshots: join(REPO_ROOT, '.data', 'screenshots'),
  ports: { postgres: 55480, temporal: 57233, temporalUi: 58233, api: 53000, mailSmtp: 51025, mailWeb: 51080 },
  get apiUrl() {
    return `http://127.0.0.1:${this.ports.api}`;
  },
};
