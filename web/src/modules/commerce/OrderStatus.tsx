import { Badge } from '../../theme';
import type { Order } from './api';

const words: Record<Order['status'], string> = {
  pending: 'Pending payment',
  paid: 'Paid',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
  partially_refunded: 'Partly refunded',
};

/** An order's status as a badge. */
export function OrderStatus({ status }: { status: Order['status'] }) {
  return <Badge tone={status === 'paid' ? 'success' : status === 'pending' ? 'primary' : 'neutral'}>{words[status]}</Badge>;
}

/** When something happened, in the reader's locale. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
