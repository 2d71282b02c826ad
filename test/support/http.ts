/** A small HTTP client for e2e tests: real requests to the API started by global-setup. */
import { signToken, SEEDED_USERS } from './tokens';

export const apiUrl = () => process.env.QC_API_URL ?? 'http://127.0.0.1:13000';

export function tokenFor(who: keyof typeof SEEDED_USERS | string): string {
  const user = SEEDED_USERS[who] ?? { sub: `user-${who}`, role: 'coop' as const, cooperativeId: who };
  return signToken(user);
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = any>(method: string, path: string, opts: { as?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.as) headers.authorization = `Bearer ${tokenFor(opts.as)}`;
  if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${apiUrl()}${path}`, { method, headers, body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}
