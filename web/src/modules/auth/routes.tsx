import { lazy } from 'react';
import { Route } from 'react-router-dom';

// Each page's code loads when it is first visited.
const SignInPage = lazy(() => import('./SignInPage'));
const RegisterPage = lazy(() => import('./RegisterPage'));
const VerifyEmailPage = lazy(() => import('./VerifyEmailPage'));
const ForgotPasswordPage = lazy(() => import('./ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('./ResetPasswordPage'));

/** The auth module's pages, mounted inside the app shell. The server mails
 *  links to /verify-email?token= and /reset-password?token=. */
export const authRoutes = (
  <>
    <Route path="sign-in" element={<SignInPage />} />
    <Route path="register" element={<RegisterPage />} />
    <Route path="verify-email" element={<VerifyEmailPage />} />
    <Route path="forgot-password" element={<ForgotPasswordPage />} />
    <Route path="reset-password" element={<ResetPasswordPage />} />
  </>
);
