import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import type { Profile } from '../../api/types';
import { Button, Card, ErrorBanner, Input, useToast } from '../../theme';
import { useSaveProfile } from './api';

const fields = (p: { first_name: string; last_name: string; username?: string | null }) => ({
  first_name: p.first_name,
  last_name: p.last_name,
  username: p.username ?? '',
});

/** My name and username (PATCH /v1/users/me); a username also signs me in. */
export function ProfileForm({ user }: { user: Profile }) {
  const toast = useToast();
  const save = useSaveProfile();
  // Filled once from the profile, then only by the person typing and by what a
  // save answers: a profile read again meanwhile must not wipe what is typed.
  const [form, setForm] = useState(() => fields(user));

  function submit(e: FormEvent) {
    e.preventDefault();
    const username = form.username.trim();
    save.mutate(
      { first_name: form.first_name.trim(), last_name: form.last_name.trim(), username: username || null },
      {
        onSuccess: (saved) => {
          setForm(fields(saved));
          toast('Your profile is saved.');
        },
      },
    );
  }

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const field = (name: string) => (save.error instanceof ApiError ? save.error.fieldMessage(name) : undefined);
  return (
    <Card>
      <h2 className="mb-4 text-xl">Your details</h2>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <ErrorBanner error={save.error} title="Could not save your profile" />
        <Input label="First name" autoComplete="given-name" required value={form.first_name} onChange={set('first_name')} error={field('first_name')} />
        <Input label="Last name" autoComplete="family-name" required value={form.last_name} onChange={set('last_name')} error={field('last_name')} />
        <Input
          label="Username"
          autoComplete="username"
          value={form.username}
          onChange={set('username')}
          error={field('username')}
          hint="3 to 32 characters. You can sign in with it instead of your email. Leave it empty for none."
        />
        <div>
          <Button type="submit" busy={save.isPending}>
            Save profile
          </Button>
        </div>
      </form>
    </Card>
  );
}
