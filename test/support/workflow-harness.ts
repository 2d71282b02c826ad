/**
 * Workflow tests: the real workflow code and the real activities, on the time-skipping test
 * server (18 months and 3 years pass in seconds) and a real embedded PostgreSQL.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Runtime, DefaultLogger, Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { TASK_QUEUE } from '@qualicoop/contracts';
import { createCandidacyActivities, createDataSource } from '@qualicoop/persistence';
import { REPO_ROOT, workflowBundleOptions } from '@qualicoop/platform';
import { migrate, RunningPostgres, seed, startPostgres, temporalTestServer } from '@qualicoop/infra';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** Bundled once per Jest process: bundling takes seconds. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ ...workflowBundleOptions(REPO_ROOT, 'src'), logger: new DefaultLogger('WARN') });
  return bundle;
}

export interface Harness {
  env: TestWorkflowEnvironment;
  ds: DataSource;
  worker: Worker;
  running: Promise<void>;
  stop(): Promise<void>;
}

let runtimeInstalled = false;

export async function startHarness(name: string, port: number): Promise<Harness> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const dataDir = join(REPO_ROOT, '.data', 'workflow-tests', name);
  rmSync(dataDir, { recursive: true, force: true });
  const pg: RunningPostgres = await startPostgres({ dataDir, port });
  await migrate(pg.url);
  await seed(pg.url, TEST_COOPERATIVES);
  const ds = await createDataSource(pg.url, 'workflow-tests').initialize();
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: temporalTestServer() } } });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    activities: createCandidacyActivities(ds),
  });
  const running = worker.run();
  return {
    env,
    ds,
    worker,
    running,
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
      await ds.destroy();
      await pg.stop();
    },
  };
}

export const TEST_COOPERATIVES = Array.from({ length: 30 }, (_, i) => ({
  id: `coop-test-${String(i + 1).padStart(2, '0')}`,
  name: `Coopérative de test ${i + 1}`,
  region: 'Île-de-France',
  email: `coop${i + 1}@test.example`,
}));
