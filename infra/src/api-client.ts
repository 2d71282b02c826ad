/**
 * The public API over HTTP as the benchmark, the fault test and the demo seeding drive it: real
 * requests with development tokens (a seeded role, or a cooperative's id for one of its people).
 */
import { Caller, localKey, signLocalToken } from '@qualicoop/platform';

/** The API's rate limits out of the way, for a harness that is one caller making thousands of requests. */
export const UNLIMITED_RATES = { QC_RATE_LIMIT_PER_MINUTE: '10000000', QC_READ_RATE_LIMIT_PER_MINUTE: '10000000' };

const tokens = new Map<string, Promise<string>>();

/** A development token for a seeded role or a cooperative's id, signed once per process (12 h). */
export function token(who: string): Promise<string> {
  const caller: Caller =
    who === 'federation'
      ? { sub: 'staff-federation', role: 'federation' }
      : who === 'committee'
        ? { sub: 'member-committee', role: 'committee' }
        : who === 'visitor'
          ? { sub: 'member-visitor', role: 'committee' }
          : { sub: `user-${who}`, role: 'coop', cooperativeId: who };
  let signed = tokens.get(who);
  if (!signed) tokens.set(who, (signed = signLocalToken(caller, localKey())));
  return signed;
}

export async function http<T = any>(
  api: string,
  method: string,
  path: string,
  as: string,
  body?: unknown,
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { authorization: `Bearer ${await token(as)}` };
  let payload: FormData | string | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${api}${path}`, { method, headers, body: payload });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
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

/** The smallest complete PDF: a letter of commitment the API accepts. */
const LETTER_PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

/** Uploads a letter of commitment for the cooperative's candidacy; its document id. */
export async function uploadLetter(api: string, candidacyId: string, coop: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([LETTER_PDF], { type: 'application/pdf' }), 'lettre-engagement.pdf');
  form.append('kind', 'letter_of_commitment');
  const res = await http<{ id?: string; code?: string }>(
    api,
    'POST',
    `/candidacies/${candidacyId}/documents`,
    coop,
    form,
  );
  if (res.status !== 201 || !res.body.id) throw new Error(`letter upload: ${res.status} ${res.body.code ?? ''}`);
  return res.body.id;
}
