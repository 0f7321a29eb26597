import { Link } from 'react-router-dom';
import { Badge, Button, Card, ErrorBanner } from '../../theme';
import { useMarkRead } from './notificationsApi';
import type { Notification } from './notificationsStream';
import { describeNotification, notificationLink } from './notificationsText';

/** One notification: what happened, when, and "Mark read" while it is unread. */
export function NotificationRow({ n }: { n: Notification }) {
  const markRead = useMarkRead();
  const text = describeNotification(n);
  const link = notificationLink(n);
  return (
    <Card className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex flex-col gap-1">
        <p className={n.read_at ? 'text-muted' : 'font-semibold'}>
          {link ? (
            <Link
              to={link}
              className="text-link hover:underline"
              // Opening it is reading it.
              onClick={() => {
                if (!n.read_at) markRead.mutate(n.id);
              }}
            >
              {text}
            </Link>
          ) : (
            text
          )}
        </p>
        <p className="flex items-center gap-2 text-sm text-muted">
          {!n.read_at && <Badge tone="primary">Unread</Badge>}
          <time dateTime={n.created_at}>{new Date(n.created_at).toLocaleString()}</time>
        </p>
        <ErrorBanner error={markRead.error} title="Could not mark it read" />
      </div>
      {!n.read_at && (
        <Button
          variant="secondary"
          className="shrink-0 whitespace-nowrap"
          busy={markRead.isPending}
          onClick={() => markRead.mutate(n.id)}
          aria-label={`Mark read: ${text}`}
        >
          Mark read
        </Button>
      )}
    </Card>
  );
}
