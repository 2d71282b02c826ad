/**
 * Workflow tests: the real workflow code and the real activities, on the time-skipping test
 * server (18 months and 3 years pass in seconds) and a real embedded PostgreSQL.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { SEARCH_ATTRIBUTE_REGISTRATION, TASK_QUEUE } from '@qualicoop/contracts';
import { temporal } from '@temporalio/proto';
import { createCandidacyActivities, createDataSource } from '@qualicoop/persistence';
import { REPO_ROOT, workflowBundleOptions } from '@qualicoop/platform';
import { temporalTestServer } from '@qualicoop/infra';

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

export async function startHarness(): Promise<Harness> {
  const url = process.env.QC_WF_DATABASE_URL;
  if (!url) throw new Error('QC_WF_DATABASE_URL is not set: run workflow tests through jest --selectProjects workflow');
  const ds = await createDataSource(url, 'workflow-tests').initialize();
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: temporalTestServer() } } });
  await registerSearchAttributes(env);
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
    },
  };
}

/** The dev server registers them from its command line; the test server through the operator API. */
async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  const T = temporal.api.enums.v1.IndexedValueType;
  const types = { Keyword: T.INDEXED_VALUE_TYPE_KEYWORD, Int: T.INDEXED_VALUE_TYPE_INT, Datetime: T.INDEXED_VALUE_TYPE_DATETIME };
  const searchAttributes = Object.fromEntries(Object.entries(SEARCH_ATTRIBUTE_REGISTRATION).map(([name, type]) => [name, types[type]]));
  await env.connection.operatorService.addSearchAttributes({ namespace: 'default', searchAttributes });
}
