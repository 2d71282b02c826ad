/**
 * Signing in with the federation's OpenID provider: the authorization code flow with PKCE
 * (oauth4webapi). The console is a public client; the access token lives in memory only. While
 * the redirect is under way, the PKCE verifier and the state wait in this tab's sessionStorage.
 * After a reload the console asks the provider again without showing anything (`prompt=none`):
 * the provider's own session answers.
 */
import * as oauth from 'oauth4webapi';

export interface OidcOptions {
  issuer: string;
  clientId: string;
  scope: string;
  /** The API's audience, asked for as a resource indicator (RFC 8707) when the provider needs it. */
  resource?: string | null;
}

/** The ID token of this sign-in, in memory like the access token: it tells the provider whom to sign out. */
let idToken: string | undefined;

const PENDING = 'qc.oidc.pending';
const ACTIVE = 'qc.oidc.active';
export const CALLBACK_PATH = '/connexion/retour';

const redirectUri = () => `${location.origin}/console${CALLBACK_PATH}`;

/** A plain-HTTP issuer is only met in development and tests (the API trusts the same one). */
const insecure = (o: OidcOptions) =>
  new URL(o.issuer).protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};

async function server(o: OidcOptions): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(o.issuer);
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...insecure(o) });
  return oauth.processDiscoveryResponse(issuer, response);
}

/** Leaves for the provider's sign-in page (or, silently, for its answer). */
export async function beginSignIn(o: OidcOptions, returnTo: string, silent = false): Promise<void> {
  const as = await server(o);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo, silent }));
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set('client_id', o.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', o.scope);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  if (o.resource) url.searchParams.set('resource', o.resource);
  if (silent) url.searchParams.set('prompt', 'none');
  location.assign(url.href);
}

export type Finished = { token: string; returnTo: string } | { signedOut: true; returnTo: string };

/** Back from the provider: the code becomes an access token (or, after a silent attempt, nothing). */
export async function finishSignIn(o: OidcOptions): Promise<Finished> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as {
    verifier: string;
    state: string;
    returnTo: string;
    silent: boolean;
  } | null;
  sessionStorage.removeItem(PENDING);
  if (!pending) throw new Error('Aucune connexion en cours : recommencez.');
  const as = await server(o);
  const client: oauth.Client = { client_id: o.clientId };
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, new URL(location.href), pending.state);
  } catch (e) {
    // A silent attempt the provider cannot answer (no session there): simply signed out.
    if (pending.silent && e instanceof oauth.AuthorizationResponseError) {
      sessionStorage.removeItem(ACTIVE);
      return { signedOut: true, returnTo: pending.returnTo };
    }
    throw e;
  }
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    redirectUri(),
    pending.verifier,
    insecure(o),
  );
  const result = await oauth.processAuthorizationCodeResponse(as, client, response);
  idToken = result.id_token;
  sessionStorage.setItem(ACTIVE, '1');
  return { token: result.access_token, returnTo: pending.returnTo };
}

/** Whether this tab signed in with the provider before (then a reload asks it again, silently). */
export const wasSignedIn = () => sessionStorage.getItem(ACTIVE) === '1';
export const forget = () => sessionStorage.removeItem(ACTIVE);

/**
 * Signing out at the provider too (RP-initiated logout), so that the next person at this browser
 * is asked for their own credentials; null when the provider offers no such endpoint.
 */
export async function endSessionUrl(o: OidcOptions): Promise<string | null> {
  const as = await server(o);
  if (!as.end_session_endpoint) return null;
  const url = new URL(as.end_session_endpoint);
  url.searchParams.set('client_id', o.clientId);
  url.searchParams.set('post_logout_redirect_uri', `${location.origin}/console/`);
  if (idToken) url.searchParams.set('id_token_hint', idToken);
  idToken = undefined;
  return url.href;
}
