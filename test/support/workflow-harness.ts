/**
 * Workflow tests: the real workflow code and the real activities, on the time-skipping test
 * server (18 months and 3 years pass in seconds) and a real embedded PostgreSQL.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  NativeConnection,
  Worker,
  WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
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
  /** Every candidacy a suite drove: their histories become replay fixtures (QC_RECORD_HISTORIES=1). */
  drivers: Array<{ workflowId: string; cooperativeId: string; firstRunId: string }>;
  env: TestWorkflowEnvironment;
  ds: DataSource;
  worker: Worker;
  running: Promise<void>;
  /** Stops the worker and starts a fresh one with an empty cache, as after a crash or a deploy. */
  restartWorker(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `cache: false` runs workers without a workflow cache: every workflow task replays the whole
 * history (the strictest determinism check), and no task is ever bound to a stopped worker's
 * sticky queue — which the time-skipping server does not release on shutdown.
 */
export async function startHarness(
  opts: { cache?: boolean } = {},
  suite = expect.getState().testPath?.replace(/.*\//, '').replace(/\..*/, '') ?? 'suite',
): Promise<Harness> {
  const url = process.env.QC_WF_DATABASE_URL;
  if (!url) throw new Error('QC_WF_DATABASE_URL is not set: run workflow tests through jest --selectProjects workflow');
  const ds = await createDataSource(url, 'workflow-tests').initialize();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServer() } },
  });
  await registerSearchAttributes(env);
  // Each worker gets its own connection: a restarted worker is a new process in real life.
  const connections: NativeConnection[] = [];
  const newWorker = async () =>
    Worker.create({
      connection: connections[connections.push(await NativeConnection.connect({ address: env.address })) - 1]!,
      taskQueue: TASK_QUEUE,
      workflowBundle: await workflowBundle(),
      activities: createCandidacyActivities(ds),
      ...(opts.cache === false ? { maxCachedWorkflows: 0 } : {}),
    });
  let worker = await newWorker();
  let running = worker.run();
  const drivers: Harness['drivers'] = [];
  return {
    drivers,
    env,
    ds,
    get worker() {
      return worker;
    },
    get running() {
      return running;
    },
    async restartWorker() {
      worker.shutdown();
      await running;
      worker = await newWorker();
      running = worker.run();
    },
    async stop() {
      try {
        if (process.env.QC_RECORD_HISTORIES) await recordHistories(env, drivers, suite);
      } finally {
        worker.shutdown();
        await running;
        for (const c of connections) await c.close();
        await env.teardown();
        await ds.destroy();
      }
    },
  };
}

/** The dev server registers them from its command line; the test server through the operator API. */
async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  const T = temporal.api.enums.v1.IndexedValueType;
  const types = {
    Keyword: T.INDEXED_VALUE_TYPE_KEYWORD,
    Int: T.INDEXED_VALUE_TYPE_INT,
    Datetime: T.INDEXED_VALUE_TYPE_DATETIME,
  };
  const searchAttributes = Object.fromEntries(
    Object.entries(SEARCH_ATTRIBUTE_REGISTRATION).map(([name, type]) => [name, types[type]]),
  );
  await env.connection.operatorService.addSearchAttributes({ namespace: 'default', searchAttributes });
}

export const HISTORY_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'histories');
/** Bump with every patched change: fixtures of each code version are kept while its runs may live. */
export const WORKFLOW_CODE_VERSION = 'v4';

/** Writes the history of every run of every candidacy a suite drove, as replay fixtures. */
async function recordHistories(
  env: TestWorkflowEnvironment,
  drivers: Harness['drivers'],
  suite: string,
): Promise<void> {
  const folder = join(HISTORY_FIXTURES, WORKFLOW_CODE_VERSION);
  mkdirSync(folder, { recursive: true });
  for (const d of drivers) {
    // The test server has no visibility API: the first run, and the latest if it continued-as-new.
    const latest = (await env.client.workflow.getHandle(d.workflowId).describe()).runId;
    for (const runId of new Set([d.firstRunId, latest])) {
      const history = await env.client.workflow.getHandle(d.workflowId, runId).fetchHistory();
      // Binary protobuf: exact, compact, and free of JSON-conversion differences between SDK versions.
      const bytes = temporal.api.history.v1.History.encode(history).finish();
      writeFileSync(join(folder, `${suite}.${d.cooperativeId}.${runId.slice(0, 8)}.history.pb`), bytes);
    }
  }
}
