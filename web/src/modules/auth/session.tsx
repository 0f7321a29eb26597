import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, onSessionExpired, tokens, unwrap } from '../../api';
import type { Profile } from '../../api/types';

interface Session {
  signedIn: boolean;
  /** The last session ended by itself (refresh refused), not by signing out. */
  expired: boolean;
  user: Profile | undefined;
  signIn(login: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Forgets this browser's session without asking the server (it already ended it). */
  forgetSession(): void;
}

const SessionContext = createContext<Session | null>(null);

/** The sign-in page, saying the session ended, coming back to `here` after. */
export function signInAfterExpiry(here: string): string {
  return `/sign-in?expired=1&next=${encodeURIComponent(here)}`;
}

/** Who is signed in: the token pair, and the profile read from GET /v1/users/me. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const pair = useSyncExternalStore(tokens.subscribe, tokens.get);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [expired, setExpired] = useState(false);
  const me = useQuery({
    queryKey: ['me', pair?.refreshToken ? 'signed-in' : 'anonymous'],
    queryFn: () => unwrap(api.GET('/v1/users/me')),
    enabled: Boolean(pair),
    staleTime: 60_000,
  });

  // An expired session sends the user to sign in, and back here afterwards.
  useEffect(
    () =>
      onSessionExpired(() => {
        setExpired(true);
        queryClient.clear();
        // RequireSignIn may redirect first (the tokens are gone); both say the same.
        navigate(signInAfterExpiry(location.pathname + location.search), { replace: true });
      }),
    [navigate, location, queryClient],
  );

  const signIn = useCallback(
    async (login: string, password: string) => {
      const trimmed = login.trim();
      const body = trimmed.includes('@')
        ? { email: trimmed, password }
        : { username: trimmed, password };
      const result = await unwrap(api.POST('/v1/auth/login', { body }));
      queryClient.clear();
      setExpired(false);
      tokens.set({ accessToken: result.access_token, refreshToken: result.refresh_token });
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    const current = tokens.get();
    if (current) {
      // Ends the session on the server too; signed out here whatever it answers.
      await api
        .POST('/v1/auth/logout', { body: { refresh_token: current.refreshToken } })
        .catch(() => undefined);
    }
    tokens.set(null);
    queryClient.clear();
  }, [queryClient]);

  const forgetSession = useCallback(() => {
    tokens.set(null);
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<Session>(
    () => ({ signedIn: Boolean(pair), expired, user: pair ? me.data : undefined, signIn, signOut, forgetSession }),
    [pair, expired, me.data, signIn, signOut, forgetSession],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
