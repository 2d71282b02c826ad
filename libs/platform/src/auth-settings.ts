/**
 * Whom the API trusts to say who is calling, decided once at start-up from the environment:
 * - `QC_OIDC_ISSUER` (+ `QC_OIDC_AUDIENCE`): tokens of that OpenID Connect issuer only;
 * - otherwise `QC_JWT_SECRET` (at least 32 characters): HS256 tokens signed with that key;
 * - otherwise, only when `QC_MODE=development` (what `npm start` and the tests set): the
 *   development key, and the console's sign-in page that lists the seeded users.
 * Anything else is a production deployment without a way to check tokens: refused at start-up.
 */
import { DEVELOPMENT_KEY, LocalKeyVerifier, TokenVerifier } from './tokens';
import { OidcVerifier } from './oidc';

export type TokenTrust =
  | {
      kind: 'issuer';
      issuer: string;
      audience: string;
      clientId: string;
      scope: string;
      roleClaim?: string;
      cooperativeClaim?: string;
    }
  | { kind: 'key'; key: string; development: boolean };

/** A configuration the API will not start with; the message is in French, then in English. */
export class StartupRefusal extends Error {}

export const developmentMode = (env: NodeJS.ProcessEnv = process.env) => env.QC_MODE === 'development';

export const MIN_KEY_LENGTH = 32;

export function tokenTrust(env: NodeJS.ProcessEnv = process.env): TokenTrust {
  if (env.QC_MODE && !['development', 'production'].includes(env.QC_MODE))
    throw new StartupRefusal(
      `QC_MODE vaut « ${env.QC_MODE} » : les valeurs permises sont development et production.\n` +
        `QC_MODE is "${env.QC_MODE}": the allowed values are development and production.`,
    );
  if (env.QC_OIDC_ISSUER) {
    if (!env.QC_OIDC_AUDIENCE)
      throw new StartupRefusal(
        "QC_OIDC_AUDIENCE manque : l'API doit connaître l'audience de ses jetons pour refuser ceux émis pour une autre application.\n" +
          "QC_OIDC_AUDIENCE is missing: the API must know its tokens' audience to refuse tokens issued for another application.",
      );
    return {
      kind: 'issuer',
      issuer: env.QC_OIDC_ISSUER,
      audience: env.QC_OIDC_AUDIENCE,
      clientId: env.QC_OIDC_CLIENT_ID ?? 'quali-coop-console',
      scope: env.QC_OIDC_SCOPE ?? 'openid profile',
      roleClaim: env.QC_OIDC_ROLE_CLAIM,
      cooperativeClaim: env.QC_OIDC_COOPERATIVE_CLAIM,
    };
  }
  if (env.QC_JWT_SECRET) {
    if (env.QC_JWT_SECRET.length < MIN_KEY_LENGTH || env.QC_JWT_SECRET === DEVELOPMENT_KEY)
      throw new StartupRefusal(
        `QC_JWT_SECRET est trop court ou public : il faut une clé secrète d'au moins ${MIN_KEY_LENGTH} caractères (par exemple openssl rand -base64 48).\n` +
          `QC_JWT_SECRET is too short or public: a secret key of at least ${MIN_KEY_LENGTH} characters is needed (e.g. openssl rand -base64 48).`,
      );
    return { kind: 'key', key: env.QC_JWT_SECRET, development: developmentMode(env) };
  }
  if (developmentMode(env)) return { kind: 'key', key: DEVELOPMENT_KEY, development: true };
  throw new StartupRefusal(
    "Refus de démarrer : ni émetteur OpenID Connect (QC_OIDC_ISSUER et QC_OIDC_AUDIENCE) ni clé de signature (QC_JWT_SECRET) n'est configuré, " +
      "et la clé de développement n'est acceptée qu'avec QC_MODE=development (ce que fait npm start).\n" +
      'Refusing to start: neither an OpenID Connect issuer (QC_OIDC_ISSUER and QC_OIDC_AUDIENCE) nor a signing key (QC_JWT_SECRET) is configured, ' +
      'and the development key is only accepted with QC_MODE=development (which npm start sets).',
  );
}

export function tokenVerifier(trust: TokenTrust): TokenVerifier {
  return trust.kind === 'issuer'
    ? new OidcVerifier(trust.issuer, {
        audience: trust.audience,
        roleClaim: trust.roleClaim,
        cooperativeClaim: trust.cooperativeClaim,
      })
    : new LocalKeyVerifier(trust.key);
}
