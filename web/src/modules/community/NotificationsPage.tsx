import { usePageTitle } from '../../app/usePageTitle';
import { EmptyState, ErrorBanner, InfiniteList, Spinner } from '../../theme';
import { useNotificationList } from './notificationsApi';
import { NotificationRow } from './notificationsList';

/** My notifications, unread first (GET /v1/notifications), each markable read. */
export default function NotificationsPage() {
  usePageTitle('Notifications');
  const list = useNotificationList();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-3xl">Notifications</h1>
      <ErrorBanner error={list.error} title="Notifications could not be loaded" />
      {list.isPending ? (
        <Spinner label="Loading notifications" />
      ) : items.length === 0 && !list.error ? (
        <EmptyState title="Nothing new">Answers to your questions, grades and orders will show up here.</EmptyState>
      ) : (
        <InfiniteList
          label="Notifications"
          items={items}
          keyOf={(n) => n.id}
          hasMore={Boolean(list.hasNextPage)}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          className="flex flex-col gap-2"
          render={(n) => <NotificationRow n={n} />}
        />
      )}
    </div>
  );
}
