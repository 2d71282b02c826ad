/**
 * What the worker's metrics endpoint reports about the database, read at scrape time: a few
 * aggregate queries, each on an index or a bounded slice (docs/operations.md says what each means).
 */
import { DataSource } from 'typeorm';
import type { NotificationStatus } from './outbox';

export interface OperationsFigures {
  /** Candidacies in the read model, by stage (closed ones included, under their final stage). */
  candidaciesByStage: Record<string, number>;
  /** `ReminderSent` events in the event store, all time. */
  remindersSent: number;
  /** Outbox rows by status. */
  notifications: Record<NotificationStatus, number>;
  /** Age of the oldest row not yet sent ('pending' or 'sending'), 0 when there is none. */
  oldestUnsentNotificationSeconds: number;
  /**
   * The longest wait, among events recorded in the last `RECENT_WINDOW_SECONDS` (at most the last
   * `RECENT_EVENTS`), between an event's time in its workflow and its recording: the append, the
   * read models and the outbox are written in that one transaction. 0 when nothing was recorded.
   */
  projectionDelaySeconds: number;
}

export const RECENT_EVENTS = 100;
export const RECENT_WINDOW_SECONDS = 300;

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export async function readOperationsFigures(ds: DataSource): Promise<OperationsFigures> {
  const [stages, reminders, outbox, delay] = await Promise.all([
    ds.query<Array<{ stage: string; count: string }>>(
      'SELECT stage, count(*) AS count FROM candidacies GROUP BY stage',
    ),
    ds.query<Array<{ count: string }>>(`SELECT count(*) AS count FROM candidacy_events WHERE type = 'ReminderSent'`),
    ds.query<Array<{ status: NotificationStatus; count: string; oldest: string | null }>>(
      `SELECT status, count(*) AS count,
              EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE status IN ('pending', 'sending'))) AS oldest
         FROM notifications GROUP BY status`,
    ),
    ds.query<Array<{ seconds: string | null }>>(
      `SELECT EXTRACT(EPOCH FROM max(recorded_at - occurred_at)) AS seconds
         FROM (SELECT recorded_at, occurred_at FROM candidacy_events ORDER BY position DESC LIMIT $1) recent
        WHERE recorded_at > now() - make_interval(secs => $2)`,
      [RECENT_EVENTS, RECENT_WINDOW_SECONDS],
    ),
  ]);
  const notifications: Record<NotificationStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  let oldest = 0;
  for (const row of outbox) {
    notifications[row.status] = num(row.count);
    oldest = Math.max(oldest, num(row.oldest));
  }
  return {
    candidaciesByStage: Object.fromEntries(stages.map((r) => [r.stage, num(r.count)])),
    remindersSent: num(reminders[0]?.count),
    notifications,
    oldestUnsentNotificationSeconds: oldest,
    projectionDelaySeconds: Math.max(0, num(delay[0]?.seconds)),
  };
}
