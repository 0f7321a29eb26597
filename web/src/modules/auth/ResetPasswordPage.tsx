import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { usePageTitle } from '../../app/usePageTitle';
import { Button, Card, ErrorBanner, Input } from '../../theme';
import { useResetPassword } from './api';
import { useSession } from './session';

/** Sets a new password with the mailed link: /reset-password?token=… */
export default function ResetPasswordPage() {
  usePageTitle('Set a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const { forgetSession } = useSession();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    reset.mutate(
      { token, new_password: password },
      {
        onSuccess: () => {
          // A new password ends every session, this browser's too.
          forgetSession();
          navigate('/sign-in?reset=1', { replace: true });
        },
      },
    );
  }

  const apiField = (name: string) => (reset.error instanceof ApiError ? reset.error.fieldMessage(name) : undefined);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-3xl">Set a new password</h1>
      <Card>
        {!token ? (
          <p>
            This link has no token. Open the link from the email again, or{' '}
            <Link className="text-link underline" to="/forgot-password">
              ask for a new link
            </Link>
            .
          </p>
        ) : (
          <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
            <ErrorBanner error={reset.error} title="Could not set the password" />
            {reset.error instanceof ApiError && reset.error.status === 400 && !apiField('new_password') && (
              <p>
                <Link className="text-link underline" to="/forgot-password">
                  Ask for a new link
                </Link>
              </p>
            )}
            <Input
              label="New password"
              type="password"
              autoComplete="new-password"
              required
              minLength={8}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={apiField('new_password')}
              hint="At least 8 characters. Setting it signs you out on every device."
            />
            <Input
              label="Repeat the new password"
              type="password"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              error={mismatch ? 'The two passwords differ.' : undefined}
            />
            <Button type="submit" busy={reset.isPending}>
              Set the new password
            </Button>
          </form>
        )}
      </Card>
    </div>
  );
}
