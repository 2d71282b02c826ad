/**
 * Who is signed in. The token is kept in memory only. In development the console remembers, for
 * this tab, which seeded user was chosen (an id, not a token) and asks the API for a fresh token
 * after a reload.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { Role } from '@qualicoop/domain';
import { answer, api, Problem, setBearerToken } from '../api/client';
import { beginSignIn, CALLBACK_PATH, endSessionUrl, finishSignIn, forget, wasSignedIn, type OidcOptions } from './oidc';

export interface Me {
  sub: string;
  role: Exclude<Role, 'system'>;
  cooperativeId: string | null;
  name: string | null;
}

export interface DevelopmentUser {
  id: string;
  name: string;
  role: Me['role'];
  cooperativeId: string | null;
}

export type SignInOptions =
  { mode: 'development'; users: DevelopmentUser[] } | ({ mode: 'oidc' } & OidcOptions) | { mode: 'none' };

type Status =
  | { state: 'loading' }
  | { state: 'signed-out'; options: SignInOptions; problem?: Problem }
  | { state: 'signed-in'; me: Me };

interface SessionApi {
  status: Status;
  /** Development: sign in as one of the seeded people. */
  signInAs: (userId: string) => Promise<void>;
  /** Production: leave for the OpenID provider's sign-in page. */
  signInWithProvider: () => Promise<void>;
  signOut: () => void;
}

const SessionContext = createContext<SessionApi | undefined>(undefined);
const DEV_USER = 'qc.developmentUser';

const PROVIDER_FAILED = new Problem(
  0,
  'SIGN_IN.PROVIDER_FAILED',
  "La connexion auprès de votre fournisseur d'identité n'a pas abouti. Réessayez ; si cela se reproduit, contactez la Fédération.",
);

/** The path inside the console (the router's own, without /console). */
const routerPath = () => location.pathname.replace(/^\/console/, '') || '/';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  const [options, setOptions] = useState<SignInOptions>({ mode: 'none' });
  const navigate = useNavigate();
  // Read once, when the console loads: the router's navigate may change identity as pages change.
  const navigateOnLoad = useRef(navigate);

  const signedOut = useCallback((opts: SignInOptions, problem?: Problem) => {
    setBearerToken(undefined);
    setStatus({ state: 'signed-out', options: opts, ...(problem ? { problem } : {}) });
  }, []);

  const signedIn = useCallback(async (token: string) => {
    setBearerToken(token);
    const me = await answer<Me>(api.GET('/me'));
    setStatus({ state: 'signed-in', me });
  }, []);

  /** Development: a token for one of the seeded people, then who the API says they are. */
  const asSeededPerson = useCallback(
    async (userId: string) => {
      const { token } = await answer<{ token: string }>(
        api.POST('/sign-in/development-token', { body: { user: userId } }),
      );
      await signedIn(token);
      sessionStorage.setItem(DEV_USER, userId);
    },
    [signedIn],
  );

  const signInAs = useCallback(
    async (userId: string) => {
      try {
        await asSeededPerson(userId);
      } catch (e) {
        sessionStorage.removeItem(DEV_USER);
        signedOut(options, e instanceof Problem ? e : undefined);
      }
    },
    [options, asSeededPerson, signedOut],
  );

  const signInWithProvider = useCallback(async () => {
    if (options.mode !== 'oidc') return;
    await beginSignIn(options, routerPath() === CALLBACK_PATH ? '/' : routerPath()).catch(() =>
      signedOut(options, PROVIDER_FAILED),
    );
  }, [options, signedOut]);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(DEV_USER);
    forget();
    signedOut(options);
    // With a provider, its own session ends too; the provider sends the browser back to the console.
    if (options.mode === 'oidc')
      void endSessionUrl(options)
        .then((url) => url && location.assign(url))
        .catch(() => undefined);
  }, [options, signedOut]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const opts = await answer<SignInOptions>(api.GET('/sign-in')).catch((): SignInOptions => ({ mode: 'none' }));
      if (cancelled) return;
      setOptions(opts);
      if (opts.mode === 'oidc') {
        if (routerPath() === CALLBACK_PATH) {
          try {
            const result = await finishSignIn(opts);
            if ('token' in result) await signedIn(result.token);
            else signedOut(opts);
            await navigateOnLoad.current(result.returnTo, { replace: true });
          } catch {
            signedOut(opts, PROVIDER_FAILED);
            await navigateOnLoad.current('/', { replace: true });
          }
          return;
        }
        // A reload after signing in: the provider's session answers without a page to fill.
        if (wasSignedIn()) return void (await beginSignIn(opts, routerPath(), true));
        return signedOut(opts);
      }
      const remembered = sessionStorage.getItem(DEV_USER);
      if (opts.mode === 'development' && remembered) {
        try {
          await asSeededPerson(remembered);
        } catch {
          sessionStorage.removeItem(DEV_USER);
          signedOut(opts);
        }
        return;
      }
      signedOut(opts);
    })();
    return () => {
      cancelled = true;
    };
    // Once, when the console loads (these callbacks never change).
  }, [asSeededPerson, signedIn, signedOut]);

  const value = useMemo(
    () => ({ status, signInAs, signInWithProvider, signOut }),
    [status, signInAs, signInWithProvider, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in caller (only under a signed-in route). */
export function useMe(): Me {
  const { status } = useSession();
  if (status.state !== 'signed-in') throw new Error('useMe while signed out');
  return status.me;
}

export const ROLE_LABELS_FR: Record<Me['role'], string> = {
  coop: 'Coopérative',
  federation: 'Fédération',
  committee: 'Comité de validation',
};
