/**
 * Delivers the notification outbox by e-mail: claims due rows, sends one message per row to every
 * address of its recipient, and records the outcome.
 *
 * Exactly-once, as far as SMTP allows: a row is claimed by one sender only (FOR UPDATE SKIP
 * LOCKED), its claim is renewed just before the message leaves, and it is marked 'sent' (with the
 * SMTP message id) as soon as the server accepts it (waiting out a database outage for as long as
 * the claim holds). The one remaining window is a crash of the sender (or a database away for
 * minutes) between the server's acceptance and that mark: the row is then claimed again after
 * 5 minutes and the message leaves a second time, with the same Message-ID and
 * `X-QualiCoop-Notification` header, so that it is recognisable as the same message.
 */
import { createTransport } from 'nodemailer';
import type { NodemailerError, SMTPSentMessageInfo, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import {
  ClaimedNotification,
  claimPendingNotifications,
  DEFAULT_RETRY_BASE_DELAY_MS,
  markFailed,
  markSent,
  releaseClaims,
  renewClaim,
  resolveRecipients,
  STALE_CLAIM_MS,
} from '@qualicoop/persistence';

export const DEFAULT_SMTP_URL = 'smtp://127.0.0.1:1025';
export const DEFAULT_MAIL_FROM = "Quali'Coop <qualicoop@federation-coophlm.example>";
export const NOTIFICATION_HEADER = 'X-QualiCoop-Notification';

export interface NotificationSenderOptions {
  /** Default: `SMTP_URL`, else smtp://127.0.0.1:1025. */
  smtpUrl?: string;
  /** Default: `MAIL_FROM`, else "Quali'Coop <qualicoop@federation-coophlm.example>". */
  from?: string;
  /** Rows claimed per batch (20). */
  batchSize?: number;
  /** Wait between polls when the outbox is drained (2 s). */
  pollIntervalMs?: number;
  /** First wait before a failed row is retried; then ×4 per attempt (1 min). */
  retryBaseDelayMs?: number;
  /** Age after which a claim is presumed dead and the row taken again (5 min). */
  staleClaimMs?: number;
  /** Where the JSON log lines go (console.log). */
  log?: (line: string) => void;
}

type Outcome = 'sent' | 'failed' | 'lost' | 'unavailable';

/** A stable RFC 5322 Message-ID for an outbox key: ':' becomes '.', other unusual characters =XX. */
export function messageIdFor(key: string): string {
  const segments = key.split(':').map((segment) =>
    segment === ''
      ? '='
      : Array.from(Buffer.from(segment, 'utf8'))
          .map((byte) => {
            const c = String.fromCharCode(byte);
            return /[A-Za-z0-9_-]/.test(c) ? c : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
          })
          .join(''),
  );
  return `<${segments.join('.')}@quali-coop>`;
}

export class NotificationSender {
  private readonly transport: Transporter<SMTPSentMessageInfo>;
  private readonly from: string;
  private readonly smtpUrl: string;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retryBaseDelayMs: number;
  private readonly staleClaimMs: number;
  private readonly write: (line: string) => void;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  /** The batch in progress (or the last one): batches of one sender never overlap. */
  private current: Promise<unknown> = Promise.resolve();
  private loop: Promise<void> | undefined;
  /** Consecutive batches that found the SMTP server unavailable: the poll backs off. */
  private outages = 0;

  constructor(
    private readonly ds: DataSource,
    options: NotificationSenderOptions = {},
  ) {
    this.smtpUrl = options.smtpUrl ?? process.env.SMTP_URL ?? DEFAULT_SMTP_URL;
    this.from = options.from ?? process.env.MAIL_FROM ?? DEFAULT_MAIL_FROM;
    this.batchSize = options.batchSize ?? 20;
    this.pollIntervalMs = options.pollIntervalMs ?? 2_000;
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS;
    this.staleClaimMs = options.staleClaimMs ?? STALE_CLAIM_MS;
    this.write = options.log ?? ((line) => console.log(line));
    // Timeouts far below the claim's lifetime: a message in flight is never taken for a dead one.
    this.transport = createTransport({
      url: this.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    });
  }

  /** Polls the outbox until `stop()`: every 2 s, or at once while batches come back full. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.log('info', 'notification sender started', {
      smtp: redactUrl(this.smtpUrl),
      batchSize: this.batchSize,
      pollIntervalMs: this.pollIntervalMs,
    });
    this.schedule(0);
  }

  /** Stops polling and waits for the batch in progress. */
  async stop(): Promise<void> {
    const wasRunning = this.running;
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.loop;
    await this.current.catch(() => undefined);
    this.transport.close();
    if (wasRunning) this.log('info', 'notification sender stopped', {});
  }

  /**
   * Claims up to `batchSize` due rows and e-mails them, one after the other. Returns how many rows
   * it claimed (sent, failed or given back). Calls on one sender run one after the other.
   */
  sendBatch(): Promise<number> {
    const batch = this.current.catch(() => undefined).then(() => this.runBatch());
    this.current = batch;
    return batch;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.loop = this.poll();
    }, delayMs);
  }

  private async poll(): Promise<void> {
    let next = this.pollIntervalMs;
    try {
      const claimed = await this.sendBatch();
      if (this.outages > 0) next = Math.min(this.pollIntervalMs * 2 ** this.outages, 60_000);
      else if (claimed >= this.batchSize) next = 0;
    } catch (e) {
      this.log('error', 'notification batch failed', { error: errorMessage(e) });
      next = Math.min(this.pollIntervalMs * 5, 30_000);
    }
    this.schedule(next);
  }

  private async runBatch(): Promise<number> {
    const claims = await claimPendingNotifications(this.ds, this.batchSize, {
      retryBaseDelayMs: this.retryBaseDelayMs,
      staleClaimMs: this.staleClaimMs,
    });
    for (const [index, n] of claims.entries()) {
      const outcome = await this.deliver(n);
      if (outcome === 'unavailable') {
        // The server cannot be reached: give back the rows not attempted yet, without counting.
        const untouched = claims.slice(index + 1);
        await releaseClaims(this.ds, untouched);
        this.outages += 1;
        if (untouched.length > 0)
          this.log('warn', 'notifications released: SMTP server unavailable', { count: untouched.length });
        return claims.length;
      }
    }
    this.outages = 0;
    return claims.length;
  }

  private async deliver(n: ClaimedNotification): Promise<Outcome> {
    const context = { key: n.key, kind: n.kind, recipient: n.recipient, attempt: n.attempts };
    const addresses = await resolveRecipients(this.ds, n.recipient);
    if (addresses.length === 0) {
      const status = await markFailed(this.ds, n.key, `no e-mail address for recipient '${n.recipient}'`, false);
      this.log(status === 'failed' ? 'error' : 'warn', 'notification has no recipient address', { ...context, status });
      return 'failed';
    }
    // Renewed at the last moment: if another sender took the row meanwhile, it is theirs.
    if (!(await renewClaim(this.ds, n.key, n.attempts))) {
      this.log('warn', 'notification claim lost, skipped', context);
      return 'lost';
    }
    let info: SMTPSentMessageInfo;
    try {
      info = await this.transport.sendMail({
        from: this.from,
        to: addresses,
        subject: n.subject,
        text: n.body,
        messageId: messageIdFor(n.key),
        headers: { [NOTIFICATION_HEADER]: n.key },
      });
    } catch (e) {
      const err = e as NodemailerError;
      // Refused for good (every recipient, or the message itself): retrying changes nothing.
      const final = err.permanent === true && (err.code === 'EENVELOPE' || err.code === 'EMESSAGE');
      const unavailable =
        !final && (err.responseCode === undefined || err.responseCode === 421 || err.code === 'EAUTH');
      const status = await markFailed(this.ds, n.key, smtpError(err), final);
      this.log(status === 'failed' ? 'error' : 'warn', 'notification not sent', {
        ...context,
        status,
        error: smtpError(err),
        code: err.code,
        responseCode: err.responseCode,
      });
      return unavailable ? 'unavailable' : 'failed';
    }
    await this.recordSent(n.key, info.messageId);
    if (info.rejected.length > 0)
      this.log('warn', 'notification refused for some addresses', { ...context, rejected: info.rejected.length });
    this.log('info', 'notification sent', {
      ...context,
      to: addresses.length,
      messageId: info.messageId,
      smtpResponse: info.response,
    });
    return 'sent';
  }

  /**
   * The message has left: mark it now. While the database is away (restarted, failed over), keep
   * trying for as long as the claim is ours (renewed just before sending, presumed dead after
   * `staleClaimMs`): no other sender takes the row meanwhile, so an outage shorter than that
   * sends nothing twice. Only a crash of this process in between leaves the re-send window.
   */
  private async recordSent(key: string, messageId: string): Promise<void> {
    const giveUpAt = Date.now() + this.staleClaimMs * 0.8;
    for (let attempt = 1; ; attempt++) {
      try {
        await markSent(this.ds, key, messageId);
        return;
      } catch (e) {
        const wait = Math.min(500 * attempt, 5_000);
        if (Date.now() + wait >= giveUpAt) {
          this.log('error', 'notification sent but not marked: it will be sent again', {
            key,
            messageId,
            error: errorMessage(e),
          });
          throw e;
        }
        if (attempt === 1) this.log('warn', 'notification sent, marking it waits for the database', { key });
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  private log(level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown>): void {
    this.write(JSON.stringify({ level, msg, component: 'notification-sender', ...fields }));
  }
}

function smtpError(err: NodemailerError): string {
  return [err.code, err.response ?? err.message].filter(Boolean).join(': ');
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The SMTP URL without its password, for the logs. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'invalid SMTP_URL';
  }
}
