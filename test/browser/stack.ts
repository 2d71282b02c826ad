/** The ports and data folder of the system the browser tests run against (none shared with other suites). */
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..');

export const BROWSER_STACK = {
  repoRoot: REPO_ROOT,
  dataDir: join(REPO_ROOT, '.data', 'browser-stack'),
  screenshots: join(REPO_ROOT, '.data', 'screenshots'),
  ports: { postgres: 26432, temporal: 26233, temporalUi: 26333, api: 26000, mailSmtp: 26025, mailWeb: 26080 },
  get apiUrl() {
    return `http://127.0.0.1:${this.ports.api}`;
  },
};
