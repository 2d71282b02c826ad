/**
 * `Server-Timing` on every response (W3C Server Timing): `app` is the time from the request's
 * arrival to its headers, and the phases a handler measured with `phase()` (the decision's read,
 * Update and re-read) are listed before it. Browsers show it in their network panel; the
 * benchmark reads it to tell where a decision's time goes.
 */
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

interface Timed {
  serverTimings?: Array<[name: string, ms: number]>;
}

const ms = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

/** Runs `work` and records its duration on the request under `name`. */
export async function phase<T>(req: object, name: string, work: () => Promise<T>): Promise<T> {
  const started = process.hrtime.bigint();
  try {
    return await work();
  } finally {
    ((req as Timed).serverTimings ??= []).push([name, ms(started)]);
  }
}

@Injectable()
export class ServerTimingMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
    res.writeHead = ((...args: unknown[]) => {
      if (!res.headersSent) {
        const phases = [...((req as Timed).serverTimings ?? []), ['app', ms(started)] as const];
        res.setHeader('Server-Timing', phases.map(([name, d]) => `${name};dur=${d.toFixed(1)}`).join(', '));
      }
      return writeHead(...args);
    }) as Response['writeHead'];
    next();
  }
}
