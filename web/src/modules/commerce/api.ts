// The commerce module's API calls: cart, checkout, orders, refunds,
// sponsorship requests and financial aid (React Query over the typed client).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, IdempotentAttempt, unwrap } from '../../api';
import type { Schemas } from '../../api/types';

export type Cart = Schemas['Cart'];
export type CartItem = Schemas['CartItem'];
export type Order = Schemas['Order'];
export type OrderItem = Schemas['OrderItem'];
export type SponsorshipRequest = Schemas['SponsorshipRequest'];
export type AidApplication = Schemas['FinancialAidApplication'];
export type Provider = 'offline' | 'card';

export interface CheckoutInput {
  provider: Provider;
  couponCode: string;
  paymentMethod: string;
}

export const keys = {
  cart: ['cart'] as const,
  orders: ['orders'] as const,
  order: (id: string) => ['orders', id] as const,
  sponsors: ['sponsors'] as const,
  sponsorships: ['sponsorship-requests'] as const,
  aid: ['financial-aid'] as const,
  paidCourses: ['courses', 'paid'] as const,
  course: (id: string) => ['course', id] as const,
};

export function useCart() {
  return useQuery({ queryKey: keys.cart, queryFn: () => unwrap(api.GET('/v1/cart')) });
}

export function useRemoveCartItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/v1/cart/items/{id}', { params: { path: { id } } })),
    onSuccess: (cart) => queryClient.setQueryData(keys.cart, cart),
  });
}

/** The body POST /v1/orders gets for a checkout form's input. */
export function checkoutBody(input: CheckoutInput) {
  const coupon = input.couponCode.trim();
  return {
    provider: input.provider,
    ...(coupon ? { coupon_code: coupon } : {}),
    ...(input.provider === 'card' && input.paymentMethod.trim() ? { payment_method: input.paymentMethod.trim() } : {}),
  };
}

/**
 * Checkout: one IdempotentAttempt per attempt, so a double click or a retry
 * after a dropped connection sends the same Idempotency-Key and the server
 * makes one order. `newAttempt` starts a new one (the input changed).
 */
export function useCheckout() {
  const attempt = useRef(new IdempotentAttempt());
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: CheckoutInput) =>
      attempt.current.run((key) =>
        unwrap(
          api.POST('/v1/orders', {
            params: { header: { 'Idempotency-Key': key } },
            body: checkoutBody(input),
          }),
        ),
      ),
    onSuccess: async (order) => {
      queryClient.setQueryData(keys.order(order.id), order);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.cart }),
        queryClient.invalidateQueries({ queryKey: keys.orders, exact: true }),
        queryClient.invalidateQueries({ queryKey: ['enrollments'] }),
      ]);
    },
  });
  return { ...mutation, newAttempt: () => attempt.current.reset() };
}

export function useOrders() {
  return useInfiniteQuery({
    queryKey: keys.orders,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/v1/orders', { params: { query: pageParam ? { cursor: pageParam } : {} } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: keys.order(id),
    queryFn: () => unwrap(api.GET('/v1/orders/{id}', { params: { path: { id } } })),
    // A card payment still at the processor settles by itself: look again.
    refetchInterval: (q) =>
      q.state.data?.status === 'pending' && q.state.data.provider === 'card' ? 5_000 : false,
  });
}

/** Refund a paid order's items, all unrefunded ones by default (one Idempotency-Key per attempt). */
export function useRefund(orderId: string) {
  const attempt = useRef(new IdempotentAttempt());
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: { reason: string; itemIds?: string[] | undefined }) =>
      attempt.current.run((key) =>
        unwrap(
          api.POST('/v1/orders/{id}/refund', {
            params: { path: { id: orderId }, header: { 'Idempotency-Key': key } },
            body: {
              ...(input.reason.trim() ? { reason: input.reason.trim() } : {}),
              ...(input.itemIds ? { item_ids: input.itemIds } : {}),
            },
          }),
        ),
      ),
    onSuccess: async (order) => {
      queryClient.setQueryData(keys.order(order.id), order);
      await queryClient.invalidateQueries({ queryKey: keys.orders, exact: true });
      await queryClient.invalidateQueries({ queryKey: ['enrollments'] });
    },
  });
  return { ...mutation, newAttempt: () => attempt.current.reset() };
}

export function useSponsors() {
  return useQuery({
    queryKey: keys.sponsors,
    queryFn: () => unwrap(api.GET('/v1/sponsors', { params: { query: { limit: 100 } } })),
  });
}

export function useSponsorshipRequests() {
  return useQuery({
    queryKey: keys.sponsorships,
    queryFn: () => unwrap(api.GET('/v1/sponsorship-requests', { params: { query: { limit: 100 } } })),
  });
}

export function useRequestSponsorship() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { sponsor_id: string; course_id: string; message: string }) =>
      unwrap(api.POST('/v1/sponsorship-requests', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.sponsorships }),
  });
}

export function useAidApplications() {
  return useQuery({
    queryKey: keys.aid,
    queryFn: () => unwrap(api.GET('/v1/financial-aid', { params: { query: { limit: 100 } } })),
  });
}

export function useApplyForAid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { course_id: string; statement: string }) =>
      unwrap(api.POST('/v1/financial-aid', { body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.aid });
      await queryClient.invalidateQueries({ queryKey: keys.cart });
    },
  });
}

/** Paid courses a learner can ask a sponsor or financial aid for (first 100 of the catalog). */
export function usePaidCourses() {
  return useQuery({
    queryKey: keys.paidCourses,
    queryFn: () => unwrap(api.GET('/v1/courses', { params: { query: { free: false, limit: 100, sort: 'newest' } } })),
    staleTime: 5 * 60_000,
  });
}
