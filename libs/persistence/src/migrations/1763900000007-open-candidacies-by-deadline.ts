import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The candidacy list's default page (open candidacies by next deadline, then id) read from an
 * index in that order: a page of 20 reads 20 index entries instead of sorting every open
 * candidacy, and the total is counted from the same index.
 */
export class OpenCandidaciesByDeadline1763900000007 implements MigrationInterface {
  name = 'OpenCandidaciesByDeadline1763900000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX candidacies_open_by_deadline ON candidacies (next_deadline_at ASC NULLS LAST, id) WHERE NOT closed',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX candidacies_open_by_deadline');
  }
}
