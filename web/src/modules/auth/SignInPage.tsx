import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { Button, Card, ErrorBanner, Input } from '../../theme';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from './session';

/** Sign in by email or username. */
export default function SignInPage() {
  usePageTitle('Sign in');
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [login, setLogin] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const next = params.get('next');
  const registered = params.get('registered') === '1';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(login, password);
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/my-learning', { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const field = (name: string) => (error instanceof ApiError ? error.fieldMessage(name) : undefined);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-3xl">Sign in</h1>
      {registered && (
        <p role="status" className="mb-4 rounded-lg bg-accent-soft p-3">
          Your account is ready. Sign in to start learning.
        </p>
      )}
      <Card>
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <ErrorBanner error={error} title="Could not sign in" />
          <Input
            label="Email or username"
            name="login"
            autoComplete="username"
            required
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            error={field('email') ?? field('username')}
          />
          <Input
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={field('password')}
          />
          <Button type="submit" busy={busy}>
            Sign in
          </Button>
        </form>
      </Card>
      <p className="mt-4 text-muted">
        New here?{' '}
        <Link className="text-link underline" to="/register">
          Create an account
        </Link>
      </p>
    </div>
  );
}
