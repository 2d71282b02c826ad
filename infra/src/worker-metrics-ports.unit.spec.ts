import { workerMetricsPorts } from './worker-metrics-ports';

describe('workerMetricsPorts', () => {
  it('leaves metrics off without a base port', () => {
    expect(workerMetricsPorts(undefined, 0)).toEqual({ env: {} });
    expect(workerMetricsPorts(0, 1)).toEqual({ env: {} });
  });

  it('gives each worker two ports of its own, ours then the SDK’s', () => {
    const ports = [0, 1, 2].map((i) => workerMetricsPorts(9464, i).env);
    expect(ports).toEqual([
      { QC_WORKER_METRICS_PORT: '9464', QC_WORKER_SDK_METRICS_PORT: '9465' },
      { QC_WORKER_METRICS_PORT: '9466', QC_WORKER_SDK_METRICS_PORT: '9467' },
      { QC_WORKER_METRICS_PORT: '9468', QC_WORKER_SDK_METRICS_PORT: '9469' },
    ]);
    expect(workerMetricsPorts(9464, 1).urls).toEqual({
      app: 'http://127.0.0.1:9466/metrics',
      sdk: 'http://127.0.0.1:9467/metrics',
    });
  });
});
