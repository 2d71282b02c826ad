/**
 * Production tokens: JWTs from an OpenID Connect issuer (QC_OIDC_ISSUER), verified with `jose`
 * against the issuer's JWKS, found through its discovery document. Asymmetric algorithms only
 * (an HS256 token "signed" with the issuer's public key is refused, whatever its header says);
 * issuer, audience and `exp` required; 30 s of clock tolerance. The key set is cached for
 * 10 minutes and, on a key id it does not know (a rotation), fetched again at most once per
 * cooldown (30 s), so a burst of forged key ids cannot make the API hammer the issuer.
 * The role and cooperative come from claims (QC_OIDC_ROLE_CLAIM, default `qc_role`;
 * QC_OIDC_COOPERATIVE_CLAIM, default `qc_cooperative`).
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { Caller, callerFromClaims } from './caller';
import { CLOCK_TOLERANCE_SECONDS, TokenVerifier } from './tokens';

export const OIDC_ALGORITHMS = ['RS256', 'PS256', 'ES256'];

/** The issuer cannot be reached to fetch its keys: the token may be good, we cannot tell (a 503). */
export class IssuerUnavailable extends Error {}

/** jose's verdicts on the token itself; any other failure is about reaching the issuer. */
const TOKEN_REFUSED = new Set([
  errors.JWTExpired.code,
  errors.JWTClaimValidationFailed.code,
  errors.JWTInvalid.code,
  errors.JWSInvalid.code,
  errors.JWSSignatureVerificationFailed.code,
  errors.JOSEAlgNotAllowed.code,
  errors.JOSENotSupported.code,
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
  errors.JWKInvalid.code,
]);

export interface OidcOptions {
  audience: string;
  roleClaim?: string;
  cooperativeClaim?: string;
  /** Minimum time between two fetches of the key set for an unknown key id (default 30 s). */
  cooldownMs?: number;
  /** How long a fetched key set is trusted before it is fetched again (default 10 min). */
  cacheMaxAgeMs?: number;
}

export class OidcVerifier implements TokenVerifier {
  private keySet?: Promise<JWTVerifyGetKey>;

  constructor(
    private readonly issuer: string,
    private readonly opts: OidcOptions,
  ) {}

  async verify(token: string, now?: Date): Promise<Caller | undefined> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, await this.keys(), {
        algorithms: OIDC_ALGORITHMS,
        issuer: this.issuer,
        audience: this.opts.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: now,
      }));
    } catch (e) {
      if (e instanceof errors.JOSEError && TOKEN_REFUSED.has(e.code)) return undefined;
      throw new IssuerUnavailable(`the OpenID issuer's keys could not be fetched: ${(e as Error).message}`);
    }
    return callerFromClaims(payload, {
      role: this.opts.roleClaim ?? 'qc_role',
      cooperative: this.opts.cooperativeClaim ?? 'qc_cooperative',
    });
  }

  /** The issuer's key set, its address read once from the discovery document (again after a failure). */
  private keys(): Promise<JWTVerifyGetKey> {
    this.keySet ??= this.discover().catch((e: unknown) => {
      this.keySet = undefined;
      throw e;
    });
    return this.keySet;
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    const url = `${this.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    const discovery = (await res.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (discovery.issuer !== this.issuer || typeof discovery.jwks_uri !== 'string')
      throw new Error(`${url} does not describe the issuer ${this.issuer}`);
    return createRemoteJWKSet(new URL(discovery.jwks_uri), {
      cooldownDuration: this.opts.cooldownMs ?? 30_000,
      cacheMaxAge: this.opts.cacheMaxAgeMs ?? 600_000,
      timeoutDuration: 5_000,
    });
  }
}
