/**
 * Uploads are judged by their bytes: real documents of each accepted format are stored and served
 * back; a file whose content is not an accepted format, or not the one its extension names, is
 * refused with a 415 in French, and nothing of it is stored (no record, no bytes in the store).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrate } from '@qualicoop/infra';
import { call, tokenFor, upload } from '../support/http';

const COOP = 'coop-documents-e2e';
const FIXTURES = join(__dirname, '..', 'fixtures', 'documents');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Whether the shared document store (PostgreSQL, ADR 14) holds these bytes. */
async function inStore(bytes: Uint8Array): Promise<boolean> {
  const client = new Client({ connectionString: process.env.QC_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT 1 FROM document_contents WHERE sha256 = $1', [sha256(bytes)]);
    return rows.length === 1;
  } finally {
    await client.end();
  }
}

/** The start of a Windows executable, as any .exe begins. */
const EXE = new Uint8Array([
  ...Buffer.from('MZ'),
  0x90,
  0x00,
  0x03,
  0x00,
  0x00,
  0x00,
  0x04,
  0x00,
  0x00,
  0x00,
  0xff,
  0xff,
  0x00,
  0x00,
  0xb8,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0x40,
  ...new Array(35).fill(0),
  0x80,
  0x00,
  0x00,
  0x00,
  ...Buffer.from(
    '\x0e\x1f\xba\x0e\x00\xb4\x09\xcd\x21\xb8\x01\x4c\xcd\x21This program cannot be run in DOS mode.\r\r\n$',
    'latin1',
  ),
  ...new Array(64).fill(0),
  ...Buffer.from('PE\0\0', 'latin1'),
  0x4c,
  0x01,
  0x03,
  0x00,
  ...new Array(200).fill(0),
]);

let id: string;
const documents = async () =>
  (await call('GET', `/candidacies/${id}/documents`, { as: COOP })).body as Array<{
    filename: string;
    contentType: string;
    sha256: string;
  }>;

beforeAll(async () => {
  expect(
    (
      await call('POST', '/cooperatives', {
        as: 'federation',
        body: { id: COOP, name: 'Coop des Pièces Jointes', region: 'Occitanie', email: 'pieces@documents.example' },
      })
    ).status,
  ).toBe(201);
  const opened = await call('POST', '/candidacies', { as: COOP, body: { cooperativeId: COOP } });
  expect(opened.status).toBe(201);
  id = opened.body.id;
});

describe('refused by their bytes, with nothing stored', () => {
  const cases: Array<[string, string, string, Uint8Array, string, string]> = [
    [
      'an executable renamed .pdf',
      'rapport.pdf',
      'application/pdf',
      EXE,
      'DOCUMENT.CONTENT_NOT_ALLOWED',
      'Le fichier « rapport.pdf » n’est pas un PDF : il contient un programme exécutable Windows.',
    ],
    [
      'a PNG renamed .pdf',
      'bilan.pdf',
      'application/pdf',
      fixture('schema.png'),
      'DOCUMENT.CONTENT_MISMATCH',
      'Le fichier « bilan.pdf » porte l’extension .pdf mais contient une image PNG : renommez-le avec l’extension .png.',
    ],
    [
      'a Word document renamed .xlsx',
      'indicateurs.xlsx',
      'application/octet-stream',
      fixture('plan-actions.docx'),
      'DOCUMENT.CONTENT_MISMATCH',
      'Le fichier « indicateurs.xlsx » porte l’extension .xlsx mais contient un document Word : renommez-le avec l’extension .docx.',
    ],
    [
      'an empty file',
      'lettre.pdf',
      'application/pdf',
      new Uint8Array(0),
      'DOCUMENT.EMPTY',
      'Le fichier « lettre.pdf » est vide.',
    ],
    [
      'a truncated PDF header',
      'lettre.pdf',
      'application/pdf',
      new Uint8Array(Buffer.from('%PD')),
      'DOCUMENT.CONTENT_NOT_ALLOWED',
      'Le fichier « lettre.pdf » n’est pas un PDF : son contenu n’est pas reconnu.',
    ],
    [
      'a PDF cut short',
      'lettre.pdf',
      'application/pdf',
      fixture('lettre-engagement.pdf').subarray(0, 4000),
      'DOCUMENT.PDF_INCOMPLETE',
      'Le fichier « lettre.pdf » est un PDF incomplet (son en-tête ou sa fin manque) : il a sans doute été tronqué, exportez-le de nouveau.',
    ],
    [
      'a PDF declared as an image',
      'lettre.pdf',
      'image/png',
      fixture('lettre-engagement.pdf'),
      'DOCUMENT.DECLARED_TYPE_MISMATCH',
      'Le fichier « lettre.pdf » porte l’extension .pdf mais a été envoyé comme « image/png » : envoyez-le de nouveau sans changer son type.',
    ],
    [
      'an executable',
      'installeur.exe',
      'application/octet-stream',
      EXE,
      'DOCUMENT.TYPE_NOT_ALLOWED',
      'Le fichier « installeur.exe » n’est pas d’un format accepté.',
    ],
  ];

  it.each(cases)('%s: 415 %s', async (_what, filename, contentType, bytes, code, sentence) => {
    const res = await upload(`/candidacies/${id}/documents`, {
      as: COOP,
      filename,
      contentType,
      bytes,
      kind: 'supporting',
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 415, code, title: 'Format non accepté' });
    expect(res.body.detail).toContain(sentence);
    expect(res.body.errors).toEqual([{ field: 'file', code, message: res.body.detail }]);
    expect(await documents()).toEqual([]);
    expect(await inStore(bytes)).toBe(false);
  });
});

describe('real documents of each accepted format', () => {
  const accepted: Array<[string, string, string]> = [
    ['lettre-engagement.pdf', 'application/pdf', 'application/pdf'],
    [
      'plan-actions.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'indicateurs.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['compte-rendu.odt', 'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.text'],
    ['photo-residence.jpg', 'image/jpeg', 'image/jpeg'],
    ['schema.png', 'image/png', 'image/png'],
    // A browser that does not know the type sends octet-stream: the bytes decide, and the stored type is the real one.
    ['compte-rendu.odt', 'application/octet-stream', 'application/vnd.oasis.opendocument.text'],
  ];

  it.each(accepted)('%s sent as %s is stored as %s and served back byte for byte', async (name, declared, stored) => {
    const bytes = fixture(name);
    const res = await upload(`/candidacies/${id}/documents`, {
      as: COOP,
      filename: name,
      contentType: declared,
      bytes,
      kind: 'supporting',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      filename: name,
      contentType: stored,
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
    });
    expect(await inStore(bytes)).toBe(true);

    const download = await fetch(`${process.env.QC_API_URL}/candidacies/${id}/documents/${res.body.id}`, {
      headers: { authorization: `Bearer ${await tokenFor('committee')}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain(stored);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(bytes));
  });
});

describe('documents an instance kept on its own disk before the shared store', () => {
  it('are imported by the migration, then served; one whose file is gone is named, and answers 503 in French', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qc-documents-'));
    const kept = new TextEncoder().encode(`%PDF-1.4 rapport conservé sur le disque ${randomUUID()}\n%%EOF\n`);
    const gone = new TextEncoder().encode(`%PDF-1.4 fichier perdu ${randomUUID()}\n%%EOF\n`);
    writeFileSync(join(folder, sha256(kept)), kept);
    const [keptId, goneId] = [randomUUID(), randomUUID()];
    const client = new Client({ connectionString: process.env.QC_DATABASE_URL });
    await client.connect();
    try {
      for (const [docId, bytes] of [
        [keptId, kept],
        [goneId, gone],
      ] as const)
        await client.query(
          `INSERT INTO documents (id, candidacy_id, kind, filename, content_type, size_bytes, sha256, storage_key, uploaded_by)
           VALUES ($1, $2, 'supporting', 'ancien.pdf', 'application/pdf', $3, $4, $4, 'user-coop-documents-e2e')`,
          [docId, id, bytes.length, sha256(bytes)],
        );
    } finally {
      await client.end();
    }

    const report = await migrate(process.env.QC_DATABASE_URL!, folder);
    expect(report.documents.imported).toBe(1);
    expect(report.documents.missing).toEqual([sha256(gone)]);
    expect((await migrate(process.env.QC_DATABASE_URL!, folder)).documents.imported).toBe(0);

    const served = await fetch(`${process.env.QC_API_URL}/candidacies/${id}/documents/${keptId}`, {
      headers: { authorization: `Bearer ${await tokenFor('federation')}` },
    });
    expect(served.status).toBe(200);
    expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(sha256(kept));
    const missing = await call('GET', `/candidacies/${id}/documents/${goneId}`, { as: 'federation' });
    expect(missing.status).toBe(503);
    expect(missing.body).toMatchObject({ code: 'DOCUMENT.CONTENT_MISSING' });
    expect(missing.body.detail).toBe(
      "Le contenu de ce document n'est pas disponible pour l'instant : l'équipe technique en est avertie. Réessayez plus tard.",
    );
  });
});
