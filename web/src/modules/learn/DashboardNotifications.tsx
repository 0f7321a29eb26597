import { Link } from 'react-router-dom';
import { EmptyState, ErrorBanner, Spinner } from '../../theme';
import { useNotificationList } from '../community/notificationsApi';
import { NotificationRow } from '../community/notificationsList';

const SHOWN = 5;

/** My newest notifications, unread first, each markable read; the rest on /notifications. */
export function DashboardNotifications() {
  const list = useNotificationList(SHOWN);
  const first = list.data?.pages[0];
  const items = first?.items ?? [];
  return (
    <section aria-labelledby="dashboard-notifications">
      <div className="mb-3 flex items-baseline justify-between gap-2">
        <h2 id="dashboard-notifications" className="text-xl">
          Notifications
        </h2>
        <Link to="/notifications" className="text-link underline">
          All notifications
        </Link>
      </div>
      <ErrorBanner error={list.error} title="Notifications could not be loaded" />
      {list.isPending ? (
        <Spinner label="Loading notifications" />
      ) : items.length === 0 && !list.error ? (
        <EmptyState title="Nothing new" />
      ) : (
        <ul aria-label="Latest notifications" className="flex flex-col gap-2">
          {items.map((n) => (
            <li key={n.id}>
              <NotificationRow n={n} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
