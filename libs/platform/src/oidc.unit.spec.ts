import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { OidcVerifier } from './oidc';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
let server: Server;
let issuer: string;

function sign(claims: object, key = privateKey, kid = 'k1'): string {
  const h = Buffer.from(JSON.stringify({ alg: 'RS256', kid })).toString('base64url');
  const p = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const s = createSign('RSA-SHA256').update(`${h}.${p}`).sign(key).toString('base64url');
  return `${h}.${p}.${s}`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration')
      res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    else res.end(JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig' }] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

describe('OIDC tokens verified against the issuer JWKS', () => {
  const exp = Math.floor(Date.now() / 1000) + 600;

  it('accepts a token signed by the issuer and maps its claims to a caller', async () => {
    const verifier = new OidcVerifier(issuer, { audience: 'quali-coop' });
    const token = sign({
      iss: issuer,
      aud: 'quali-coop',
      sub: 'u1',
      exp,
      qc_role: 'coop',
      qc_cooperative: 'coop-nord',
    });
    expect(await verifier.verify(token)).toEqual({
      sub: 'u1',
      role: 'coop',
      cooperativeId: 'coop-nord',
      name: undefined,
    });
  });

  it('refuses another key, another issuer, another audience, an expired token or a role it does not know', async () => {
    const verifier = new OidcVerifier(issuer, { audience: 'quali-coop' });
    const base = { iss: issuer, aud: 'quali-coop', sub: 'u1', exp, qc_role: 'federation' };
    expect(await verifier.verify(sign(base, other.privateKey))).toBeUndefined();
    expect(await verifier.verify(sign({ ...base, iss: 'https://evil.example' }))).toBeUndefined();
    expect(await verifier.verify(sign({ ...base, aud: 'other' }))).toBeUndefined();
    expect(await verifier.verify(sign({ ...base, exp: 1000 }))).toBeUndefined();
    expect(await verifier.verify(sign({ ...base, qc_role: 'admin' }))).toBeUndefined();
    expect(await verifier.verify(sign({ ...base, qc_role: 'coop' }))).toBeUndefined(); // a coop needs its cooperative
    expect(await verifier.verify(sign(base))).toMatchObject({ role: 'federation' });
  });
});
