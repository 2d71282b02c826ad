/**
 * The campaign's HTTP client: each request goes to the API instances in turn and is retried (with
 * its Idempotency-Key) until the system answers something definite, counting what it answered.
 */
import { token } from '../api-client';
import { setTimeout as sleep } from 'node:timers/promises';

export class RetryingApi {
  readonly statuses = new Map<number | 'network', number>();
  /** Every 5xx but 503: a breach. */
  readonly serverErrors: string[] = [];
  /** Every 503 that is not a clear problem document with Retry-After: a breach. */
  readonly unclear503: string[] = [];
  private turn = 0;
  /** Requests are retried until then (the campaign's deadline). */
  giveUpAt = Date.now() + 15 * 60_000;

  constructor(private readonly apiUrls: string[]) {}

  /** One request, retried (on the next API instance) until the system answers something definite. */
  async send(
    method: string,
    path: string,
    as: string,
    body?: unknown,
    key?: string,
  ): Promise<{ status: number; body: any }> {
    while (Date.now() < this.giveUpAt) {
      const base = this.apiUrls[this.turn++ % this.apiUrls.length]!;
      const headers: Record<string, string> = { authorization: `Bearer ${await token(as)}` };
      if (key) headers['idempotency-key'] = key;
      let payload: FormData | string | undefined;
      if (body instanceof FormData) payload = body;
      else if (body !== undefined) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(body);
      }
      try {
        const res = await fetch(`${base}${path}`, {
          method,
          headers,
          body: payload,
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        this.statuses.set(res.status, (this.statuses.get(res.status) ?? 0) + 1);
        const parsed = text ? JSON.parse(text) : undefined;
        if (res.status >= 500) {
          if (res.status !== 503) this.serverErrors.push(`${method} ${path} → ${res.status} ${text.slice(0, 200)}`);
          // A 503 must say what happened, in French, as a problem document, and when to retry.
          else if (
            parsed?.status !== 503 ||
            typeof parsed?.code !== 'string' ||
            typeof parsed?.detail !== 'string' ||
            !res.headers.get('retry-after')
          )
            this.unclear503.push(`${method} ${path} → ${text.slice(0, 200)}`);
          await sleep(1000);
          continue;
        }
        if (res.status === 409 && parsed?.code?.startsWith('IDEMPOTENCY.')) {
          await sleep(500);
          continue;
        }
        return { status: res.status, body: parsed };
      } catch {
        this.statuses.set('network', (this.statuses.get('network') ?? 0) + 1);
        await sleep(1000);
      }
    }
    throw new Error(`${method} ${path}: gave up`);
  }
}
