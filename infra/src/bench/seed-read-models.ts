/**
 * The read models of N candidacies for sections b and e: the real read models cloned into
 * candidacies of as many bench cooperatives, stages spread, with what the projection derives from
 * the domain's rules (overdue checkpoints, the federation's tasks). `seedCandidacies` sets the
 * population to exactly N, adding or removing bench candidacies.
 */
import { DataSource } from 'typeorm';
import { CandidacyState, overdueCheckpoints } from '@qualicoop/domain';
import { replaceFederationTasks } from '@qualicoop/persistence';

const STAGES = `ARRAY['draft','on_agenda','under_review','implementation','visit_to_plan','labelled','labelled','implementation']`;
const CHUNK = 2000;

export async function seedCandidacies(ds: DataSource, n: number): Promise<void> {
  const [{ real, bench }] = await ds.query<[{ real: number; bench: number }]>(
    `SELECT count(*) FILTER (WHERE cooperative_id NOT LIKE 'bench-coop-%')::int AS real,
            count(*) FILTER (WHERE cooperative_id LIKE 'bench-coop-%')::int AS bench FROM candidacies`,
  );
  const wanted = Math.max(0, n - real);
  if (wanted < bench) {
    // Bench cooperative g has one candidacy: removing those numbered past the count keeps 1…wanted.
    await ds.query(
      `DELETE FROM candidacies WHERE cooperative_id LIKE 'bench-coop-%' AND substr(cooperative_id, 12)::int > $1`,
      [wanted],
    );
    await ds.query(`DELETE FROM cooperatives WHERE id LIKE 'bench-coop-%' AND substr(id, 12)::int > $1`, [wanted]);
  }
  if (wanted > bench) {
    await ds.query(
      // Registered over the last three years, as the engagement history would find them.
      `INSERT INTO cooperatives (id, name, region, email, created_at)
       SELECT 'bench-coop-' || g, 'Coop ' || g, 'Bench', 'b' || g || '@x.example', now() - (g % 1100) * interval '1 day'
         FROM generate_series($1::int, $2::int) g ON CONFLICT DO NOTHING`,
      [bench + 1, wanted],
    );
    for (let from = bench + 1; from <= wanted; from += CHUNK) {
      await addBenchCandidacies(ds, from, Math.min(wanted, from + CHUNK - 1));
    }
  }
  // Vacuumed as autovacuum would have, so that rows just removed do not weigh on the measures.
  for (const table of ['candidacies', 'federation_tasks', 'cooperatives']) await ds.query(`VACUUM ANALYZE ${table}`);
}

/** Bench candidacies `from`…`to`, and what the projection would write for their states. */
async function addBenchCandidacies(ds: DataSource, from: number, to: number): Promise<void> {
  await ds.transaction(async (tx) => {
    const rows = await tx.query<Array<{ id: string; state: CandidacyState; name: string }>>(
      `INSERT INTO candidacies (id, cooperative_id, workflow_id, cycle, stage, closed, opened_at, stage_since, next_deadline_at, next_deadline_label,
         label_expires_on, dossier_version, last_sequence, state, updated_at)
       SELECT gen_random_uuid(), 'bench-coop-' || g, 'candidacy-bench-coop-' || g, 1,
         (${STAGES})[1 + g % 8],
         g % 17 = 0, now() - (g % 400) * interval '1 day', now() - (g % 90) * interval '1 day',
         now() + ((g % 900) - 60) * interval '1 day', 'Échéance', (now() + (g % 1000) * interval '1 day')::date, 1, 10,
         jsonb_set(t.state, '{stage}', to_jsonb((${STAGES})[1 + g % 8])), now()
       FROM generate_series($1::int, $2::int) g,
            (SELECT state FROM candidacies WHERE cooperative_id NOT LIKE 'bench-coop-%' ORDER BY updated_at DESC LIMIT 1) t
       RETURNING id, state, 'Coop ' || substr(cooperative_id, 12) AS name`,
      [from, to],
    );
    await tx.query(
      `UPDATE candidacies c SET overdue_checkpoints = r.overdue
         FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::jsonb[]) AS overdue) r WHERE c.id = r.id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => (overdueCheckpoints(r.state).length ? JSON.stringify(overdueCheckpoints(r.state)) : null)),
      ],
    );
    await replaceFederationTasks(
      tx,
      rows.map((r) => ({ candidacyId: r.id, state: r.state, cooperativeName: r.name })),
    );
  });
}
