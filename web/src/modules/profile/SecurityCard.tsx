import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api';
import { useSession } from '../auth/session';
import { Button, Card, ErrorBanner, Input, useToast } from '../../theme';
import { useChangePassword, useSignOutEverywhere } from './api';

/**
 * My password and sessions: change the password with the current one (every
 * other device is signed out; this page stays signed in with the new token
 * pair the server answers), or sign out everywhere, this page included.
 */
export function SecurityCard() {
  return (
    <Card className="flex flex-col gap-6">
      <h2 className="text-xl">Password and sessions</h2>
      <ChangePasswordForm />
      <SignOutEverywhere />
    </Card>
  );
}

function ChangePasswordForm() {
  const change = useChangePassword();
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat !== '' && repeat !== next ? 'The two new passwords differ.' : undefined;
  const field = (name: string) => (change.error instanceof ApiError ? change.error.fieldMessage(name) : undefined);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== repeat) return;
    change.mutate(
      { current_password: current, new_password: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
          toast('Your password is changed. Your other devices are signed out.');
        },
      },
    );
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-labelledby="change-password-title">
      <h3 id="change-password-title" className="text-lg">
        Change your password
      </h3>
      <ErrorBanner error={change.error} title="Your password was not changed" />
      <Input label="Current password" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} error={field('current_password')} />
      <Input label="New password" type="password" autoComplete="new-password" required minLength={8} maxLength={128} hint="8 to 128 characters" value={next} onChange={(e) => setNext(e.target.value)} error={field('new_password')} />
      <Input label="Repeat the new password" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} error={mismatch} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" busy={change.isPending}>
          Change password
        </Button>
        <Link to="/forgot-password" className="text-link underline">
          Forgot your current password?
        </Link>
      </div>
    </form>
  );
}

function SignOutEverywhere() {
  const everywhere = useSignOutEverywhere();
  const { forgetSession } = useSession();
  const navigate = useNavigate();
  const toast = useToast();

  function leave() {
    everywhere.mutate(undefined, {
      onSuccess: () => {
        forgetSession(); // the server ended this session too
        toast('You are signed out on every device.');
        navigate('/');
      },
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <h3 className="text-lg">Your devices</h3>
      {/* Not named "Sign out …": the header's Sign out button keeps its name to itself. */}
      <p className="text-muted">
        Sign out everywhere: end every session of yours, on every device, this one included.
      </p>
      <ErrorBanner error={everywhere.error} title="You are still signed in" />
      <div>
        <Button variant="danger" busy={everywhere.isPending} onClick={leave}>
          End every session
        </Button>
      </div>
    </div>
  );
}
