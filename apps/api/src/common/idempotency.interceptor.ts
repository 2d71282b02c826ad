/**
 * `Idempotency-Key` on POST/PUT/PATCH: the first request with a key (per caller) is executed and
 * its response recorded; a retry with the same key gets the recorded response, and nothing is
 * decided twice. A retry while the first is still running gets 409; a failed first attempt
 * leaves no record (or an abandoned one, taken over after a minute), so it may be retried. (Decisions are also deduplicated by Temporal: the key
 * and the command's digest become the Update id, and a retry sends the very same command: ADR 17.)
 */
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { catchError, from, map, Observable, switchMap } from 'rxjs';
import { IdempotencyRepository } from '@qualicoop/persistence';
import { AuthedRequest } from '../auth/auth.guard';
import { invalidField, problem } from './error-catalogue';

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly records: IdempotencyRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !['POST', 'PUT', 'PATCH'].includes(req.method) || !req.caller) return next.handle();
    if (!KEY.test(key)) {
      throw invalidField(
        'Idempotency-Key',
        'En-tête Idempotency-Key invalide : 1 à 200 caractères parmi lettres, chiffres, . _ : -',
      );
    }
    const caller = req.caller.sub;
    const path = req.originalUrl.split('?')[0] ?? req.originalUrl;
    return from(this.records.claim(caller, key, req.method, path)).pipe(
      switchMap((claimed) => {
        if (claimed) {
          return next.handle().pipe(
            // Recorded before the response leaves, so an immediate retry finds it.
            switchMap((body: unknown) =>
              from(this.records.complete(caller, key, res.statusCode, body)).pipe(map(() => body)),
            ),
            catchError((e: unknown) =>
              from(this.records.release(caller, key)).pipe(
                switchMap(() => {
                  throw e;
                }),
              ),
            ),
          );
        }
        return from(this.replay(caller, key, req.method, path, res));
      }),
    );
  }

  private async replay(caller: string, key: string, method: string, path: string, res: Response): Promise<unknown> {
    const row = await this.records.find(caller, key);
    if (!row) throw problem('IDEMPOTENCY.RETRY');
    if (row.method !== method || row.path !== path) {
      throw problem('IDEMPOTENCY.KEY_REUSED');
    }
    if (row.status === null) throw problem('IDEMPOTENCY.IN_PROGRESS');
    res.status(row.status);
    res.setHeader('Idempotent-Replayed', 'true');
    return row.body;
  }
}
