/**
 * Where uploaded documents' bytes live, addressed by SHA-256 (ADR 14). One small interface, so an
 * S3-compatible store can take PostgreSQL's place without touching the API; today the bytes are
 * in PostgreSQL, shared by every API instance and backed up with everything else.
 */
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface DocumentStore {
  /** Stores the bytes under their SHA-256, once (saving the same bytes again does nothing); returns it. */
  save(bytes: Buffer): Promise<string>;
  /** The bytes stored under this SHA-256, or undefined. */
  read(sha256: string): Promise<Buffer | undefined>;
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export class PostgresDocumentStore implements DocumentStore {
  constructor(private readonly ds: DataSource) {}

  async save(bytes: Buffer): Promise<string> {
    const sha256 = sha256Of(bytes);
    await this.insert(sha256, bytes);
    return sha256;
  }

  private async insert(sha256: string, bytes: Buffer): Promise<void> {
    await this.ds.query(
      `INSERT INTO document_contents (sha256, size_bytes, content) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`,
      [sha256, bytes.length, bytes],
    );
  }

  async read(sha256: string): Promise<Buffer | undefined> {
    const [row] = await this.ds.query<Array<{ content: Buffer }>>(
      'SELECT content FROM document_contents WHERE sha256 = $1',
      [sha256],
    );
    return row?.content;
  }

  /**
   * Imports the bytes of documents recorded but not yet in the store, from wherever `readLocal`
   * finds them (a folder of an instance's former local store). Returns what was imported and
   * what is still missing; running it again imports nothing twice.
   */
  async importMissing(
    readLocal: (storageKey: string) => Buffer | undefined,
  ): Promise<{ imported: number; missing: string[] }> {
    const rows = await this.ds.query<Array<{ storage_key: string; sha256: string }>>(
      `SELECT DISTINCT d.storage_key, d.sha256 FROM documents d
        WHERE NOT EXISTS (SELECT 1 FROM document_contents c WHERE c.sha256 = d.sha256)
        ORDER BY d.sha256`,
    );
    let imported = 0;
    const missing: string[] = [];
    for (const { storage_key, sha256 } of rows) {
      const bytes = readLocal(storage_key);
      if (!bytes || sha256Of(bytes) !== sha256) {
        missing.push(sha256);
        continue;
      }
      await this.insert(sha256, bytes);
      imported++;
    }
    return { imported, missing };
  }
}
