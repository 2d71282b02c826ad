/**
 * How the console signs people in, over HTTP: in development (the API signs with its development
 * key) the seeded users are listed and a token can be had for one of them; `/me` says who a token is.
 */
import { apiUrl, call } from '../support/http';

describe('sign-in for the console (development key)', () => {
  it('lists the seeded people with their role, without a token', async () => {
    const res = await call('GET', '/sign-in');
    expect(res.status).toBe(200);
    expect(res.body.mode).toBe('development');
    expect(res.body.users).toEqual(
      expect.arrayContaining([
        {
          id: 'coop-atlantique',
          name: 'Claire Martin (Atlantique Habitat)',
          role: 'coop',
          cooperativeId: 'coop-atlantique',
        },
        { id: 'federation', name: 'Équipe de la Fédération', role: 'federation', cooperativeId: null },
      ]),
    );
  });

  it('gives a token for a seeded person that lasts at most 12 hours, and /me says who it is', async () => {
    const res = await call('POST', '/sign-in/development-token', { body: { user: 'coop-atlantique' } });
    expect(res.status).toBe(200);
    const hours = (Date.parse(res.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
    const me = await fetch(`${apiUrl()}/me`, { headers: { authorization: `Bearer ${res.body.token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      sub: 'user-atlantique',
      role: 'coop',
      cooperativeId: 'coop-atlantique',
      name: 'Claire Martin (Atlantique Habitat)',
    });
  });

  it('refuses an unknown person with a field-level 400 in French', async () => {
    const res = await call('POST', '/sign-in/development-token', { body: { user: 'mallory' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'user', code: 'REQUEST.INVALID_FIELD', message: 'user : utilisateur de démonstration inconnu' },
    ]);
  });

  it('answers /me with 401 without a token', async () => {
    const res = await call('GET', '/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('serves the console under /console, with a fallback to its page for any of its paths', async () => {
    for (const path of ['/console/', '/console/candidatures/00000000-0000-4000-8000-000000000000']) {
      const res = await fetch(`${apiUrl()}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('<html lang="fr">');
    }
  });
});
