/**
 * Idempotency keys for the console's writes. Each write carries an `Idempotency-Key`; when its
 * outcome is unknown (a 5xx, or no answer at all) the same request sent again — same method,
 * address and body — carries the same key, so the API does it at most once. Once an answer says
 * what happened (2xx, 4xx), the key is forgotten: the same content sent later is a new request.
 */
export class RetryKeys {
  private readonly unsettled = new Map<string, string>();

  constructor(private readonly newKey: () => string) {}

  /** The key for a write about to leave: the one of the same request left unsettled, or a new one. */
  keyFor(method: string, url: string, body: string): string {
    const fingerprint = `${method} ${url}\n${body}`;
    const key = this.unsettled.get(fingerprint) ?? this.newKey();
    this.unsettled.set(fingerprint, key); // until an answer settles it
    return key;
  }

  /** An answer came back for the request sent with `key`. */
  answered(key: string, status: number): void {
    if (status >= 500) return; // unknown outcome: a retry keeps the key
    for (const [fingerprint, k] of this.unsettled) if (k === key) this.unsettled.delete(fingerprint);
  }
}
