/**
 * `QC_MODE=development npm run token -- <user>`: prints a development token (12 hours) for one of
 * the seeded users, signed with the local key the API uses in development mode. Refused outside
 * development mode and when the API trusts an OpenID issuer: production tokens come from the issuer.
 */
import { developmentMode, SEEDED_USERS, signLocalToken, StartupRefusal, tokenTrust } from '@qualicoop/platform';

export async function mintToken(who: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const trust = developmentMode(env) ? tokenTrust(env) : undefined;
  if (trust?.kind !== 'key' || !trust.development)
    throw new StartupRefusal(
      'Refus : les jetons de développement ne sont émis qu’en mode développement (QC_MODE=development, sans QC_OIDC_ISSUER).\n' +
        'Refused: development tokens are only minted in development mode (QC_MODE=development, without QC_OIDC_ISSUER).',
    );
  const user = SEEDED_USERS[who];
  if (!user)
    throw new StartupRefusal(`usage: QC_MODE=development npm run token -- <${Object.keys(SEEDED_USERS).join('|')}>`);
  return signLocalToken(user, trust.key);
}

if (require.main === module) {
  mintToken(process.argv[2] ?? '').then(
    (token) => console.log(token),
    (e: unknown) => {
      console.error(e instanceof StartupRefusal ? e.message : e);
      process.exit(2);
    },
  );
}
