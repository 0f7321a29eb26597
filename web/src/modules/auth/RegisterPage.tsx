import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError, unwrap } from '../../api';
import { usePageTitle } from '../../app/usePageTitle';
import { Button, Card, ErrorBanner, Input } from '../../theme';

const empty = { email: '', password: '', first_name: '', last_name: '' };

/** Create an account (POST /v1/auth/register), then sign in. */
export default function RegisterPage() {
  usePageTitle('Register');
  const navigate = useNavigate();
  const [form, setForm] = useState(empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/v1/auth/register', { body: form }));
      navigate(`/sign-in?registered=1&email=${encodeURIComponent(form.email)}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const set = (key: keyof typeof empty) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const field = (name: string) => (error instanceof ApiError ? error.fieldMessage(name) : undefined);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-3xl">Create your account</h1>
      <Card>
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <ErrorBanner error={error} title="Could not register" />
          <Input label="Email" type="email" autoComplete="email" required value={form.email} onChange={set('email')} error={field('email')} />
          <Input
            label="Password"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            value={form.password}
            onChange={set('password')}
            error={field('password')}
            hint="At least 8 characters."
          />
          <Input label="First name" autoComplete="given-name" required value={form.first_name} onChange={set('first_name')} error={field('first_name')} />
          <Input label="Last name" autoComplete="family-name" required value={form.last_name} onChange={set('last_name')} error={field('last_name')} />
          <Button type="submit" busy={busy}>
            Register
          </Button>
        </form>
      </Card>
      <p className="mt-4 text-muted">
        Already have an account?{' '}
        <Link className="text-link underline" to="/sign-in">
          Sign in instead
        </Link>
      </p>
    </div>
  );
}
