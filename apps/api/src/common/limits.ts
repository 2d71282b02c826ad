/**
 * What one caller may ask of the API (OWASP API4, unrestricted resource consumption): writes and
 * expensive reads are counted per caller (the token's subject, else the address), endpoint and minute; a
 * query string has a maximum length; every SQL statement has a timeout (the API's pool, see
 * `sqlStatementTimeoutMs`). Past a limit: 429 with `Retry-After` and a French problem document.
 *
 * The counters live in PostgreSQL (`api_rate_limits`, one fixed window per caller, endpoint and kind), so a
 * caller gets each limit once however many API instances answer (ADR 15).
 */
import { applyDecorators, ExecutionContext, Injectable, NestMiddleware, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiResponse } from '@nestjs/swagger';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerLimitDetail, type ThrottlerStorage } from '@nestjs/throttler';
import type { NextFunction, Request, Response } from 'express';
import { Database, RateLimitRepository } from '@qualicoop/persistence';
import { loadConfig } from '@qualicoop/platform';
import { problem } from './error-catalogue';

const EXPENSIVE_READ = 'qc:expensive-read';
/** A read whose cost grows with the number of candidacies (lists, inbox, KPIs, exports). */
export const ExpensiveRead = () =>
  applyDecorators(
    SetMetadata(EXPENSIVE_READ, true),
    ApiResponse({
      status: 429,
      description: 'REQUEST.RATE_LIMITED: too many expensive reads by this caller this minute (see Retry-After)',
    }),
  );

const reflector = new Reflector();
const isWrite = (ctx: ExecutionContext) => !['GET', 'HEAD'].includes(ctx.switchToHttp().getRequest<Request>().method);
const isExpensiveRead = (ctx: ExecutionContext) =>
  !isWrite(ctx) && reflector.getAllAndOverride<boolean>(EXPENSIVE_READ, [ctx.getHandler(), ctx.getClass()]) === true;

/** The throttler's counters, in PostgreSQL: blocked past the limit until the window ends. */
export class SharedThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly counters: RateLimitRepository) {}

  async increment(key: string, ttl: number, limit: number): ReturnType<ThrottlerStorage['increment']> {
    const { hits, msLeft } = await this.counters.hit(key, ttl);
    const seconds = Math.ceil(msLeft / 1000);
    const isBlocked = hits > limit;
    return { totalHits: hits, timeToExpire: seconds, isBlocked, timeToBlockExpire: isBlocked ? seconds : 0 };
  }
}

export const rateLimits = ThrottlerModule.forRootAsync({
  inject: [Database],
  useFactory: (db: Database) => {
    const { rateLimits: limits } = loadConfig();
    return {
      storage: new SharedThrottlerStorage(db.rateLimits),
      throttlers: [
        { name: 'writes', ttl: 60_000, limit: limits.writesPerMinute, skipIf: (ctx) => !isWrite(ctx) },
        {
          name: 'expensive-reads',
          ttl: 60_000,
          limit: limits.expensiveReadsPerMinute,
          skipIf: (ctx) => !isExpensiveRead(ctx),
        },
      ],
      getTracker: (req: Record<string, unknown>) => (req.caller as { sub?: string } | undefined)?.sub ?? String(req.ip),
    };
  },
});

/** The throttler, answering with the standard `Retry-After` header and the catalogue's problem. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw problem('REQUEST.RATE_LIMITED');
  }
}

/** A query string longer than the configured maximum is refused (414) before anything reads it. */
@Injectable()
export class QueryStringLimit implements NestMiddleware {
  private readonly max = loadConfig().maxQueryStringLength;

  use(req: Request, _res: Response, next: NextFunction): void {
    const at = req.originalUrl.indexOf('?');
    if (at >= 0 && req.originalUrl.length - at - 1 > this.max)
      throw problem('REQUEST.URI_TOO_LONG', { params: { max: this.max.toLocaleString('fr-FR') } });
    next();
  }
}
