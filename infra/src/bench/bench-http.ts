/** HTTP helpers of the benchmark: real requests with development tokens. */
import { jwtSecret, signToken } from '@qualicoop/platform';

export function token(who: string): string {
  if (who === 'federation') return signToken({ sub: 'staff-federation', role: 'federation' }, jwtSecret());
  if (who === 'committee') return signToken({ sub: 'member-committee', role: 'committee' }, jwtSecret());
  if (who === 'visitor') return signToken({ sub: 'member-visitor', role: 'committee' }, jwtSecret());
  return signToken({ sub: `user-${who}`, role: 'coop', cooperativeId: who }, jwtSecret());
}

export async function http<T = any>(
  api: string,
  method: string,
  path: string,
  as: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token(as)}` };
  let payload: FormData | string | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${api}${path}`, { method, headers, body: payload });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export async function until<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, intervalMs + Math.random() * intervalMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}
