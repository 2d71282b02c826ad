/**
 * `GET /metrics`, for Prometheus: public like /health unless QC_METRICS_TOKEN is set, then a
 * bearer of that token only (docs/operations.md). Not a client operation: kept out of OpenAPI,
 * and out of the rate limits (a GET that is not an expensive read is never counted; the skip
 * says so).
 */
import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RuntimeConfig } from '@qualicoop/platform';
import { Public } from '../auth/auth.guard';
import { problem } from '../common/error-catalogue';
import { CONFIG } from '../common/infrastructure.module';
import { ApiMetrics } from './api-metrics';

const digest = (s: string) => createHash('sha256').update(s).digest();

@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: ApiMetrics,
    @Inject(CONFIG) private readonly config: RuntimeConfig,
  ) {}

  @Get()
  @Public()
  @SkipThrottle()
  @ApiExcludeEndpoint()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    const token = this.config.metricsToken;
    if (token && !timingSafeEqual(digest(authorization ?? ''), digest(`Bearer ${token}`)))
      throw problem('AUTH.UNAUTHENTICATED');
    const text = await this.metrics.registry.metrics();
    res.type(this.metrics.registry.contentType).send(text);
  }
}
