import { lazy } from 'react';
import { Route } from 'react-router-dom';

// Each page's code loads when it is first visited.
const SignInPage = lazy(() => import('./SignInPage'));
const RegisterPage = lazy(() => import('./RegisterPage'));

/** The auth module's pages, mounted inside the app shell. */
export const authRoutes = (
  <>
    <Route path="sign-in" element={<SignInPage />} />
    <Route path="register" element={<RegisterPage />} />
  </>
);
