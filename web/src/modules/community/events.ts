// Course community events on the API: the list, one event, my RSVP and the
// waitlist promotion (a freed seat goes to the first in line, who is notified).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api';
import type { Rsvp } from './format';

export const eventKeys = {
  list: (courseId: string) => ['events', courseId] as const,
  one: (id: string) => ['event', id] as const,
  rsvp: (id: string) => ['event', id, 'rsvp'] as const,
  promotion: (id: string) => ['community', 'event-promotion', id] as const,
};

/** While I wait in line, my RSVP is read again this often, so a promotion shows without a reload. */
export const WAITLIST_POLL_MS = 5_000;

export function useEvents(courseId: string) {
  return useInfiniteQuery({
    queryKey: eventKeys.list(courseId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/courses/{id}/community/events', {
          params: { path: { id: courseId }, query: pageParam ? { cursor: pageParam } : {} },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useEvent(id: string, polling: boolean) {
  return useQuery({
    queryKey: eventKeys.one(id),
    queryFn: () => unwrap(api.GET('/v1/events/{id}', { params: { path: { id } } })),
    refetchInterval: polling ? WAITLIST_POLL_MS : false,
  });
}

/** My RSVP, or null when I have none (the API answers 404 RSVP_NOT_FOUND then). */
export function useMyRsvp(eventId: string) {
  return useQuery({
    queryKey: eventKeys.rsvp(eventId),
    queryFn: () => unwrap(api.GET('/v1/events/{id}/rsvp', { params: { path: { id: eventId } } })).catch(noRsvp),
    refetchInterval: (query) => (query.state.data?.status === 'waitlisted' ? WAITLIST_POLL_MS : false),
    refetchOnWindowFocus: true,
  });
}

function noRsvp(e: unknown): null {
  if (e instanceof ApiError && e.status === 404 && e.code === 'RSVP_NOT_FOUND') return null;
  throw e;
}

/**
 * The notification that told me I was promoted from this event's waitlist,
 * if any (GET /v1/notifications, kind event.waitlist_promoted): it says when
 * the seat became mine, also after a reload.
 */
export function usePromotion(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: eventKeys.promotion(eventId),
    queryFn: async () => {
      const page = await unwrap(api.GET('/v1/notifications', { params: { query: { limit: 100 } } }));
      return (
        page.items.find((n) => n.kind === 'event.waitlist_promoted' && payloadEventId(n.payload) === eventId) ?? null
      );
    },
    enabled,
  });
}

function payloadEventId(payload: unknown): unknown {
  return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>).event_id : undefined;
}

export type NewEvent = {
  title: string;
  description?: string;
  location?: string;
  capacity: number;
  starts_at: string;
  ends_at?: string;
};

/** Opens a new event (the course's teaching staff; the API checks). */
export function useCreateEvent(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewEvent) =>
      unwrap(api.POST('/v1/courses/{id}/community/events', { params: { path: { id: courseId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.list(courseId) }),
  });
}

/** RSVPs going or interested, or withdraws (null); the event's counts are read again after. */
export function useSetRsvp(eventId: string, courseId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (status: 'going' | 'interested' | null): Promise<Rsvp | null> => {
      if (status === null) {
        await unwrap(api.DELETE('/v1/events/{id}/rsvp', { params: { path: { id: eventId } } }));
        return null;
      }
      return unwrap(api.PUT('/v1/events/{id}/rsvp', { params: { path: { id: eventId } }, body: { status } }));
    },
    onSuccess: async (rsvp) => {
      queryClient.setQueryData(eventKeys.rsvp(eventId), rsvp);
      await queryClient.invalidateQueries({ queryKey: eventKeys.one(eventId), exact: true });
      if (courseId) await queryClient.invalidateQueries({ queryKey: eventKeys.list(courseId) });
    },
  });
}
