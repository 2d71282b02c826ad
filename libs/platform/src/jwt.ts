/**
 * Bearer tokens: HS256 JWTs signed with a local key (QC_JWT_SECRET, or a development default).
 * The claims name the caller's role and, for a cooperative, which one.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type Role = 'coop' | 'federation' | 'committee';

export interface Caller {
  sub: string;
  role: Role;
  cooperativeId?: string;
  name?: string;
}

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

export function jwtSecret(env: NodeJS.ProcessEnv = process.env): string {
  return env.QC_JWT_SECRET ?? 'quali-coop-development-secret-change-me';
}

export function signToken(
  caller: Caller,
  secret: string,
  ttlSeconds = 30 * 24 * 3600,
  nowSeconds = Math.floor(Date.now() / 1000),
): string {
  const header = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64(JSON.stringify({ ...caller, iat: nowSeconds, exp: nowSeconds + ttlSeconds, iss: 'quali-coop' }));
  const signature = b64(createHmac('sha256', secret).update(`${header}.${payload}`).digest());
  return `${header}.${payload}.${signature}`;
}

export function verifyToken(
  token: string,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Caller | undefined {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return undefined;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Caller & {
      exp?: number;
      alg?: string;
    };
    if ((JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown }).alg !== 'HS256')
      return undefined;
    if (typeof claims.exp === 'number' && claims.exp < nowSeconds) return undefined;
    if (!['coop', 'federation', 'committee'].includes(claims.role) || typeof claims.sub !== 'string') return undefined;
    if (claims.role === 'coop' && !claims.cooperativeId) return undefined;
    return { sub: claims.sub, role: claims.role, cooperativeId: claims.cooperativeId, name: claims.name };
  } catch {
    return undefined;
  }
}

/** The users of the seeded demo data, for development tokens and tests. */
export const SEEDED_USERS: Record<string, { sub: string; role: Role; cooperativeId?: string; name: string }> = {
  'coop-atlantique': {
    sub: 'user-atlantique',
    role: 'coop',
    cooperativeId: 'coop-atlantique',
    name: 'Claire Martin (Atlantique Habitat)',
  },
  'coop-provence': {
    sub: 'user-provence',
    role: 'coop',
    cooperativeId: 'coop-provence',
    name: 'Marc Durand (Provence Logis)',
  },
  federation: { sub: 'staff-federation', role: 'federation', name: 'Équipe de la Fédération' },
  committee: { sub: 'member-committee', role: 'committee', name: 'Sophie Bernard (comité de validation)' },
  visitor: { sub: 'member-visitor', role: 'committee', name: 'Jean Petit (comité de validation, visiteur)' },
};
