/**
 * Who is calling: the role a token grants and, for a cooperative's staff, which cooperative.
 * Every verifier (development key or OpenID issuer) ends here, so the rules are written once.
 */
export type Role = 'coop' | 'federation' | 'committee';

export interface Caller {
  sub: string;
  role: Role;
  cooperativeId?: string;
  name?: string;
}

const ROLES: readonly string[] = ['coop', 'federation', 'committee'];

/** The caller a verified token's claims describe, or undefined when they describe nobody we know. */
export function callerFromClaims(
  claims: Record<string, unknown>,
  names: { role?: string; cooperative?: string } = {},
): Caller | undefined {
  const role = claims[names.role ?? 'role'];
  const cooperativeId = claims[names.cooperative ?? 'cooperativeId'];
  if (typeof role !== 'string' || !ROLES.includes(role) || typeof claims.sub !== 'string' || !claims.sub)
    return undefined;
  if (cooperativeId !== undefined && typeof cooperativeId !== 'string') return undefined;
  if (role === 'coop' && !cooperativeId) return undefined;
  return {
    sub: claims.sub,
    role: role as Role,
    cooperativeId: cooperativeId || undefined,
    name: typeof claims.name === 'string' ? claims.name : undefined,
  };
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
