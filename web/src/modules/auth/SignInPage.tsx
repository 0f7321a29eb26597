import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { Button, Card, ErrorBanner, Input } from '../../theme';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from './session';

// Why the visitor landed here, from the page that sent them.
const notices = [
  { param: 'registered', text: 'Your account is ready. We have emailed you a link to verify your address. Sign in to start learning.' },
  { param: 'reset', text: 'Your new password is set, and every other session has ended. Sign in with it.' },
  { param: 'expired', text: 'Your session has ended. Sign in again to continue where you were.' },
];

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
  const notice = notices.find((n) => params.get(n.param) === '1')?.text;

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
      {notice && (
        <p role="status" className="mb-4 rounded-lg bg-accent-soft p-3">
          {notice}
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
          <Link className="text-link underline" to={`/forgot-password${login.includes('@') ? `?email=${encodeURIComponent(login.trim())}` : ''}`}>
            Forgot your password?
          </Link>
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
