import type { Order } from './api';
import { formatMoney } from './money';

/** What an order's status means for the buyer, and what happens next. */
export function OrderState({ order }: { order: Order }) {
  const text = explain(order);
  return (
    <div className="rounded-lg border border-line bg-accent-soft p-4">
      <p className="font-semibold">{text.title}</p>
      <p>{text.body}</p>
    </div>
  );
}

function explain(order: Order): { title: string; body: string } {
  const total = formatMoney(order.total);
  switch (order.status) {
    case 'pending':
      return order.provider === 'card'
        ? {
            title: 'Waiting for the card processor',
            body: 'The payment has not been confirmed yet. This page checks again every few seconds.',
          }
        : {
            title: 'Waiting for your bank transfer',
            body: `Transfer ${total} quoting the reference ${order.number}. You are enrolled as soon as the transfer is marked paid.`,
          };
    case 'paid':
      return { title: 'Paid', body: 'Your courses are in My learning.' };
    case 'cancelled':
      return {
        title: 'Cancelled',
        body: 'Nothing was charged and nothing was enrolled.',
      };
    case 'refunded':
      return { title: 'Refunded', body: `${formatMoney(order.refunded)} was refunded; its enrollments ended.` };
    case 'partially_refunded':
      return { title: 'Partly refunded', body: `${formatMoney(order.refunded)} of ${total} was refunded.` };
  }
}
