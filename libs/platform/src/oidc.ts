/**
 * Production tokens: RS256 JWTs from an OIDC issuer (QC_OIDC_ISSUER), verified against the
 * issuer's JWKS (discovered from /.well-known/openid-configuration, cached 10 minutes). The
 * role and cooperative come from claims (QC_OIDC_ROLE_CLAIM, default `qc_role`;
 * QC_OIDC_COOPERATIVE_CLAIM, default `qc_cooperative`); QC_OIDC_AUDIENCE is checked when set.
 */
import { createPublicKey, JsonWebKey, KeyObject, verify } from 'node:crypto';
import type { Caller, Role } from './jwt';

interface Jwk extends JsonWebKey {
  kid?: string;
}

export class OidcVerifier {
  private keys: Map<string, KeyObject> = new Map();
  private fetchedAt = 0;

  constructor(
    private readonly issuer: string,
    private readonly opts: { audience?: string; roleClaim?: string; cooperativeClaim?: string } = {},
  ) {}

  async verify(token: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<Caller | undefined> {
    const [h, p, s] = token.split('.');
    if (!h || !p || !s) return undefined;
    try {
      const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: string; kid?: string };
      if (header.alg !== 'RS256') return undefined;
      const key = await this.key(header.kid ?? '');
      if (!key || !verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))) return undefined;
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
      if (claims.iss !== this.issuer) return undefined;
      if (typeof claims.exp !== 'number' || claims.exp < nowSeconds) return undefined;
      const aud = claims.aud;
      if (
        this.opts.audience &&
        !(aud === this.opts.audience || (Array.isArray(aud) && aud.includes(this.opts.audience)))
      )
        return undefined;
      const role = claims[this.opts.roleClaim ?? 'qc_role'] as Role;
      const cooperativeId = claims[this.opts.cooperativeClaim ?? 'qc_cooperative'] as string | undefined;
      if (!['coop', 'federation', 'committee'].includes(role) || typeof claims.sub !== 'string') return undefined;
      if (role === 'coop' && !cooperativeId) return undefined;
      return { sub: claims.sub, role, cooperativeId, name: typeof claims.name === 'string' ? claims.name : undefined };
    } catch {
      return undefined;
    }
  }

  private async key(kid: string): Promise<KeyObject | undefined> {
    if (!this.keys.has(kid) || Date.now() - this.fetchedAt > 600_000) await this.refresh();
    return this.keys.get(kid);
  }

  private async refresh(): Promise<void> {
    const discovery = (await (
      await fetch(`${this.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`)
    ).json()) as { jwks_uri: string };
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: Jwk[] };
    this.keys = new Map(
      jwks.keys.filter((k) => k.kty === 'RSA').map((k) => [k.kid ?? '', createPublicKey({ key: k, format: 'jwk' })]),
    );
    this.fetchedAt = Date.now();
  }
}
