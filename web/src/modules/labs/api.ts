// The labs module's API calls: search, a lab and its slots, booking (one
// Idempotency-Key per attempt), my bookings, cancel, and the iCalendar feed.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, IdempotentAttempt, unwrap } from '../../api';
import type { Schemas } from '../../api/types';

export type Lab = Schemas['Lab'];
export type LabSlot = Schemas['LabSlot'];
export type Booking = Schemas['LabBooking'];

export interface LabSearch {
  q: string;
  equipment: string;
  organizationId: string;
  availableFrom: string | undefined;
  availableTo: string | undefined;
}

export const keys = {
  search: (s: LabSearch) => ['labs', 'search', s] as const,
  lab: (id: string) => ['labs', id] as const,
  slots: (id: string) => ['labs', id, 'slots'] as const,
  bookings: ['bookings'] as const,
  booking: (id: string) => ['bookings', id] as const,
  hosts: ['hosts'] as const,
};

/** The query of GET /v1/labs for a search (empty filters left out). */
export function searchQuery(s: LabSearch, cursor?: string) {
  return {
    ...(s.q ? { q: s.q } : {}),
    ...(s.equipment ? { equipment: s.equipment } : {}),
    ...(s.organizationId ? { organization_id: s.organizationId } : {}),
    ...(s.availableFrom ? { available_from: s.availableFrom } : {}),
    ...(s.availableTo ? { available_to: s.availableTo } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

export function useLabSearch(s: LabSearch) {
  return useInfiniteQuery({
    queryKey: keys.search(s),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/v1/labs', { params: { query: searchQuery(s, pageParam) } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Organizations that host labs (from the public host list), for the search filter. */
export function useLabOrganizations() {
  return useQuery({
    queryKey: keys.hosts,
    queryFn: () => unwrap(api.GET('/v1/hosts', { params: { query: { limit: 100 } } })),
    select: (page) => {
      const seen = new Map<string, string>();
      for (const h of page.items ?? []) if (h.organization_id && !seen.has(h.organization_id)) seen.set(h.organization_id, h.name);
      return [...seen].map(([id, name]) => ({ id, name }));
    },
    staleTime: 5 * 60_000,
  });
}

export function useLab(id: string) {
  return useQuery({
    queryKey: keys.lab(id),
    queryFn: () => unwrap(api.GET('/v1/labs/{id}', { params: { path: { id } } })),
  });
}

/** The lab's first slot that has not ended yet (where the calendar opens). */
export function useFirstSlot(id: string) {
  return useQuery({
    queryKey: [...keys.slots(id), 'first'],
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/v1/labs/{id}/availability', {
          params: { path: { id }, query: { from: new Date().toISOString(), limit: 1 } },
        }),
      );
      return page.items?.[0] ?? null;
    },
  });
}

/** The lab's slots overlapping [from, to). */
export function useSlots(id: string, from: Date, to: Date, enabled = true) {
  return useQuery({
    queryKey: [...keys.slots(id), from.toISOString(), to.toISOString()],
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/v1/labs/{id}/availability', {
          params: { path: { id }, query: { from: from.toISOString(), to: to.toISOString(), limit: 100 } },
        }),
      );
      return page.items ?? [];
    },
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Book seats (or join the waitlist of a full slot): one Idempotency-Key per attempt. */
export function useBook(labId: string) {
  const attempt = useRef(new IdempotentAttempt());
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: { slotStart: string; seats: number }) =>
      attempt.current.run((key) =>
        unwrap(
          api.POST('/v1/labs/{id}/bookings', {
            params: { path: { id: labId }, header: { 'Idempotency-Key': key } },
            body: { slot_start: input.slotStart, seats: input.seats },
          }),
        ),
      ),
    onSuccess: async (booking) => {
      queryClient.setQueryData(keys.booking(booking.id), booking);
      await queryClient.invalidateQueries({ queryKey: keys.slots(labId) });
      await queryClient.invalidateQueries({ queryKey: keys.bookings, exact: true });
    },
  });
  return { ...mutation, newAttempt: () => attempt.current.reset() };
}

export function useJoinWaitlist(labId: string) {
  const attempt = useRef(new IdempotentAttempt());
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { slotStart: string; seats: number }) =>
      attempt.current.run((key) =>
        unwrap(
          api.POST('/v1/labs/{id}/waitlist', {
            params: { path: { id: labId }, header: { 'Idempotency-Key': key } },
            body: { slot_start: input.slotStart, seats: input.seats },
          }),
        ),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.slots(labId) }),
  });
}

export function useBookings() {
  return useInfiniteQuery({
    queryKey: keys.bookings,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/v1/bookings', { params: { query: pageParam ? { cursor: pageParam } : {} } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useBooking(id: string) {
  return useQuery({
    queryKey: keys.booking(id),
    queryFn: () => unwrap(api.GET('/v1/bookings/{id}', { params: { path: { id } } })),
  });
}

export function useCancelBooking() {
  const attempt = useRef(new IdempotentAttempt());
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      attempt.current.run((key) =>
        unwrap(
          api.POST('/v1/bookings/{id}/cancel', {
            params: { path: { id }, header: { 'Idempotency-Key': key } },
          }),
        ),
      ),
    onSuccess: async (booking) => {
      queryClient.setQueryData(keys.booking(booking.id), booking);
      await queryClient.invalidateQueries({ queryKey: keys.bookings, exact: true });
      await queryClient.invalidateQueries({ queryKey: keys.slots(booking.lab_id) });
    },
  });
}

/** Fetches my bookings' iCalendar feed (it needs the bearer token) and saves it as a file. */
export async function downloadCalendar(filename = 'delta-labs-bookings.ics'): Promise<void> {
  const blob = await unwrap(api.GET('/v1/bookings/calendar.ics', { parseAs: 'blob' }));
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
