import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API's per-caller request counters move from each instance's memory into PostgreSQL, so that
 * a caller gets the limit once, however many API instances answer. A fixed window per key.
 * UNLOGGED: counters need no crash safety and no write-ahead log (a crash resets them).
 */
export class SharedRateLimits1763900000005 implements MigrationInterface {
  name = 'SharedRateLimits1763900000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNLOGGED TABLE api_rate_limits (
      key text PRIMARY KEY,
      hits int NOT NULL,
      window_ends_at timestamptz NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE api_rate_limits');
  }
}
