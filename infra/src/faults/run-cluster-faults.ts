/**
 * `npm run test:cluster`: the failover test of the production shape. On a cluster — the full
 * Temporal server on PostgreSQL, 2 workers, 2 API instances — 200 candidacies are driven to
 * their label under the demo policy through both API instances in turn, while a worker and an API
 * instance are killed -9 again and again (and restarted), the Temporal server is restarted once
 * and PostgreSQL stopped for 30 s; then the campaign's checks (campaign.ts), documents included:
 * every letter is served by both API instances.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@qualicoop/platform';
import { startCluster } from '../cluster';
import { UNLIMITED_RATES } from '../api-client';
import { FaultCampaign } from './campaign';
import { injectFaults } from './inject';
import { conclude, concludeBroken } from './report';
import { setTimeout as sleep } from 'node:timers/promises';

const N = Number(process.env.CLUSTER_CANDIDACIES ?? 200);
const DEMO_MONTH_MS = 10_000;
const REPORT = join(REPO_ROOT, '.data', 'cluster-report.json');
const log = (msg: string) => console.log(`[cluster] ${msg}`);
const pick = (n: number) => Math.floor(Math.random() * n);

async function main(): Promise<void> {
  const dataDir = join(REPO_ROOT, '.data', 'cluster-test');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  rmSync(REPORT, { force: true });
  const started = Date.now();
  const cluster = await startCluster({
    dataDir,
    ports: {
      postgres: 31432,
      temporal: 31233,
      temporalMetrics: 31400,
      apis: [31000, 31001],
      mailSmtp: 31025,
      mailWeb: 31080,
    },
    workers: 2,
    policy: 'standard',
    env: {
      QC_ALLOW_POLICY_CHOICE: 'true',
      QC_DEMO_MONTH_MS: String(DEMO_MONTH_MS),
      ...UNLIMITED_RATES,
    },
  });
  log(`cluster up in ${Math.round((Date.now() - started) / 1000)} s`);
  try {
    const campaign = new FaultCampaign(
      {
        apiUrls: cluster.apiUrls,
        temporalAddress: cluster.temporalAddress,
        databaseUrl: cluster.databaseUrl,
        mailUrl: cluster.mailUrl,
        senderLogs: cluster.workers.map((_, i) => join(dataDir, `worker-${i + 1}.log`)),
      },
      log,
    );
    const result = await campaign.run({
      candidacies: N,
      prefix: 'cluster',
      // In turn: a worker, then an API instance (either one), killed -9 and restarted a moment later.
      inject: (done) =>
        injectFaults(
          campaign,
          {
            ...cluster.faults,
            crashes: [
              {
                name: 'kill -9 worker',
                run: async () => {
                  const i = pick(cluster.workers.length);
                  cluster.faults.killWorker(i);
                  await sleep(500 + Math.random() * 1500);
                  cluster.faults.startWorker(i);
                },
              },
              {
                name: 'kill -9 api',
                run: async () => {
                  const i = pick(cluster.apis.length);
                  cluster.faults.killApi(i);
                  await sleep(500 + Math.random() * 1500);
                  await cluster.faults.startApi(i);
                },
              },
            ],
          },
          done,
          { temporalAfterMs: 40_000, postgresAfterMs: 90_000 },
        ),
      faultsExpected: {
        name: 'faults injected: kill -9 of a worker (≥ 3) and of an API instance (≥ 3), a Temporal server restart, PostgreSQL stopped 30 s',
        ok: (c) =>
          c.count('kill -9 worker') >= 3 &&
          c.count('kill -9 api') >= 3 &&
          c.count('temporal restart') === 1 &&
          c.count('postgres stopped 30 s') === 1,
      },
    });
    conclude('cluster', REPORT, result);
  } finally {
    await cluster.stop();
  }
}

main().catch((e: unknown) => {
  concludeBroken('cluster', REPORT, e);
  process.exit(1);
});
