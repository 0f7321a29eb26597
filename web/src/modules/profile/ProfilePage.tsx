import { usePageTitle } from '../../app/usePageTitle';
import { Badge, Card, Spinner } from '../../theme';
import { useSession } from '../auth/session';

/** Who I am: my profile and roles (GET /v1/users/me). */
export default function ProfilePage() {
  usePageTitle('Profile');
  const { user } = useSession();
  if (!user) return <Spinner label="Loading your profile" />;
  return (
    <div className="max-w-xl">
      <h1 className="mb-6 text-3xl">Profile</h1>
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="text-muted">Name</dt>
          <dd>
            {user.first_name} {user.last_name}
          </dd>
          <dt className="text-muted">Email</dt>
          <dd>
            {user.email} {user.email_verified ? <Badge tone="success">Verified</Badge> : <Badge>Not verified</Badge>}
          </dd>
          <dt className="text-muted">Username</dt>
          <dd>{user.username ?? '—'}</dd>
          <dt className="text-muted">Roles</dt>
          <dd className="flex flex-wrap gap-2">
            {user.roles.map((r) => (
              <Badge key={r.id}>{r.name}</Badge>
            ))}
          </dd>
        </dl>
      </Card>
    </div>
  );
}
