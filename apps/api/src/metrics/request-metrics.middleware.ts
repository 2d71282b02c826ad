/** Times every HTTP request and counts it under its route template once the answer has left. */
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiMetrics, routeLabel } from './api-metrics';

@Injectable()
export class RequestMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: ApiMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      // Express sets `req.route` when a route matched; it is read only now, after the handler.
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.observeRequest(req.method, routeLabel(req), res.statusCode, seconds);
    });
    next();
  }
}
