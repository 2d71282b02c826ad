/**
 * Applies pending migrations, then imports into the shared document store any document bytes
 * still on this machine's former local store (QC_DOCUMENTS_DIR, default `.data/documents`).
 * Also `npm run migrate` for an operator's own database: run it on each machine that held
 * documents; it says which documents are still missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDataSource, PostgresDocumentStore } from '@qualicoop/persistence';
import { dataDir, loadConfig } from '@qualicoop/platform';

/** Where API instances kept uploaded documents before they moved into PostgreSQL (ADR 14). */
export const localDocumentsDir = (env: NodeJS.ProcessEnv = process.env) =>
  env.QC_DOCUMENTS_DIR ?? join(dataDir(env), 'documents');

export interface MigrationReport {
  applied: string[];
  documents: { imported: number; missing: string[] };
}

export async function migrate(databaseUrl: string, documentsDir = localDocumentsDir()): Promise<MigrationReport> {
  const ds = await createDataSource(databaseUrl, 'quali-coop-migrate').initialize();
  try {
    const applied = (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
    const readLocal = (key: string) => {
      const path = join(documentsDir, key);
      return /^[0-9a-f]{64}$/.test(key) && existsSync(path) ? readFileSync(path) : undefined;
    };
    const documents = await new PostgresDocumentStore(ds).importMissing(readLocal);
    return { applied, documents };
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  migrate(loadConfig().databaseUrl).then(
    ({ applied, documents }) => {
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema up to date');
      if (documents.imported) console.log(`documents imported from ${localDocumentsDir()}: ${documents.imported}`);
      if (documents.missing.length)
        console.warn(
          `documents still missing from the store (import them from the machine that holds them): ${documents.missing.join(', ')}`,
        );
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
