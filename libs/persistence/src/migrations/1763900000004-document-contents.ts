import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded documents' bytes move from each API instance's disk into PostgreSQL (ADR 14), so that
 * every instance serves every document and one backup holds them with the rest. Content-addressed
 * by SHA-256: the same bytes are stored once. The bytes are already compressed formats (PDF,
 * Office ZIPs, images): stored out of line without compression attempts (STORAGE EXTERNAL).
 * Files already on this machine's disk are imported by `migrate()` right after (infra/src/migrate.ts).
 */
export class DocumentContents1763900000004 implements MigrationInterface {
  name = 'DocumentContents1763900000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE document_contents (
      sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size_bytes bigint NOT NULL,
      content bytea NOT NULL,
      stored_at timestamptz NOT NULL DEFAULT now())`);
    await q.query('ALTER TABLE document_contents ALTER COLUMN content SET STORAGE EXTERNAL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE document_contents');
  }
}
