import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import { usePageTitle } from '../../app/usePageTitle';
import { Badge, Card, EmptyState, ErrorBanner, InfiniteList, Spinner } from '../../theme';

function describe(kind: string, payload: Record<string, unknown>): string {
  const title = ['title', 'course_title', 'subject', 'message'].map((k) => payload[k]).find((v) => typeof v === 'string');
  const words = kind.replace(/[._]/g, ' ');
  return typeof title === 'string' ? `${words}: ${title}` : words;
}

/** My notifications, unread first (GET /v1/notifications). */
export default function NotificationsPage() {
  usePageTitle('Notifications');
  const list = useInfiniteQuery({
    queryKey: ['notifications'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/v1/notifications', { params: { query: pageParam ? { cursor: pageParam } : {} } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <h1 className="mb-6 text-3xl">Notifications</h1>
      <ErrorBanner error={list.error} title="Notifications could not be loaded" />
      {list.isPending ? (
        <Spinner label="Loading notifications" />
      ) : items.length === 0 && !list.error ? (
        <EmptyState title="Nothing new" />
      ) : (
        <InfiniteList
          label="Notifications"
          items={items}
          keyOf={(n) => n.id}
          hasMore={Boolean(list.hasNextPage)}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          className="flex flex-col gap-2"
          render={(n) => (
            <Card className="flex items-center justify-between gap-4">
              <span>{describe(n.kind, n.payload as Record<string, unknown>)}</span>
              <span className="flex items-center gap-2 text-sm text-muted">
                {!n.read_at && <Badge tone="primary">Unread</Badge>}
                <time dateTime={n.created_at}>{new Date(n.created_at).toLocaleString()}</time>
              </span>
            </Card>
          )}
        />
      )}
    </div>
  );
}
