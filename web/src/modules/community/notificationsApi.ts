// The notifications' queries and their one write, shared by the bell, the
// dashboard and the notifications page through React Query's cache.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { Notification } from './notificationsStream';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unread: ['notifications', 'unread'] as const,
};

/** The largest page the API serves; the unread count is read from one page. */
const COUNT_PAGE = 100;

export interface UnreadSummary {
  /** Unread notifications, newest first (the list is unread first). */
  items: Notification[];
  /** True when there may be more than `items` unread. */
  more: boolean;
}

/**
 * My unread notifications. The API has no unread count, but it lists unread
 * first, so the unread ones are the head of the first page.
 */
export function useUnread(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.unread,
    enabled,
    staleTime: 60_000,
    queryFn: async (): Promise<UnreadSummary> => {
      const page = await unwrap(api.GET('/v1/notifications', { params: { query: { limit: COUNT_PAGE } } }));
      const items = page.items.filter((n) => !n.read_at);
      return { items, more: items.length === page.items.length && Boolean(page.next_cursor) };
    },
  });
}

/** All my notifications, unread first, page by page. */
export function useNotificationList(limit = 20) {
  return useInfiniteQuery({
    queryKey: [...notificationKeys.list, limit],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/v1/notifications', { params: { query: pageParam ? { limit, cursor: pageParam } : { limit } } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** Marks one notification read (POST /v1/notifications/:id/read). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: (read) => {
      queryClient.setQueryData<UnreadSummary>(notificationKeys.unread, (old) =>
        old ? { ...old, items: old.items.filter((n) => n.id !== read.id) } : old,
      );
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}

/** A notification the stream delivered: counted at once, lists refetched. */
export function receiveNotification(queryClient: QueryClient, n: Notification): void {
  queryClient.setQueryData<UnreadSummary>(notificationKeys.unread, (old) =>
    old && !old.items.some((x) => x.id === n.id) ? { ...old, items: [n, ...old.items] } : old,
  );
  void queryClient.invalidateQueries({ queryKey: notificationKeys.list });
}
