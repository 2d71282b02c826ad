/**
 * Bearer tokens signed with a local key (HS256): development tokens, and production where an
 * operator configures `QC_JWT_SECRET` instead of an OpenID issuer. Signed and verified with `jose`
 * (ADR 13): one algorithm allowed, issuer and audience checked, `exp` required, 30 s of clock
 * tolerance for `exp` and `nbf`.
 */
import { jwtVerify, SignJWT } from 'jose';
import { Caller, callerFromClaims } from './caller';

export const LOCAL_ISSUER = 'quali-coop';
export const LOCAL_AUDIENCE = 'quali-coop-api';
/** A development token lasts a working day. */
export const DEVELOPMENT_TOKEN_SECONDS = 12 * 3600;
export const CLOCK_TOLERANCE_SECONDS = 30;
/**
 * The key of development mode only: written here, so anyone can mint with it, which is why the
 * API refuses it unless `QC_MODE=development` (see auth-settings.ts).
 */
export const DEVELOPMENT_KEY = 'quali-coop-development-key-not-for-production';

/** The verifier of the bearer tokens, whichever their source. */
export interface TokenVerifier {
  /** The caller, or undefined when the token is not one we trust (a 401). */
  verify(token: string, now?: Date): Promise<Caller | undefined>;
}

/** The key test harnesses sign with: the configured one, or the development key. */
export const localKey = (env: NodeJS.ProcessEnv = process.env): string => env.QC_JWT_SECRET || DEVELOPMENT_KEY;

const bytes = (key: string) => new TextEncoder().encode(key);

export function signLocalToken(
  caller: Caller,
  key: string,
  { ttlSeconds = DEVELOPMENT_TOKEN_SECONDS, now = new Date() }: { ttlSeconds?: number; now?: Date } = {},
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: Record<string, string> = { role: caller.role };
  if (caller.cooperativeId) claims.cooperativeId = caller.cooperativeId;
  if (caller.name) claims.name = caller.name;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(caller.sub)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(bytes(key));
}

export class LocalKeyVerifier implements TokenVerifier {
  private readonly key: Uint8Array;

  constructor(key: string) {
    this.key = bytes(key);
  }

  async verify(token: string, now?: Date): Promise<Caller | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: now,
      });
      return callerFromClaims(payload);
    } catch {
      return undefined;
    }
  }
}
