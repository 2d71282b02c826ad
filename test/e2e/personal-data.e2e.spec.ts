/**
 * A person's data under the GDPR, with the operator's command on the real database: the export
 * lists what they did; the erasure removes who they are, in one go, and leaves the candidacy's
 * history whole (it only ever held their pseudonymous id).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { sampleDossier } from '@qualicoop/domain';
import { call, uploadLetter } from '../support/http';

const REPO = join(__dirname, '..', '..');
const COOP = `coop-rgpd-${randomUUID().slice(0, 8)}`;
const PERSON = `user-${COOP}`;
const EMAIL = `anne.leroy@${COOP}.example`;

function personalData(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      ['-r', join(REPO, 'infra/register-paths.cjs'), join(REPO, 'dist/infra/src/personal-data.js'), ...args],
      { cwd: REPO, env: { ...process.env, DATABASE_URL: process.env.QC_DATABASE_URL } },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.once('exit', (code) => done({ code, out, err }));
  });
}

async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: process.env.QC_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

let candidacyId: string;

beforeAll(async () => {
  const added = await call('POST', '/cooperatives', {
    as: 'federation',
    body: { id: COOP, name: 'Coop RGPD', region: 'Bretagne', email: `contact@${COOP}.example` },
  });
  expect(added.status).toBe(201);
  // The register has no screen for people yet: the person is added as the seed adds them.
  await sql(`INSERT INTO people (id, role, cooperative_id, name, email) VALUES ($1, 'coop', $2, 'Anne Leroy', $3)`, [
    PERSON,
    COOP,
    EMAIL,
  ]);
  const opened = await call('POST', '/candidacies', { as: COOP, body: { cooperativeId: COOP } });
  expect(opened.status).toBe(201);
  candidacyId = opened.body.id;
  const letter = await uploadLetter(candidacyId, COOP);
  expect(
    (await call('PUT', `/candidacies/${candidacyId}/dossier`, { as: COOP, body: sampleDossier(letter) })).status,
  ).toBe(200);
});

it('exports what the system holds about a person: who they are and what they did', async () => {
  const { code, out } = await personalData('export', PERSON);
  expect(code).toBe(0);
  const data = JSON.parse(out);
  expect(data.person).toEqual({
    id: PERSON,
    role: 'coop',
    cooperativeId: COOP,
    name: 'Anne Leroy',
    email: EMAIL,
    active: true,
  });
  expect(data.events.map((e: { type: string }) => e.type)).toEqual(
    expect.arrayContaining(['CandidacyOpened', 'DraftSaved']),
  );
  expect(data.events.every((e: { candidacyId: string }) => e.candidacyId === candidacyId)).toBe(true);
  expect(data.dossierVersions).toEqual([expect.objectContaining({ candidacyId, version: 1 })]);
  expect(data.documents).toEqual([expect.objectContaining({ candidacyId })]);
});

it('erases who the person is, keeps the history whole, and says so for an unknown id', async () => {
  const before = await call('GET', `/candidacies/${candidacyId}/history`, { as: 'federation' });
  const erased = await personalData('erase', PERSON);
  expect(erased.code).toBe(0);
  expect(JSON.parse(erased.out)).toMatchObject({ personId: PERSON });

  const data = JSON.parse((await personalData('export', PERSON)).out);
  expect(data.person).toEqual({
    id: PERSON,
    role: 'coop',
    cooperativeId: COOP,
    name: 'Personne effacée',
    email: '',
    active: false,
  });
  expect(await sql('SELECT id FROM people WHERE email = $1 OR name = $2', [EMAIL, 'Anne Leroy'])).toEqual([]);
  const after = await call('GET', `/candidacies/${candidacyId}/history`, { as: 'federation' });
  expect(after.status).toBe(200);
  expect(after.body).toEqual(before.body);
  expect(JSON.stringify(after.body)).not.toContain('Anne Leroy');

  const unknown = await personalData('export', 'nobody-at-all');
  expect(unknown.code).toBe(1);
  expect(unknown.err).toContain("Aucune personne n'a l'identifiant « nobody-at-all ».");
});
