// The dashboard's reads and its one write: my enrollments, my recent activity,
// my wishlist, and course titles the activity feed refers to by id only.
import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { components } from '../../api';

export type ActivityEvent = components['schemas']['ActivityEvent'];
export type WishlistItem = components['schemas']['WishlistItem'];

export function useEnrollments() {
  return useInfiniteQuery({
    queryKey: ['enrollments'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/v1/enrollments', { params: { query: pageParam ? { cursor: pageParam } : {} } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** My newest activity (GET /v1/activity is newest first). */
export function useRecentActivity(limit = 8) {
  return useQuery({
    queryKey: ['activity', 'recent', limit],
    queryFn: () => unwrap(api.GET('/v1/activity', { params: { query: { limit } } })),
  });
}

export const wishlistKey = ['wishlist'] as const;

export function useWishlist() {
  return useQuery({
    queryKey: wishlistKey,
    queryFn: () => unwrap(api.GET('/v1/wishlist', { params: { query: { limit: 50 } } })),
  });
}

export function useRemoveFromWishlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (courseId: string) =>
      unwrap(api.DELETE('/v1/wishlist/{courseId}', { params: { path: { courseId } } })),
    // Either way the list is read again: a failure usually means it changed elsewhere.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: wishlistKey });
      void queryClient.invalidateQueries({ queryKey: ['activity'] });
    },
  });
}

/**
 * Titles of the courses in `ids`: from `known` (enrollments, wishlist) when
 * there, else read from GET /v1/courses/:id. ActivityEvent carries only the id.
 */
export function useActivityCourseTitles(ids: string[], known: Map<string, string>): Map<string, string> {
  const missing = [...new Set(ids)].filter((id) => !known.has(id));
  const results = useQueries({
    queries: missing.map((id) => ({
      queryKey: ['dashboard', 'course-title', id],
      staleTime: 10 * 60_000,
      queryFn: async () => (await unwrap(api.GET('/v1/courses/{id}', { params: { path: { id } } }))).title,
    })),
  });
  const titles = new Map(known);
  missing.forEach((id, i) => {
    const title = results[i]?.data;
    if (title) titles.set(id, title);
  });
  return titles;
}
