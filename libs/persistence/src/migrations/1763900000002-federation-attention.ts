import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the federation must act on, kept by PostgreSQL itself from the read model's state (a
 * generated column, so the projection and the rebuild cannot forget it): a visit to plan, an
 * unanswered help request, a checkpoint report awaiting advice, an overdue checkpoint. With
 * partial indexes, the federation inbox no longer scans every candidacy's state.
 * Superseded by migration 3: the column is now written from the domain's rule (`needsFederation`).
 */
export class FederationAttention1763900000002 implements MigrationInterface {
  name = 'FederationAttention1763900000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE candidacies ADD COLUMN federation_todo boolean GENERATED ALWAYS AS (
      NOT closed AND (
        stage = 'visit_to_plan'
        OR jsonb_path_exists(state, '$.helpRequests[*] ? (!(exists(@.answeredAt)))')
        OR jsonb_path_exists(state, '$.checkpoints[*] ? (exists(@.reportFiledAt) && !(exists(@.adviceGivenAt)))')
        OR (stage = 'implementation' AND jsonb_path_exists(state, '$.checkpoints[*] ? (@.overdue == true && !(exists(@.reportFiledAt)))')))
    ) STORED`);
    await q.query('CREATE INDEX candidacies_federation_todo ON candidacies (id) WHERE federation_todo');
    await q.query('CREATE INDEX candidacies_open_by_label_expiry ON candidacies (label_expires_on) WHERE NOT closed');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX candidacies_open_by_label_expiry');
    await q.query('DROP INDEX candidacies_federation_todo');
    await q.query('ALTER TABLE candidacies DROP COLUMN federation_todo');
  }
}
