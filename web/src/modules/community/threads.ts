// Course discussion threads on the API: the list, one thread with its replies, replying.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { Schemas } from '../../api/types';

export type DiscussionThread = Schemas['DiscussionThread'];

export const threadKeys = {
  list: (courseId: string) => ['threads', courseId] as const,
  one: (id: string) => ['thread', id] as const,
  posts: (id: string) => ['thread', id, 'posts'] as const,
};

export function useThreads(courseId: string) {
  return useInfiniteQuery({
    queryKey: threadKeys.list(courseId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/courses/{id}/community/threads', {
          params: { path: { id: courseId }, query: pageParam ? { cursor: pageParam } : {} },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** A thread (it also carries its first 100 replies; the page reads them all through useThreadPosts). */
export function useThread(id: string) {
  return useQuery({
    queryKey: threadKeys.one(id),
    queryFn: () => unwrap(api.GET('/v1/threads/{id}', { params: { path: { id } } })),
  });
}

/** A thread's replies, oldest first, page by page: long threads have more than the detail's 100. */
export function useThreadPosts(id: string) {
  return useInfiniteQuery({
    queryKey: threadKeys.posts(id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/threads/{id}/posts', {
          params: { path: { id }, query: pageParam ? { cursor: pageParam, limit: 50 } : { limit: 50 } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useStartThread(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; body: string }) =>
      unwrap(api.POST('/v1/courses/{id}/community/threads', { params: { path: { id: courseId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: threadKeys.list(courseId) }),
  });
}

export function useReply(thread: Pick<DiscussionThread, 'id' | 'course_id'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      unwrap(api.POST('/v1/threads/{id}/posts', { params: { path: { id: thread.id } }, body: { body } })),
    onSuccess: async () => {
      // The thread and its replies (['thread', id] is the prefix of both).
      await queryClient.invalidateQueries({ queryKey: threadKeys.one(thread.id) });
      await queryClient.invalidateQueries({ queryKey: threadKeys.list(thread.course_id) });
    },
  });
}
