/**
 * The ports of a worker's two metrics endpoints (ours, then the Temporal SDK's), from a base port
 * given to the stack: worker i takes base + 2i and base + 2i + 1, so that several workers on one
 * machine never collide. No base: metrics off (the worker's default).
 */
export interface WorkerMetricsUrls {
  /** Our figures (prom-client): candidacies by stage, outbox, reminders, projection delay. */
  app: string;
  /** The Temporal SDK's own metrics (`temporal_*`). */
  sdk: string;
}

export function workerMetricsPorts(
  base: number | undefined,
  index: number,
): { env: Record<string, string>; urls?: WorkerMetricsUrls } {
  if (!base) return { env: {} };
  const app = base + 2 * index;
  const sdk = app + 1;
  return {
    env: { QC_WORKER_METRICS_PORT: String(app), QC_WORKER_SDK_METRICS_PORT: String(sdk) },
    urls: { app: `http://127.0.0.1:${app}/metrics`, sdk: `http://127.0.0.1:${sdk}/metrics` },
  };
}
