/** The worker process: runs candidacy workflows and their activities until SIGTERM/SIGINT. */
import { NativeConnection, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { TASK_QUEUE } from '@qualicoop/contracts';
import { createCandidacyActivities, createDataSource } from '@qualicoop/persistence';
import { NotificationSender } from './notification-sender';
import { sdkTelemetryOptions, serveWorkerMetrics } from './worker-metrics';
import { loadConfig, REPO_ROOT, temporalConnectionOptions, workflowBundleOptions } from '@qualicoop/platform';

async function main(): Promise<void> {
  const config = loadConfig();
  // The SDK's metrics exporter belongs to its Runtime, installed before any connection exists.
  const telemetryOptions = sdkTelemetryOptions(config);
  if (telemetryOptions) Runtime.install({ telemetryOptions });
  const ds = await createDataSource(config.databaseUrl, 'quali-coop-worker').initialize();
  const { host, port } = config.workerMetrics;
  const metricsServer = port > 0 ? await serveWorkerMetrics(ds, host, port) : undefined;
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
    JSON.stringify({
      level: 'info',
      msg: 'worker started',
      taskQueue: TASK_QUEUE,
      temporal: config.temporalAddress,
      metrics: port > 0 ? `http://${host}:${port}/metrics` : undefined,
      sdkMetrics:
        config.workerMetrics.sdkPort > 0 ? `http://${host}:${config.workerMetrics.sdkPort}/metrics` : undefined,
    }),
  );
  try {
    await worker.run();
  } finally {
    await notifications.stop();
    metricsServer?.close();
    await connection.close();
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
