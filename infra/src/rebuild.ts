/**
 * `npm run rebuild-read-models [-- --check]`: recomputes every candidacy read model from the
 * event store (DATABASE_URL, or the local embedded database). `--check` changes nothing and
 * exits 1 if any read model differs from its rebuild.
 */
import { createDataSource, rebuildReadModels } from '@qualicoop/persistence';
import { loadConfig } from '@qualicoop/platform';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const ds = await createDataSource(loadConfig().databaseUrl, 'quali-coop-rebuild').initialize();
  try {
    const report = await rebuildReadModels(ds, { dryRun: check });
    console.log(
      JSON.stringify({
        level: 'info',
        msg: check ? 'read models checked' : 'read models rebuilt',
        candidacies: report.candidacies,
        events: report.events,
        differing: report.changed.length,
        ids: report.changed.slice(0, 20),
      }),
    );
    if (check && report.changed.length) process.exitCode = 1;
  } finally {
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
