import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, type JWK, SignJWT } from 'jose';
import { IssuerUnavailable, OidcVerifier } from './oidc';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
let server: Server;
let issuer: string;
/** What the issuer publishes at its jwks_uri, and how often it was asked for it. */
let published: JWK[] = [];
let jwksFetches = 0;
let rsa: KeyPair;
let ec: KeyPair;
let stranger: KeyPair;

const now = () => Math.floor(Date.now() / 1000);
const claims = { sub: 'u1', qc_role: 'federation', name: 'Agnès Roux' };

function sign(
  body: Record<string, unknown> = claims,
  { key = rsa.privateKey, alg = 'RS256', kid = 'k1', iss = issuer, aud = 'quali-coop-api', exp = now() + 600 } = {},
): Promise<string> {
  const jwt = new SignJWT(body).setProtectedHeader({ alg, kid }).setIssuedAt().setExpirationTime(exp);
  if (iss) jwt.setIssuer(iss);
  if (aud) jwt.setAudience(aud);
  return jwt.sign(key);
}

const verifier = (opts: { cooldownMs?: number } = {}) =>
  new OidcVerifier(issuer, { audience: 'quali-coop-api', ...opts });

beforeAll(async () => {
  rsa = await generateKeyPair('RS256', { extractable: true });
  ec = await generateKeyPair('ES256', { extractable: true });
  stranger = await generateKeyPair('RS256', { extractable: true });
  published = [
    { ...(await exportJWK(rsa.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(ec.publicKey)), kid: 'e1', alg: 'ES256', use: 'sig' },
  ];
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') {
      res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    } else {
      jwksFetches++;
      res.end(JSON.stringify({ keys: published }));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

describe('OIDC tokens verified against the issuer JWKS (jose)', () => {
  it('accepts RS256 and ES256 tokens of the issuer and maps their claims to a caller', async () => {
    const v = verifier();
    expect(await v.verify(await sign({ sub: 'u1', qc_role: 'coop', qc_cooperative: 'coop-nord' }))).toEqual({
      sub: 'u1',
      role: 'coop',
      cooperativeId: 'coop-nord',
      name: undefined,
    });
    expect(await v.verify(await sign(claims, { key: ec.privateKey, alg: 'ES256', kid: 'e1' }))).toEqual({
      sub: 'u1',
      role: 'federation',
      cooperativeId: undefined,
      name: 'Agnès Roux',
    });
  });

  it('refuses an expired token, but tolerates 30 s of clock skew', async () => {
    const v = verifier();
    expect(await v.verify(await sign(claims, { exp: now() - 120 }))).toBeUndefined();
    expect(await v.verify(await sign(claims, { exp: now() - 10 }))).toMatchObject({ role: 'federation' });
  });

  it('refuses a token that is not yet valid (nbf in the future)', async () => {
    const early = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience('quali-coop-api')
      .setNotBefore(now() + 300)
      .setExpirationTime(now() + 900)
      .sign(rsa.privateKey);
    expect(await verifier().verify(early)).toBeUndefined();
  });

  it('refuses another issuer, another audience, a token without exp, and claims that name nobody we know', async () => {
    const v = verifier();
    expect(await v.verify(await sign(claims, { iss: 'https://evil.example' }))).toBeUndefined();
    expect(await v.verify(await sign(claims, { aud: 'another-api' }))).toBeUndefined();
    expect(await v.verify(await sign(claims, { aud: '' }))).toBeUndefined();
    const noExp = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience('quali-coop-api')
      .sign(rsa.privateKey);
    expect(await v.verify(noExp)).toBeUndefined();
    expect(await v.verify(await sign({ sub: 'u1', qc_role: 'admin' }))).toBeUndefined();
    expect(await v.verify(await sign({ sub: 'u1', qc_role: 'coop' }))).toBeUndefined(); // a coop needs its cooperative
    expect(await v.verify(await sign({ qc_role: 'federation' }))).toBeUndefined(); // nobody
  });

  it('refuses a token signed by a key the issuer does not publish', async () => {
    expect(await verifier().verify(await sign(claims, { key: stranger.privateKey }))).toBeUndefined();
  });

  it('refuses alg "none"', async () => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, iss: issuer, aud: 'quali-coop-api', exp: now() + 600 })}.`;
    expect(await verifier().verify(unsigned)).toBeUndefined();
  });

  it('refuses an HS256 token "signed" with the issuer\'s public key as the secret (algorithm confusion)', async () => {
    const pem = await exportSPKI(rsa.publicKey);
    const forged = await sign(claims, { key: new TextEncoder().encode(pem) as never, alg: 'HS256' });
    expect(await verifier().verify(forged)).toBeUndefined();
  });

  it('picks up a rotated key, and a burst of unknown key ids fetches the key set at most once per cooldown', async () => {
    const v = verifier({ cooldownMs: 1_000 });
    expect(await v.verify(await sign())).toBeDefined();
    const before = jwksFetches;
    const forged = await Promise.all(
      Array.from({ length: 40 }, (_, i) => sign(claims, { key: stranger.privateKey, kid: `forged-${i}` })),
    );
    for (const token of forged) expect(await v.verify(token)).toBeUndefined();
    expect(jwksFetches - before).toBeLessThanOrEqual(1);

    // The issuer rotates: k2 replaces k1. Once the cooldown has passed, the new key is fetched.
    const next = await generateKeyPair('RS256', { extractable: true });
    const previous = published;
    published = [{ ...(await exportJWK(next.publicKey)), kid: 'k2', alg: 'RS256', use: 'sig' }];
    try {
      await new Promise((r) => setTimeout(r, 1_100));
      expect(await v.verify(await sign(claims, { key: next.privateKey, kid: 'k2' }))).toMatchObject({
        role: 'federation',
      });
    } finally {
      published = previous;
    }
  });

  it('says the issuer is unavailable (rather than "invalid token") when its keys cannot be fetched', async () => {
    const away = new OidcVerifier('http://127.0.0.1:9', { audience: 'quali-coop-api' });
    await expect(away.verify(await sign())).rejects.toBeInstanceOf(IssuerUnavailable);
  });
});
