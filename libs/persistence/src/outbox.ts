/**
 * The notification outbox, seen from its sender. `recordEvents` queues rows ('pending') in the
 * transaction of their event; a sender claims them, e-mails them and marks them.
 *
 * Row life: pending ──claim──▶ sending ──▶ sent
 *                 ▲                  └───▶ pending (retry, with backoff) … ──▶ failed (after 5 attempts)
 *
 * - A claim is `SELECT … FOR UPDATE SKIP LOCKED` + `UPDATE … status = 'sending', attempts + 1` in one
 *   transaction: two senders never take the same row.
 * - `attempts` is the claim's fencing token: whoever holds a row in 'sending' with that count owns it.
 * - A row left in 'sending' for more than 5 minutes (its sender crashed) is claimed again: the
 *   e-mail may then leave twice, with the same Message-ID (at-least-once towards SMTP).
 * - `sent_at` is when the last attempt started while a row is 'sending' or waiting for a retry,
 *   and when the SMTP server accepted the message once it is 'sent' (the schema has no separate
 *   claim column).
 */
import { DataSource } from 'typeorm';

export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface ClaimedNotification {
  key: string;
  candidacyId: string;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  /** This attempt's number (1 for the first); also the claim's fencing token. */
  attempts: number;
}

export const MAX_NOTIFICATION_ATTEMPTS = 5;
/** A claim older than this is presumed dead (its sender crashed) and the row is claimed again. */
export const STALE_CLAIM_MS = 5 * 60_000;
/** Waits between attempts: base, 4×base, 16×base, 64×base. */
export const DEFAULT_RETRY_BASE_DELAY_MS = 60_000;

/**
 * The e-mail addresses of an outbox recipient: 'coop:<id>' (the cooperative's address and its
 * active people's), 'federation' / 'committee' (their active people), 'committee-session:<id>'
 * (the active committee people listed as that session's members, or every active committee
 * person when the session lists none), 'visitor:<personId>' (that person, if active).
 * Deduplicated (case-insensitively), in a stable order; [] when unknown.
 */
export async function resolveRecipients(ds: DataSource, recipient: string): Promise<string[]> {
  const [scope, ...rest] = recipient.split(':');
  const id = rest.join(':');
  let rows: Array<{ email: string | null }>;
  if (scope === 'coop' && id) {
    rows = await ds.query(
      `SELECT email FROM (
         SELECT email, 0 AS rank, '' AS id FROM cooperatives WHERE id = $1
         UNION ALL
         SELECT email, 1 AS rank, id FROM people WHERE cooperative_id = $1 AND active
       ) r ORDER BY rank, id`,
      [id],
    );
  } else if ((scope === 'federation' || scope === 'committee') && rest.length === 0) {
    rows = await ds.query('SELECT email FROM people WHERE role = $1 AND active ORDER BY id', [scope]);
  } else if (scope === 'committee-session' && id) {
    rows = await ds.query(
      `SELECT p.email FROM people p
        WHERE p.role = 'committee' AND p.active
          AND (p.id = ANY(COALESCE((SELECT members FROM committee_sessions WHERE id = $1), '{}'))
               OR COALESCE(cardinality((SELECT members FROM committee_sessions WHERE id = $1)), 0) = 0)
        ORDER BY p.id`,
      [id],
    );
  } else if (scope === 'visitor' && id) {
    rows = await ds.query('SELECT email FROM people WHERE id = $1 AND active', [id]);
  } else {
    rows = [];
  }
  const seen = new Set<string>();
  const addresses: string[] = [];
  for (const { email } of rows) {
    const address = email?.trim();
    if (!address || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    addresses.push(address);
  }
  return addresses;
}

/**
 * Claims up to `limit` due rows, oldest first: pending rows whose retry delay has passed, and rows
 * stuck in 'sending' for more than `STALE_CLAIM_MS`. Marks them 'sending' with attempts + 1.
 */
export async function claimPendingNotifications(
  ds: DataSource,
  limit: number,
  opts: { retryBaseDelayMs?: number; staleClaimMs?: number } = {},
): Promise<ClaimedNotification[]> {
  const retryBaseSeconds = (opts.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS) / 1000;
  const staleSeconds = (opts.staleClaimMs ?? STALE_CLAIM_MS) / 1000;
  return ds.transaction(async (tx) => {
    const rows = returnedRows<ClaimedRow>(
      await tx.query(
        `WITH due AS (
           SELECT key FROM notifications
           WHERE (status = 'pending'
                  AND (attempts = 0 OR sent_at IS NULL
                       OR sent_at <= now() - make_interval(secs => $2 * power(4, attempts - 1))))
              OR (status = 'sending' AND (sent_at IS NULL OR sent_at < now() - make_interval(secs => $3)))
           ORDER BY created_at, key
           LIMIT $1
           FOR UPDATE SKIP LOCKED
         )
         UPDATE notifications n SET status = 'sending', attempts = n.attempts + 1, sent_at = now()
         FROM due WHERE n.key = due.key
         RETURNING n.key, n.candidacy_id, n.kind, n.recipient, n.subject, n.body, n.attempts, n.created_at`,
        [limit, retryBaseSeconds, staleSeconds],
      ),
    );
    // RETURNING does not keep the CTE's order.
    rows.sort(
      (a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
    return rows.map((r) => ({
      key: r.key,
      candidacyId: r.candidacy_id,
      kind: r.kind,
      recipient: r.recipient,
      subject: r.subject,
      body: r.body,
      attempts: r.attempts,
    }));
  });
}

interface ClaimedRow {
  key: string;
  candidacy_id: string;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
  created_at: Date;
}

/**
 * Renews a claim just before its e-mail leaves, so a slow batch is not taken for a dead one.
 * False when the claim was lost (another sender took the row after `STALE_CLAIM_MS`): skip it.
 */
export async function renewClaim(ds: DataSource, key: string, attempts: number): Promise<boolean> {
  const result: unknown = await ds.query(
    `UPDATE notifications SET sent_at = now() WHERE key = $1 AND status = 'sending' AND attempts = $2 RETURNING key`,
    [key, attempts],
  );
  return returnedRows(result).length > 0;
}

/** The SMTP server accepted the message. */
export async function markSent(ds: DataSource, key: string, messageId: string): Promise<void> {
  await ds.query(
    `UPDATE notifications SET status = 'sent', sent_at = now(), message_id = $2, last_error = NULL
     WHERE key = $1 AND status <> 'sent'`,
    [key, messageId],
  );
}

/**
 * An attempt failed: back to 'pending' (retried after the backoff) until `MAX_NOTIFICATION_ATTEMPTS`
 * attempts, or at once when `final`; then 'failed'. Returns the row's new status.
 */
export async function markFailed(
  ds: DataSource,
  key: string,
  error: string,
  final: boolean,
): Promise<NotificationStatus | undefined> {
  const result: unknown = await ds.query(
    `UPDATE notifications
     SET status = CASE WHEN $3::boolean OR attempts >= $4 THEN 'failed' ELSE 'pending' END, last_error = left($2, 2000)
     WHERE key = $1 AND status = 'sending' RETURNING status`,
    [key, error, final, MAX_NOTIFICATION_ATTEMPTS],
  );
  return returnedRows<{ status: NotificationStatus }>(result)[0]?.status;
}

/**
 * Gives back claims that were never attempted (the SMTP server was unreachable): the attempt
 * does not count. The retry delay then runs from the release.
 */
export async function releaseClaims(
  ds: DataSource,
  claims: Array<Pick<ClaimedNotification, 'key' | 'attempts'>>,
): Promise<void> {
  for (const c of claims) {
    await ds.query(
      `UPDATE notifications SET status = 'pending', attempts = attempts - 1 WHERE key = $1 AND status = 'sending' AND attempts = $2`,
      [c.key, c.attempts],
    );
  }
}

/** TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, affected count]. */
function returnedRows<T = unknown>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return Array.isArray(result) ? (result as T[]) : [];
}
