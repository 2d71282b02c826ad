/**
 * `Idempotency-Key` on POST/PUT/PATCH: the first request with a key (per caller) is executed and
 * its response recorded; a retry with the same key gets the recorded response, and nothing is
 * decided twice. A retry while the first is still running gets 409; a failed first attempt
 * leaves no record (or an abandoned one, taken over after a minute), so it may be retried. (Decisions are also deduplicated by Temporal: the key
 * becomes the Update id.)
 */
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { catchError, from, map, Observable, switchMap } from 'rxjs';
import { DataSource } from 'typeorm';
import { AuthedRequest } from '../auth/auth.guard';
import { ProblemException } from './problem';

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly ds: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !['POST', 'PUT', 'PATCH'].includes(req.method) || !req.caller) return next.handle();
    if (!KEY.test(key)) {
      throw new ProblemException(400, 'REQUEST.VALIDATION_FAILED', 'En-tête Idempotency-Key invalide.', [
        { field: 'Idempotency-Key', code: 'REQUEST.INVALID_FIELD', message: '1 à 200 caractères parmi lettres, chiffres, . _ : -' },
      ]);
    }
    const caller = req.caller.sub;
    const path = req.originalUrl.split('?')[0] ?? req.originalUrl;
    return from(
      this.ds.query(
        // A record left "in progress" for a minute belongs to an attempt that died (e.g. the database
        // went away before its response was recorded): take it over. The decision itself is still
        // deduplicated by Temporal, since the key is also the Update id.
        `INSERT INTO api_idempotency (caller, key, method, path) VALUES ($1, $2, $3, $4)
         ON CONFLICT (caller, key) DO UPDATE SET created_at = now()
           WHERE api_idempotency.status IS NULL AND api_idempotency.created_at < now() - interval '1 minute'
         RETURNING key`,
        [caller, key, req.method, path],
      ) as Promise<unknown[]>,
    ).pipe(
      switchMap((inserted) => {
        if (inserted.length > 0) {
          return next.handle().pipe(
            // Recorded before the response leaves, so an immediate retry finds it.
            switchMap((body) =>
              from(this.ds.query('UPDATE api_idempotency SET status = $3, body = $4 WHERE caller = $1 AND key = $2', [caller, key, res.statusCode, JSON.stringify(body ?? null)])).pipe(
                map(() => body),
              ),
            ),
            catchError((e: unknown) =>
              from(this.ds.query('DELETE FROM api_idempotency WHERE caller = $1 AND key = $2', [caller, key])).pipe(
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
    const [row] = (await this.ds.query('SELECT method, path, status, body FROM api_idempotency WHERE caller = $1 AND key = $2', [caller, key])) as Array<{
      method: string;
      path: string;
      status: number | null;
      body: unknown;
    }>;
    if (!row) throw new ProblemException(409, 'IDEMPOTENCY.RETRY', 'La requête précédente avec cette clé a échoué ; réessayez.');
    if (row.method !== method || row.path !== path) {
      throw new ProblemException(422, 'IDEMPOTENCY.KEY_REUSED', 'Cette clé Idempotency-Key a déjà servi pour une autre requête.');
    }
    if (row.status === null) throw new ProblemException(409, 'IDEMPOTENCY.IN_PROGRESS', 'Une requête avec cette clé est en cours de traitement.');
    res.status(row.status);
    res.setHeader('Idempotent-Replayed', 'true');
    return row.body;
  }
}
