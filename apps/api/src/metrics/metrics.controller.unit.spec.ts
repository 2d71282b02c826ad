import type { Response } from 'express';
import { loadConfig } from '@qualicoop/platform';
import { ApiMetrics } from './api-metrics';
import { MetricsController } from './metrics.controller';

function fakeResponse() {
  const sent: { type?: string; body?: string } = {};
  const res = {
    type: (t: string) => ((sent.type = t), res),
    send: (b: string) => ((sent.body = b), res),
  };
  return { res: res as unknown as Response, sent };
}

describe('MetricsController', () => {
  it('answers anyone when no token is configured', async () => {
    const { res, sent } = fakeResponse();
    await new MetricsController(new ApiMetrics(), loadConfig({})).scrape(undefined, res);
    expect(sent.type).toContain('text/plain');
    expect(sent.body).toContain('process_cpu_user_seconds_total');
  });

  it('asks for the configured bearer token when QC_METRICS_TOKEN is set', async () => {
    const controller = new MetricsController(new ApiMetrics(), loadConfig({ QC_METRICS_TOKEN: 's3cret' }));
    await expect(controller.scrape(undefined, fakeResponse().res)).rejects.toMatchObject({ status: 401 });
    await expect(controller.scrape('Bearer wrong', fakeResponse().res)).rejects.toMatchObject({ status: 401 });
    const { res, sent } = fakeResponse();
    await controller.scrape('Bearer s3cret', res);
    expect(sent.body).toContain('http_server_request_duration_seconds');
  });
});
