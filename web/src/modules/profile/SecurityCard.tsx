import type { Profile } from '../../api/types';
import { Button, Card, ErrorBanner } from '../../theme';
import { useSendPasswordLink } from './api';

/**
 * Changing the password. The API has no signed-in change-password or
 * sign-out-everywhere route; what it has is the reset link, and setting a new
 * password with it ends every session. So both go through that link.
 */
export function SecurityCard({ user }: { user: Profile }) {
  const send = useSendPasswordLink();
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-xl">Password and sessions</h2>
      <p className="text-muted">
        To change your password, or to sign out everywhere, we email you a link to set a new password. Setting it
        ends every session on every device, this one included.
      </p>
      <ErrorBanner error={send.error} title="Could not send the link" />
      {send.isSuccess ? (
        <p role="status" className="rounded-lg bg-accent-soft p-3">
          We have sent a link to {user.email}. It works for an hour, on any device.
        </p>
      ) : (
        <div>
          <Button variant="secondary" busy={send.isPending} onClick={() => send.mutate(user.email)}>
            Email me a link to change my password
          </Button>
        </div>
      )}
    </Card>
  );
}
