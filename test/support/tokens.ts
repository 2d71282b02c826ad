// Test tokens are signed exactly as the API verifies them (same code, same development key).
import { Caller, localKey, SEEDED_USERS, signLocalToken } from '@qualicoop/platform';

export { SEEDED_USERS };
export const signToken = (caller: Caller): Promise<string> => signLocalToken(caller, localKey());
