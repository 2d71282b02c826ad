/** Per-caller request counters shared by every API instance: one fixed window per key. */
import { DataSource } from 'typeorm';

export class RateLimitRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Counts one request under `key` in the current window (a new window of `windowMs` once the
   * last one has ended): the hits in this window, and how long until it ends.
   */
  async hit(key: string, windowMs: number): Promise<{ hits: number; msLeft: number }> {
    const [row] = await this.ds.query<Array<{ hits: number; ms_left: string }>>(
      `INSERT INTO api_rate_limits AS r (key, hits, window_ends_at)
            VALUES ($1, 1, clock_timestamp() + $2 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET
            hits = CASE WHEN r.window_ends_at <= clock_timestamp() THEN 1 ELSE r.hits + 1 END,
            window_ends_at = CASE WHEN r.window_ends_at <= clock_timestamp()
                                  THEN clock_timestamp() + $2 * interval '1 millisecond' ELSE r.window_ends_at END
       RETURNING hits, ceil(extract(epoch FROM r.window_ends_at - clock_timestamp()) * 1000) AS ms_left`,
      [key, windowMs],
    );
    return { hits: row!.hits, msLeft: Math.max(0, Number(row!.ms_left)) };
  }
}
