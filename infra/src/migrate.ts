/** Applies pending migrations. Also `npm run migrate` for an operator's own database. */
import { createDataSource } from '@qualicoop/persistence';
import { loadConfig } from '@qualicoop/platform';

export async function migrate(databaseUrl: string): Promise<string[]> {
  const ds = await createDataSource(databaseUrl, 'quali-coop-migrate').initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  migrate(loadConfig().databaseUrl).then(
    (names) => console.log(names.length ? `applied: ${names.join(', ')}` : 'schema up to date'),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
