/**
 * A real OpenID provider for the sign-in test (`oidc-provider`, the certified Node implementation),
 * with the console registered as a public client and JWT access tokens for the API's audience
 * carrying the role and cooperative claims the API reads.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { Server } from 'node:http';

export const OIDC_CLIENT_ID = 'quali-coop-console';
export const API_AUDIENCE = 'https://api.quali-coop.test';

/** The people the provider knows: their sign-in name, and the claims it puts in their tokens. */
export const PROVIDER_ACCOUNTS: Record<string, { name: string; qc_role: string; qc_cooperative?: string }> = {
  'marc.durand': { name: 'Marc Durand (Provence Logis)', qc_role: 'coop', qc_cooperative: 'coop-provence' },
};

export async function startOidcProvider(
  port: number,
  consoleOrigin: string,
): Promise<{ issuer: string; stop(): Promise<void> }> {
  const { default: Provider } = (await import('oidc-provider')) as unknown as {
    default: new (
      issuer: string,
      config: Record<string, unknown>,
    ) => { listen(port: number): Server; Grant: new (o: object) => Grant };
  };
  interface Grant {
    addOIDCScope(scope: string): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: [`${consoleOrigin}/console/connexion/retour`],
        post_logout_redirect_uris: [`${consoleOrigin}/console/`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key-1', alg: 'RS256', use: 'sig' }] },
    clientBasedCORS: (_ctx: unknown, origin: string) => origin === consoleOrigin,
    findAccount: (_ctx: unknown, id: string) => {
      const account = PROVIDER_ACCOUNTS[id];
      return account ? { accountId: id, claims: () => ({ sub: id, name: account.name }) } : undefined;
    },
    claims: { openid: ['sub'], profile: ['name'] },
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'openid profile',
          audience: API_AUDIENCE,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    extraTokenClaims: (_ctx: unknown, token: { accountId: string }) => {
      const { name, qc_role, qc_cooperative } = PROVIDER_ACCOUNTS[token.accountId] ?? {};
      return { name, qc_role, qc_cooperative };
    },
    // The console is the federation's own application: no consent screen.
    loadExistingGrant: async (ctx: {
      oidc: {
        client: { clientId: string };
        session: { accountId: string };
        provider: { Grant: new (o: object) => Grant };
      };
    }) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid profile');
      grant.addResourceScope(API_AUDIENCE, 'openid profile');
      await grant.save();
      return grant;
    },
  });
  const server = provider.listen(port);
  await new Promise<void>((ready) => server.once('listening', () => ready()));
  return {
    issuer,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}
