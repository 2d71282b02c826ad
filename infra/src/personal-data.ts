/**
 * `npm run personal-data -- export <person-id>` prints, as JSON, what the system holds about a
 * person; `npm run personal-data -- erase <person-id>` erases who they are (GDPR; see
 * docs/security.md). On DATABASE_URL, or the local embedded database.
 */
import { createDataSource, PersonalDataRepository } from '@qualicoop/persistence';
import { loadConfig } from '@qualicoop/platform';

async function main(): Promise<void> {
  const [action, personId] = process.argv.slice(2);
  if (!personId || (action !== 'export' && action !== 'erase')) {
    console.error('usage: npm run personal-data -- export|erase <person-id>');
    process.exit(2);
  }
  const ds = await createDataSource(loadConfig().databaseUrl, 'quali-coop-personal-data').initialize();
  try {
    const repository = new PersonalDataRepository(ds);
    const result = action === 'export' ? await repository.export(personId) : await repository.erase(personId);
    if (!result) {
      console.error(`Aucune personne n'a l'identifiant « ${personId} ». / No person has the id "${personId}".`);
      process.exitCode = 1;
      return;
    }
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
