import type { Order } from './api';
import { formatDiscount, formatMoney } from './money';
import { formatDateTime } from './OrderStatus';

const methods: Record<string, string> = {
  free: 'Free',
  sponsored: 'Sponsored',
  bank_transfer: 'Bank transfer',
  card: 'Card',
};

/** An order's totals and its payment. */
export function OrderSummary({ order }: { order: Order }) {
  return (
    <div role="group" aria-label="Order totals">
      <dl className="grid max-w-sm grid-cols-2 gap-1">
        <dt>Subtotal</dt>
        <dd className="text-right">{formatMoney(order.subtotal)}</dd>
        <dt>{order.coupon_id ? 'Discount (coupon and aid)' : 'Discount'}</dt>
        <dd className="text-right">{formatDiscount(order.discount)}</dd>
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold">{formatMoney(order.total)}</dd>
        {order.refunded.amount_minor > 0 && (
          <>
            <dt>Refunded</dt>
            <dd className="text-right">{formatMoney(order.refunded)}</dd>
          </>
        )}
        <dt>Payment</dt>
        <dd className="text-right">
          {order.payment ? `${methods[order.payment.method] ?? order.payment.method}, ${order.payment.status}` : '—'}
        </dd>
        <dt>Placed</dt>
        <dd className="text-right">{formatDateTime(order.created_at)}</dd>
        {order.paid_at && (
          <>
            <dt>Paid</dt>
            <dd className="text-right">{formatDateTime(order.paid_at)}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
