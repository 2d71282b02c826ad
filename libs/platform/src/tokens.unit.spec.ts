import { SignJWT } from 'jose';
import { DEVELOPMENT_TOKEN_SECONDS, LOCAL_AUDIENCE, LOCAL_ISSUER, LocalKeyVerifier, signLocalToken } from './tokens';

const KEY = 'a-test-key-of-at-least-thirty-two-characters';
const federation = { sub: 'staff-1', role: 'federation' as const, name: 'Équipe' };

describe('tokens signed with the local key (HS256, jose)', () => {
  const verifier = new LocalKeyVerifier(KEY);

  it('round-trips a caller, and a development token lasts no more than 12 hours', async () => {
    const now = new Date('2027-03-01T08:00:00Z');
    const token = await signLocalToken({ sub: 'u', role: 'coop', cooperativeId: 'coop-nord' }, KEY, { now });
    expect(await verifier.verify(token, now)).toEqual({
      sub: 'u',
      role: 'coop',
      cooperativeId: 'coop-nord',
      name: undefined,
    });
    expect(DEVELOPMENT_TOKEN_SECONDS).toBeLessThanOrEqual(12 * 3600);
    const later = new Date(now.getTime() + (DEVELOPMENT_TOKEN_SECONDS + 60) * 1000);
    expect(await verifier.verify(token, later)).toBeUndefined();
  });

  it('refuses another key, an expired token, a token not yet valid, another issuer or audience', async () => {
    const now = new Date();
    expect(
      await verifier.verify(await signLocalToken(federation, 'another-key-of-at-least-thirty-two-chars')),
    ).toBeUndefined();
    expect(
      await verifier.verify(await signLocalToken(federation, KEY, { now: new Date(now.getTime() - 13 * 3600_000) })),
    ).toBeUndefined();
    expect(
      await verifier.verify(await signLocalToken(federation, KEY, { now: new Date(now.getTime() + 600_000) })),
    ).toBeUndefined();
    const key = new TextEncoder().encode(KEY);
    const base = () =>
      new SignJWT({ role: 'federation' }).setProtectedHeader({ alg: 'HS256' }).setSubject('s').setExpirationTime('1h');
    expect(
      await verifier.verify(await base().setIssuer('elsewhere').setAudience(LOCAL_AUDIENCE).sign(key)),
    ).toBeUndefined();
    expect(await verifier.verify(await base().setIssuer(LOCAL_ISSUER).setAudience('other').sign(key))).toBeUndefined();
    expect(
      await verifier.verify(await base().setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).sign(key)),
    ).toMatchObject({ role: 'federation' });
  });

  it('refuses alg "none", HS512 and garbage', async () => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 600;
    const payload = part({ sub: 's', role: 'federation', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, exp });
    expect(await verifier.verify(`${part({ alg: 'none' })}.${payload}.`)).toBeUndefined();
    const hs512 = await new SignJWT({ role: 'federation' })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('s')
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(KEY.repeat(2)));
    expect(await new LocalKeyVerifier(KEY.repeat(2)).verify(hs512)).toBeUndefined();
    expect(await verifier.verify('not.a.token')).toBeUndefined();
    expect(await verifier.verify('')).toBeUndefined();
  });
});
