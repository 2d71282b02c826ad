/** A small HTTP client for e2e tests: real requests to the API started by global-setup. */
import { signToken, SEEDED_USERS } from './tokens';

export const apiUrl = () => process.env.QC_API_URL ?? 'http://127.0.0.1:13000';

export function tokenFor(who: keyof typeof SEEDED_USERS): Promise<string> {
  const user = SEEDED_USERS[who] ?? { sub: `user-${who}`, role: 'coop' as const, cooperativeId: who };
  return signToken(user);
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = any>(
  method: string,
  path: string,
  opts: { as?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.as) headers.authorization = `Bearer ${await tokenFor(opts.as)}`;
  if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${apiUrl()}${path}`, {
    method,
    headers,
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

/** A multipart upload, as a browser form would send it. */
export async function upload(
  path: string,
  opts: { as: string; filename: string; contentType: string; bytes: Uint8Array | string; kind?: string },
): Promise<Reply> {
  const form = new FormData();
  form.append('file', new Blob([opts.bytes], { type: opts.contentType }), opts.filename);
  if (opts.kind) form.append('kind', opts.kind);
  const res = await fetch(`${apiUrl()}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor(opts.as)}` },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

export const SAMPLE_PDF = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';

/** Uploads a signed letter of commitment and returns its document id. */
export async function uploadLetter(candidacyId: string, as: string): Promise<string> {
  const res = await upload(`/candidacies/${candidacyId}/documents`, {
    as,
    filename: 'lettre-engagement.pdf',
    contentType: 'application/pdf',
    bytes: SAMPLE_PDF,
    kind: 'letter_of_commitment',
  });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Polls a GET until `predicate` holds (real time; the stack runs on the real clock). */
export async function eventually<T = any>(
  path: string,
  as: string,
  predicate: (body: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: Reply<T> | undefined;
  while (Date.now() < deadline) {
    last = await call<T>('GET', path, { as });
    if (last.status === 200 && predicate(last.body)) return last.body;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting on ${path}: ${JSON.stringify(last?.body)?.slice(0, 500)}`);
}
