import { MigrationInterface, QueryRunner } from 'typeorm';
import { CandidacyState, needsFederation } from '@qualicoop/domain';
import { replaceFederationTasks } from '../federation-tasks';

/**
 * The federation's inbox becomes a read model: one row per task the domain lists
 * (`federationTaskList`), so that SQL filters, sorts and pages it instead of the API running the
 * rules over every candidacy that might have one. It replaces `federation_todo`, which only told
 * which candidacies to look at. Existing candidacies get their tasks here, with the same function
 * the projection uses.
 */
export class FederationTasks1763900000006 implements MigrationInterface {
  name = 'FederationTasks1763900000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE federation_tasks (
      candidacy_id uuid NOT NULL REFERENCES candidacies (id) ON DELETE CASCADE,
      position smallint NOT NULL,
      what_fr text NOT NULL,
      due_at timestamptz,
      action jsonb,
      listed_from_horizon date,
      PRIMARY KEY (candidacy_id, position))`);
    await q.query(
      'CREATE INDEX federation_tasks_by_due ON federation_tasks (due_at ASC NULLS LAST, candidacy_id, position)',
    );
    const rows = (await q.query(
      `SELECT c.id, c.state, co.name FROM candidacies c JOIN cooperatives co ON co.id = c.cooperative_id
        WHERE NOT c.closed ORDER BY c.id`,
    )) as Array<{ id: string; state: CandidacyState; name: string }>;
    for (let i = 0; i < rows.length; i += 500) {
      await replaceFederationTasks(
        q.manager,
        rows.slice(i, i + 500).map((r) => ({ candidacyId: r.id, state: r.state, cooperativeName: r.name })),
      );
    }
    await q.query('DROP INDEX candidacies_federation_todo');
    await q.query('ALTER TABLE candidacies DROP COLUMN federation_todo');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE candidacies ADD COLUMN federation_todo boolean NOT NULL DEFAULT false');
    const rows = (await q.query('SELECT id, state FROM candidacies')) as Array<{ id: string; state: CandidacyState }>;
    for (const { id, state } of rows) {
      await q.query('UPDATE candidacies SET federation_todo = $2 WHERE id = $1', [id, needsFederation(state)]);
    }
    await q.query('CREATE INDEX candidacies_federation_todo ON candidacies (id) WHERE federation_todo');
    await q.query('DROP TABLE federation_tasks');
  }
}
