import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { signInAfterExpiry, useSession } from './session';

/** Renders its children for a signed-in user; sends anyone else to sign in and back. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { signedIn, expired } = useSession();
  const location = useLocation();
  if (!signedIn) {
    const here = location.pathname + location.search;
    return <Navigate to={expired ? signInAfterExpiry(here) : `/sign-in?next=${encodeURIComponent(here)}`} replace />;
  }
  return <>{children}</>;
}
