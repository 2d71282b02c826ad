/**
 * The API's idempotency records, one per caller and `Idempotency-Key`: claimed when the first
 * request starts, completed with its response, released if it failed. A record left in progress
 * for a minute belongs to an attempt that died (e.g. the database went away before its response
 * was recorded) and may be taken over.
 */
import { DataSource } from 'typeorm';
import { IdempotencyRecordEntity } from '../entities/idempotency-record.entity';

export type IdempotencyRecord = Pick<IdempotencyRecordEntity, 'method' | 'path' | 'status' | 'body'>;

export class IdempotencyRepository {
  constructor(private readonly ds: DataSource) {}

  /** True when this request may run: the key is new, or its record was abandoned. */
  async claim(caller: string, key: string, method: string, path: string): Promise<boolean> {
    const claimed = await this.ds.query<unknown[]>(
      `INSERT INTO api_idempotency (caller, key, method, path) VALUES ($1, $2, $3, $4)
       ON CONFLICT (caller, key) DO UPDATE SET created_at = now()
         WHERE api_idempotency.status IS NULL AND api_idempotency.created_at < now() - interval '1 minute'
       RETURNING key`,
      [caller, key, method, path],
    );
    return claimed.length > 0;
  }

  async complete(caller: string, key: string, status: number, body: unknown): Promise<void> {
    await this.ds.query('UPDATE api_idempotency SET status = $3, body = $4 WHERE caller = $1 AND key = $2', [
      caller,
      key,
      status,
      JSON.stringify(body ?? null),
    ]);
  }

  async release(caller: string, key: string): Promise<void> {
    await this.ds.getRepository(IdempotencyRecordEntity).delete({ caller, key });
  }

  find(caller: string, key: string): Promise<IdempotencyRecord | null> {
    return this.ds
      .getRepository(IdempotencyRecordEntity)
      .findOne({ select: ['method', 'path', 'status', 'body'], where: { caller, key } });
  }
}
