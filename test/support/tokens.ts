// Test tokens are signed exactly as the API verifies them (same code, same development key).
import { Caller, jwtSecret, SEEDED_USERS, signToken as sign } from '@qualicoop/platform';

export { SEEDED_USERS };
export const signToken = (caller: Caller) => sign(caller, jwtSecret());
