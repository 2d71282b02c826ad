/**
 * The other actors of a browser test (the committee, the Fédération, the visitor, or the
 * cooperative setting things up), acting through the public API with a development token.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSER_STACK } from './stack';

const LETTER = readFileSync(join(BROWSER_STACK.repoRoot, 'test', 'fixtures', 'documents', 'lettre-engagement.pdf'));

/** One seeded person acting through the API; every answer must be a success. */
export async function as(request: APIRequestContext, user: string, api = BROWSER_STACK.apiUrl) {
  const res = await request.post(`${api}/sign-in/development-token`, { data: { user } });
  const headers = { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
  const check = async (r: Awaited<ReturnType<APIRequestContext['get']>>) => {
    expect(r.status(), `${r.url()}: ${await r.text()}`).toBeLessThan(300);
    return r.json() as Promise<any>;
  };
  return {
    headers,
    get: async (path: string) => check(await request.get(`${api}${path}`, { headers })),
    post: async (path: string, data?: unknown) => check(await request.post(`${api}${path}`, { headers, data })),
    put: async (path: string, data: unknown) => check(await request.put(`${api}${path}`, { headers, data })),
    patch: async (path: string, data: unknown) => check(await request.patch(`${api}${path}`, { headers, data })),
    /** Uploads the fixture letter of commitment (a real PDF) to a candidacy's documents. */
    uploadLetter: async (candidacyId: string) =>
      (await check(
        await request.post(`${api}/candidacies/${candidacyId}/documents`, {
          headers,
          multipart: {
            kind: 'letter_of_commitment',
            file: { name: 'lettre-engagement.pdf', mimeType: 'application/pdf', buffer: LETTER },
          },
        }),
      )) as { id: string },
  };
}

/**
 * A cooperative has one open candidacy at most: a journey that opens one first withdraws any that
 * another journey left open (so each runs alone as well as after the others).
 */
export async function withdrawOpenCandidacies(request: APIRequestContext, cooperativeId: string): Promise<void> {
  const coop = await as(request, cooperativeId);
  const open = (await coop.get(`/candidacies?cooperativeId=${cooperativeId}`)) as { items: Array<{ id: string }> };
  for (const c of open.items)
    await coop.post(`/candidacies/${c.id}/withdrawal`, { reason: 'Un nouveau scénario commence.' });
}
