import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { Card, ErrorBanner, Spinner } from '../../theme';
import { useVerifyEmail } from './api';
import { useSession } from './session';

/** Opens the link mailed at registration: /verify-email?token=… */
export default function VerifyEmailPage() {
  usePageTitle('Verify your email');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useVerifyEmail();
  const { mutate } = verify;
  const { signedIn } = useSession();
  // The token works once: send it once, even when React runs effects twice.
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    mutate(token);
  }, [token, mutate]);

  const next = signedIn ? { to: '/my-learning', label: 'Go to my learning' } : { to: '/sign-in', label: 'Sign in' };
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-3xl">Verify your email</h1>
      <Card className="flex flex-col gap-4">
        {!token ? (
          <p>This link has no token. Open the link from your welcome email again, whole.</p>
        ) : verify.isSuccess ? (
          <p role="status">Your email address is verified. Thank you!</p>
        ) : verify.isError ? (
          <ErrorBanner error={verify.error} title="Your email could not be verified" />
        ) : (
          <Spinner label="Verifying your email" />
        )}
        <Link to={next.to} className="text-link underline">
          {next.label}
        </Link>
      </Card>
    </div>
  );
}
