// Starts the real stack (embedded PostgreSQL, Temporal dev server, worker and API processes)
// on ports of its own and a fresh data folder, once for all e2e suites.
require('../../infra/register-paths.cjs');
const { rmSync } = require('node:fs');
const { join } = require('node:path');

module.exports = async () => {
  const { startStack } = require('../../dist/infra/src/stack.js');
  const dataDir = join(__dirname, '..', '..', '.data', 'e2e');
  rmSync(dataDir, { recursive: true, force: true });
  const stack = await startStack({
    dataDir,
    ports: {
      postgres: 15439,
      temporal: 17233,
      temporalUi: 18233,
      api: 13000,
      mailSmtp: 11025,
      mailWeb: 11080,
      workerMetrics: 13464,
    },
    policy: 'standard',
    // Tests may open candidacies under a fast demo policy (a month = 2 s) to reach a label.
    env: {
      QC_ALLOW_POLICY_CHOICE: 'true',
      QC_DEMO_MONTH_MS: '2000',
      QC_RATE_LIMIT_PER_MINUTE: '100000',
      QC_READ_RATE_LIMIT_PER_MINUTE: '100000',
      QC_COMMAND_TIMEOUT_MS: '5000',
    },
  });
  globalThis.__QC_STACK__ = stack;
  process.env.QC_API_URL = stack.apiUrl;
  process.env.QC_DATABASE_URL = stack.databaseUrl;
  process.env.QC_TEMPORAL_ADDRESS = stack.temporalAddress;
  process.env.QC_MAIL_URL = stack.mailUrl;
  process.env.QC_WORKER_METRICS_URL = stack.workerMetricsUrls.app;
  process.env.QC_WORKER_SDK_METRICS_URL = stack.workerMetricsUrls.sdk;
};
