import { useRef } from 'react';
import { usePageTitle } from '../../app/usePageTitle';
import { Badge, Card, Spinner } from '../../theme';
import { useSession } from '../auth/session';
import { ProfileForm } from './ProfileForm';
import { ProfileNav } from './ProfileNav';
import { SecurityCard } from './SecurityCard';

/** Who I am (GET /v1/users/me): my details to edit, my account, my password. */
export default function ProfilePage() {
  usePageTitle('Profile');
  // The last profile read stays on screen while it is read again, so the
  // form under it (and what is typed there) is never thrown away meanwhile.
  const { user: current } = useSession();
  const last = useRef(current);
  if (current) last.current = current;
  const user = current ?? last.current;
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl">Profile</h1>
      <ProfileNav />
      {!user ? (
        <Spinner label="Loading your profile" />
      ) : (
        <div className="flex flex-col gap-6">
          <Card>
            <h2 className="mb-4 text-xl">Account</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
              <dt className="text-muted">Email</dt>
              <dd className="flex flex-wrap items-center gap-2">
                {user.email} {user.email_verified ? <Badge tone="success">Verified</Badge> : <Badge>Not verified</Badge>}
              </dd>
              {!user.email_verified && (
                <dd className="col-start-2 text-sm text-muted">Open the link in your welcome email to verify it.</dd>
              )}
              <dt className="text-muted">Roles</dt>
              <dd className="flex flex-wrap gap-2">
                {user.roles.map((r) => (
                  <Badge key={r.id}>{r.name}</Badge>
                ))}
              </dd>
            </dl>
          </Card>
          <ProfileForm key={user.id} user={user} />
          <SecurityCard />
        </div>
      )}
    </div>
  );
}
