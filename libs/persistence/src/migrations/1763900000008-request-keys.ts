import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dossier version or a report stored by a request with an Idempotency-Key keeps that key, so
 * that a retry of the request finds the row its first attempt stored and sends the workflow the
 * very same command. (A retry that stored a new row sent, under the same Update id, arguments
 * that differed from the first attempt's: the history then recorded one and the workflow decided
 * the other, and the candidacy could no longer be replayed — ADR 17.)
 */
export class RequestKeys1763900000008 implements MigrationInterface {
  name = 'RequestKeys1763900000008';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['dossier_versions', 'reports']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN request_key text`);
      await q.query(
        `CREATE UNIQUE INDEX ${table}_by_request ON ${table} (candidacy_id, request_key) WHERE request_key IS NOT NULL`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['dossier_versions', 'reports']) {
      await q.query(`DROP INDEX ${table}_by_request`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN request_key`);
    }
  }
}
