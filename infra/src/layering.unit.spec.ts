/**
 * The layer rules bind: lint refuses a database import in the API (SQL lives in the persistence
 * library), and in the domain any package off its allow-list, any Node built-in and any read of
 * the clock; `npm test`, which runs lint, fails on such a change. Each probe is a real file in the
 * project, linted with the project's configuration, then removed.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@qualicoop/platform';

/**
 * Lints one probe file. Asynchronously: this suite shares its process with the e2e suites, and an
 * event loop blocked for seconds lets their idle keep-alive sockets go stale (the API closes them).
 */
async function lintProbe(
  source: string,
  folder = join('apps', 'api', 'src'),
): Promise<{ status: number | null; output: string }> {
  const file = join(REPO_ROOT, folder, `zz-lint-probe-${process.pid}.ts`);
  writeFileSync(file, source);
  try {
    const eslint = join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
    const { stdout, stderr } = await run(process.execPath, [eslint, '--max-warnings=0', file], {
      cwd: REPO_ROOT,
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    return { status: 0, output: `${stdout}${stderr}` };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { status: failed.code ?? null, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  } finally {
    rmSync(file, { force: true });
  }
}

const run = promisify(execFile);

it.each([
  [
    'typeorm',
    "import { DataSource } from 'typeorm';\nexport const probe = (ds: DataSource): Promise<unknown> => ds.query('SELECT 1');\n",
  ],
  ['pg', "import { Client } from 'pg';\nexport const probe = (): Client => new Client();\n"],
])(
  'refuses %s in the API',
  async (name, source) => {
    const { status, output } = await lintProbe(source);
    expect(status).toBe(1);
    expect(output).toContain('@nx/enforce-module-boundaries');
    expect(output).toContain(`"${name}"`);
  },
  120_000,
);

it('accepts the same file calling a repository of the persistence library', async () => {
  const { status, output } = await lintProbe(
    "import { Database } from '@qualicoop/persistence';\nexport const probe = (db: Database): Promise<boolean> => db.ping();\n",
  );
  expect({ status, output }).toEqual({ status: 0, output: '' });
}, 120_000);

const DOMAIN = join('libs', 'domain', 'src');

it.each([
  [
    'a package off the allow-list',
    "import { addDays } from 'date-fns';\nexport const probe = (d: Date): Date => addDays(d, 1);\n",
    '@nx/enforce-module-boundaries',
  ],
  [
    'a Node built-in',
    "import { gzipSync } from 'zlib';\nexport const probe = (b: Buffer): Buffer => gzipSync(b);\n",
    'no-restricted-imports',
  ],
  ['a read of the clock', 'export const probe = (): string => new Date().toISOString();\n', 'no-restricted-syntax'],
])(
  'refuses %s in the domain',
  async (_what, source, rule) => {
    const { status, output } = await lintProbe(source, DOMAIN);
    expect(status).toBe(1);
    expect(output).toContain(rule);
  },
  120_000,
);

it('accepts the domain computing from an instant it is given', async () => {
  const { status, output } = await lintProbe(
    "import { parisDateOf } from './calendar/calendar';\nexport const probe = (now: string): string => parisDateOf(new Date(now).toISOString());\n",
    DOMAIN,
  );
  expect({ status, output }).toEqual({ status: 0, output: '' });
}, 120_000);
