/**
 * A client generated from docs/openapi.json must work as written: the document is the contract
 * people generate clients from. Types come from `openapi-typescript`, calls go through
 * `openapi-fetch`, and the TypeScript compiler checks them — a write operation without the
 * optional `Idempotency-Key` compiles, and a call that breaks the contract does not.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '@qualicoop/platform';
import { OPENAPI_FILE } from './openapi';

const DIR = join(REPO_ROOT, '.data', 'openapi-client');

/** Type errors of one client file, compiled strictly against the generated `paths`. */
function typeErrors(name: string, source: string): string[] {
  const file = join(DIR, name);
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const client = (calls: string) => `
import createClient from 'openapi-fetch';
import type { paths } from './schema';

const api = createClient<paths>({ baseUrl: 'http://127.0.0.1:3000', headers: { authorization: 'Bearer …' } });

export async function calls(id: string): Promise<unknown[]> {
  return [
${calls}
  ];
}
`;

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  // Its command line, as a client's build would run it (the library's CommonJS entry needs ESM-only parts).
  const cli = join(REPO_ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
  // Asynchronously: a blocked event loop would let the e2e suites' keep-alive sockets go stale.
  await promisify(execFile)(process.execPath, [cli, OPENAPI_FILE, '--output', join(DIR, 'schema.ts')]);
}, 60_000);

it('compiles write operations called without the optional Idempotency-Key, and with it', () => {
  const errors = typeErrors(
    'client.ts',
    client(`
    await api.POST('/candidacies/{id}/decisions/admissibility', {
      params: { path: { id } },
      body: { sessionId: 'session-2027-03', motivation: 'Dossier complet et engagements étayés.', admissible: true },
    }),
    await api.POST('/candidacies/{id}/submission', { params: { path: { id } } }),
    await api.POST('/candidacies/{id}/withdrawal', { params: { path: { id }, header: { 'Idempotency-Key': 'retrait-1' } }, body: { reason: 'Fusion' } }),`),
  );
  expect(errors).toEqual([]);
});

it('does not compile a call that breaks the contract (the check is real)', () => {
  const errors = typeErrors(
    'broken-client.ts',
    client(`
    await api.POST('/candidacies/{id}/decisions/admissibility', { params: { path: { id } }, body: { sessionId: 'session-2027-03', motivation: 'Motivée', admissible: 'oui' } }),
    await api.POST('/candidacies/{id}/decisions/admissibility', { params: { path: { id } }, body: { sessionId: 'session-2027-03', admissible: true } }),
    await api.POST('/candidacies/{id}/submission', {}),`),
  );
  expect(errors).toHaveLength(3);
  expect(errors[0]).toContain("Type 'string' is not assignable to type 'boolean'");
  expect(errors[1]).toContain("Property 'motivation' is missing");
  expect(errors[2]).toContain("Property 'params' is missing");
});

it('documents one optional Idempotency-Key on every write, and no other header', () => {
  const doc = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as {
    paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string; required?: boolean }> }>>;
  };
  const writes = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['post', 'put', 'patch'].includes(method))
      .map(
        ([method, op]) =>
          [`${method.toUpperCase()} ${path}`, (op.parameters ?? []).filter((p) => p.in === 'header')] as const,
      ),
  );
  expect(writes.length).toBeGreaterThan(20);
  for (const [operation, headers] of writes) {
    expect({ operation, headers: headers.map((h) => ({ name: h.name, required: h.required })) }).toEqual({
      operation,
      headers: [{ name: 'Idempotency-Key', required: false }],
    });
  }
});

it('is the client the web console is typed with (regenerate with `npm run openapi`)', () => {
  const generated = readFileSync(join(DIR, 'schema.ts'), 'utf8');
  const consoleTypes = readFileSync(join(REPO_ROOT, 'apps', 'console', 'src', 'api', 'openapi.d.ts'), 'utf8');
  expect(consoleTypes).toBe(generated);
});
