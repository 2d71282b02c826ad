/**
 * `npm run test:faults`: 100 candidacies driven through the API to a granted label on the local
 * stack (the Temporal dev server) while the worker is killed -9 at random moments, the Temporal
 * dev server restarted once and PostgreSQL stopped for 30 s; then the campaign's checks
 * (campaign.ts). Prints the figures and exits 1 on any breach.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@qualicoop/platform';
import { startStack } from '../stack';
import { UNLIMITED_RATES } from '../api-client';
import { FaultCampaign } from './campaign';
import { injectFaults } from './inject';
import { conclude, concludeBroken } from './report';
import { setTimeout as sleep } from 'node:timers/promises';

const N = Number(process.env.FAULTS_CANDIDACIES ?? 100);
const DEMO_MONTH_MS = 10_000;
/** Read by `npm test`, which adds these checks to its closing count. */
const REPORT = join(REPO_ROOT, '.data', 'faults-report.json');
const log = (msg: string) => console.log(`[faults] ${msg}`);
async function main(): Promise<void> {
  const dataDir = join(REPO_ROOT, '.data', 'faults');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  rmSync(REPORT, { force: true });
  const stack = await startStack({
    dataDir,
    ports: { postgres: 30432, temporal: 30233, temporalUi: 30333, api: 30000, mailSmtp: 30025, mailWeb: 30080 },
    policy: 'standard',
    env: {
      QC_ALLOW_POLICY_CHOICE: 'true',
      QC_DEMO_MONTH_MS: String(DEMO_MONTH_MS),
      ...UNLIMITED_RATES,
    },
  });
  try {
    const campaign = new FaultCampaign(
      {
        apiUrls: [stack.apiUrl],
        temporalAddress: stack.temporalAddress,
        databaseUrl: stack.databaseUrl,
        mailUrl: stack.mailUrl,
        senderLogs: [join(dataDir, 'worker.log')],
      },
      log,
    );
    const result = await campaign.run({
      candidacies: N,
      prefix: 'faults',
      inject: (done) =>
        injectFaults(
          campaign,
          {
            ...stack.faults,
            crashes: [
              {
                name: 'kill -9 worker',
                run: async () => {
                  stack.faults.killWorker();
                  await sleep(500 + Math.random() * 1500);
                  stack.faults.startWorker();
                },
              },
            ],
          },
          done,
        ),
      faultsExpected: {
        name: 'faults injected: kill -9 of the worker (≥ 5), a Temporal restart, PostgreSQL stopped 30 s',
        ok: (c) =>
          c.count('kill -9 worker') >= 5 && c.count('temporal restart') === 1 && c.count('postgres stopped 30 s') === 1,
      },
    });
    conclude('faults', REPORT, result);
  } finally {
    await stack.stop();
  }
}

main().catch((e: unknown) => {
  concludeBroken('faults', REPORT, e);
  process.exit(1);
});
