/**
 * What a person receives, checked after a campaign: the e-mails (none sent twice without a crash
 * to explain it) and the documents (every letter served back by every API instance, byte for byte).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { token } from '../api-client';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The e-mails received more than once. Delivery is at least once (notification-sender.ts): a
 * sender killed after the SMTP server accepted a message, before recording it, leaves the row
 * claimed; another sender takes it once the claim is stale and sends the same message again
 * (same Message-ID). Such a copy is `resent`: every copy has the same Message-ID and the senders'
 * logs (`senderLogs`) record the message as sent exactly once. Anything else is `unexplained`.
 */
export function emailsSentTwice(
  mails: Array<{ headers: Record<string, string> }>,
  senderLogs: string[],
): { resent: string[]; unexplained: string[] } {
  const copies = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const m of mails) {
    const key = m.headers['x-qualicoop-notification'] ?? '?';
    counts.set(key, (counts.get(key) ?? 0) + 1);
    copies.set(key, (copies.get(key) ?? new Set()).add(m.headers['message-id'] ?? '?'));
  }
  const logged = new Map<string, number>();
  for (const file of senderLogs) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.includes('"notification sent"')) continue;
      const key = /"key":"([^"]+)"/.exec(line)?.[1];
      if (key) logged.set(key, (logged.get(key) ?? 0) + 1);
    }
  }
  const resent: string[] = [];
  const unexplained: string[] = [];
  for (const [key, n] of counts) {
    if (n < 2) continue;
    if (n === 2 && copies.get(key)!.size === 1 && logged.get(key) === 1) resent.push(key);
    else unexplained.push(`${key} ×${n}, ${copies.get(key)!.size} Message-IDs, recorded ${logged.get(key) ?? 0}×`);
  }
  return { resent, unexplained };
}

/** Each candidacy's letter, downloaded from every API instance, compared with the bytes sent. */
export async function documentsFromEveryInstance(
  apiUrls: string[],
  letters: ReadonlyMap<string, { documentId: string; sha256: string }>,
  ids: string[],
): Promise<{ checked: number; breaches: string[] }> {
  const breaches: string[] = [];
  let checked = 0;
  const authorization = `Bearer ${await token('federation')}`;
  for (const id of ids) {
    const letter = letters.get(id);
    if (!letter) {
      breaches.push(`${id}: no letter recorded`);
      continue;
    }
    for (const base of apiUrls) {
      const res = await fetch(`${base}/candidacies/${id}/documents/${letter.documentId}`, {
        headers: { authorization },
      });
      const bytes = new Uint8Array(await res.arrayBuffer());
      checked++;
      if (res.status !== 200 || sha256(bytes) !== letter.sha256) breaches.push(`${base} ${id}: ${res.status}`);
    }
  }
  return { checked, breaches };
}
