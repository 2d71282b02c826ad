/** The worker process: runs candidacy workflows and their activities until SIGTERM/SIGINT. */
import { NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { TASK_QUEUE } from '@qualicoop/contracts';
import { createCandidacyActivities, createDataSource } from '@qualicoop/persistence';
import { NotificationSender } from './notification-sender';
import { loadConfig, REPO_ROOT, temporalConnectionOptions, workflowBundleOptions } from '@qualicoop/platform';

async function main(): Promise<void> {
  const config = loadConfig();
  const ds = await createDataSource(config.databaseUrl, 'quali-coop-worker').initialize();
  const connection = await NativeConnection.connect(temporalConnectionOptions(config));
  const workflowBundle = await bundleWorkflowCode({ ...workflowBundleOptions(REPO_ROOT, 'dist'), logger: undefined });
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: TASK_QUEUE,
    workflowBundle,
    activities: createCandidacyActivities(ds),
    shutdownGraceTime: '10 seconds',
    stickyQueueScheduleToStartTimeout: config.workerStickyTimeoutMs,
  });
  // E-mails leave from the outbox, beside the workflows (docs/adr/0007-notifications.md).
  const notifications = new NotificationSender(ds);
  notifications.start();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => worker.shutdown());
  console.log(
    JSON.stringify({ level: 'info', msg: 'worker started', taskQueue: TASK_QUEUE, temporal: config.temporalAddress }),
  );
  try {
    await worker.run();
  } finally {
    await notifications.stop();
    await connection.close();
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
