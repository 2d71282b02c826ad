/** Structured JSON access logs with a request id (X-Request-Id, generated when absent). */
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    (req as Request & { requestId: string }).requestId = requestId;
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const caller = (req as Request & { caller?: { sub: string; role: string } }).caller;
      process.stdout.write(
        `${JSON.stringify({
          level: res.statusCode >= 500 ? 'error' : 'info',
          msg: 'request',
          requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
          caller: caller?.sub,
          role: caller?.role,
        })}\n`,
      );
    });
    next();
  }
}
