import { MigrationInterface, QueryRunner } from 'typeorm';
import { CandidacyState, needsFederation, overdueCheckpoints } from '@qualicoop/domain';

/**
 * The read model's "the federation must act" and "checkpoint reports overdue" become plain
 * columns that the projection and the rebuild write from the domain's rules (`needsFederation`,
 * `overdueCheckpoints`), instead of a generated column that wrote the same rule again in SQL.
 * Existing rows are filled here with the same functions.
 */
export class RulesFromTheDomain1763900000003 implements MigrationInterface {
  name = 'RulesFromTheDomain1763900000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX candidacies_federation_todo');
    await q.query('ALTER TABLE candidacies DROP COLUMN federation_todo');
    await q.query(
      'ALTER TABLE candidacies ADD COLUMN federation_todo boolean NOT NULL DEFAULT false, ADD COLUMN overdue_checkpoints jsonb',
    );
    const rows = (await q.query('SELECT id, state FROM candidacies')) as Array<{ id: string; state: CandidacyState }>;
    for (const { id, state } of rows) {
      const overdue = overdueCheckpoints(state);
      await q.query('UPDATE candidacies SET federation_todo = $2, overdue_checkpoints = $3 WHERE id = $1', [
        id,
        needsFederation(state),
        overdue.length ? JSON.stringify(overdue) : null,
      ]);
    }
    await q.query('CREATE INDEX candidacies_federation_todo ON candidacies (id) WHERE federation_todo');
    await q.query(
      'CREATE INDEX candidacies_with_overdue_checkpoints ON candidacies (id) WHERE overdue_checkpoints IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX candidacies_with_overdue_checkpoints');
    await q.query('DROP INDEX candidacies_federation_todo');
    await q.query('ALTER TABLE candidacies DROP COLUMN overdue_checkpoints, DROP COLUMN federation_todo');
    await q.query(`ALTER TABLE candidacies ADD COLUMN federation_todo boolean GENERATED ALWAYS AS (
      NOT closed AND (
        stage = 'visit_to_plan'
        OR jsonb_path_exists(state, '$.helpRequests[*] ? (!(exists(@.answeredAt)))')
        OR jsonb_path_exists(state, '$.checkpoints[*] ? (exists(@.reportFiledAt) && !(exists(@.adviceGivenAt)))')
        OR (stage = 'implementation' AND jsonb_path_exists(state, '$.checkpoints[*] ? (@.overdue == true && !(exists(@.reportFiledAt)))')))
    ) STORED`);
    await q.query('CREATE INDEX candidacies_federation_todo ON candidacies (id) WHERE federation_todo');
  }
}
