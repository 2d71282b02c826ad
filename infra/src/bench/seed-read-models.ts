/**
 * The read models of 10,000 candidacies for sections b and e: the real read models cloned into
 * 10,000 candidacies of 10,000 cooperatives, stages spread, with the columns the projection
 * derives from the domain's rules.
 */
import { DataSource } from 'typeorm';
import { CandidacyState, overdueCheckpoints } from '@qualicoop/domain';
import { replaceFederationTasks } from '@qualicoop/persistence';

export async function seedTenThousand(ds: DataSource): Promise<void> {
  const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM candidacies');
  const missing = 10_000 - count;
  if (missing > 0) {
    await ds.query(
      `INSERT INTO cooperatives (id, name, region, email) SELECT 'bench-coop-' || g, 'Coop ' || g, 'Bench', 'b' || g || '@x.example' FROM generate_series(1, $1) g ON CONFLICT DO NOTHING`,
      [missing],
    );
    await ds.query(
      `INSERT INTO candidacies (id, cooperative_id, workflow_id, cycle, stage, closed, opened_at, stage_since, next_deadline_at, next_deadline_label,
         label_expires_on, dossier_version, last_sequence, state, updated_at)
       SELECT gen_random_uuid(), 'bench-coop-' || g, 'candidacy-bench-coop-' || g, 1,
         (ARRAY['draft','on_agenda','under_review','implementation','visit_to_plan','labelled','labelled','implementation'])[1 + g % 8],
         g % 17 = 0, now() - (g % 400) * interval '1 day', now() - (g % 90) * interval '1 day',
         now() + ((g % 900) - 60) * interval '1 day', 'Échéance', (now() + (g % 1000) * interval '1 day')::date, 1, 10,
         jsonb_set(t.state, '{stage}', to_jsonb((ARRAY['draft','on_agenda','under_review','implementation','visit_to_plan','labelled','labelled','implementation'])[1 + g % 8])), now()
       FROM generate_series(1, $1) g, (SELECT state FROM candidacies ORDER BY updated_at DESC LIMIT 1) t`,
      [missing],
    );
    // What the projection writes from the domain's rules, as it would for these states.
    const rows = await ds.query<Array<{ id: string; state: CandidacyState; name: string }>>(
      `SELECT c.id, c.state, co.name FROM candidacies c JOIN cooperatives co ON co.id = c.cooperative_id
        WHERE c.cooperative_id LIKE 'bench-coop-%'`,
    );
    await ds.query(
      `UPDATE candidacies c SET overdue_checkpoints = r.overdue
         FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::jsonb[]) AS overdue) r WHERE c.id = r.id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => (overdueCheckpoints(r.state).length ? JSON.stringify(overdueCheckpoints(r.state)) : null)),
      ],
    );
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await ds.transaction((tx) =>
        replaceFederationTasks(
          tx,
          chunk.map((r) => ({ candidacyId: r.id, state: r.state, cooperativeName: r.name })),
        ),
      );
    }
    await ds.query('ANALYZE federation_tasks');
    await ds.query('ANALYZE candidacies');
  }
}
