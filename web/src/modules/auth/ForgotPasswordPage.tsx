import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { usePageTitle } from '../../app/usePageTitle';
import { Button, Card, ErrorBanner, Input } from '../../theme';
import { useForgotPassword } from './api';

/** Asks for a password reset link (POST /v1/auth/forgot-password). */
export default function ForgotPasswordPage() {
  usePageTitle('Forgot your password');
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const forgot = useForgotPassword();

  function submit(e: FormEvent) {
    e.preventDefault();
    forgot.mutate(email.trim());
  }

  const fieldError = forgot.error instanceof ApiError ? forgot.error.fieldMessage('email') : undefined;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-3xl">Forgot your password?</h1>
      <Card>
        {forgot.isSuccess ? (
          // The API answers the same whether or not the address has an account.
          <p role="status">
            If an account uses {email.trim()}, we have sent it a link to set a new password. The link works for an hour.
          </p>
        ) : (
          <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
            <p className="text-muted">Enter your account's email and we will send you a link to set a new password.</p>
            <ErrorBanner error={forgot.error} title="Could not send the link" />
            <Input label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError} />
            <Button type="submit" busy={forgot.isPending}>
              Send me a link
            </Button>
          </form>
        )}
      </Card>
      <p className="mt-4 text-muted">
        Remembered it?{' '}
        <Link className="text-link underline" to="/sign-in">
          Sign in
        </Link>
      </p>
    </div>
  );
}
