import { MigrationInterface, QueryRunner } from 'typeorm';

/** People (for e-mails), documents, reports, and the API's idempotency records. */
export class ApiTables1763900000001 implements MigrationInterface {
  name = 'ApiTables1763900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE people (
      id text PRIMARY KEY, role text NOT NULL CHECK (role IN ('coop', 'federation', 'committee')),
      cooperative_id text REFERENCES cooperatives(id), name text NOT NULL, email text NOT NULL,
      active boolean NOT NULL DEFAULT true)`);
    await q.query(`CREATE TABLE documents (
      id uuid PRIMARY KEY, candidacy_id uuid NOT NULL, kind text NOT NULL, filename text NOT NULL,
      content_type text NOT NULL, size_bytes bigint NOT NULL, sha256 text NOT NULL, storage_key text NOT NULL,
      uploaded_by text NOT NULL, uploaded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX documents_by_candidacy ON documents (candidacy_id)`);
    await q.query(`CREATE TABLE reports (
      id uuid PRIMARY KEY, candidacy_id uuid NOT NULL, kind text NOT NULL, content jsonb NOT NULL,
      filed_by text NOT NULL, filed_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX reports_by_candidacy ON reports (candidacy_id, kind)`);
    await q.query(`CREATE TABLE api_idempotency (
      caller text NOT NULL, key text NOT NULL, method text NOT NULL, path text NOT NULL,
      status int, body jsonb, created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (caller, key))`);
    await q.query(`ALTER TABLE notifications ADD COLUMN attempts int NOT NULL DEFAULT 0, ADD COLUMN last_error text,
      ADD COLUMN message_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE notifications DROP COLUMN attempts, DROP COLUMN last_error, DROP COLUMN message_id');
    await q.query('DROP TABLE api_idempotency');
    await q.query('DROP TABLE reports');
    await q.query('DROP TABLE documents');
    await q.query('DROP TABLE people');
  }
}
