import { Link, useParams } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { Card, ErrorBanner, Spinner } from '../../theme';
import { useOrder, type Order } from './api';
import { formatMoney } from './money';
import { OrderItemsTable } from './OrderItemsTable';
import { OrderState } from './OrderState';
import { formatDateTime, OrderStatus } from './OrderStatus';
import { OrderSummary } from './OrderSummary';
import { RefundPanel } from './RefundPanel';
import { useArrivalFlag } from './useArrivalFlag';

/** One of my orders (GET /v1/orders/:id): its state, items, totals, payment and refunds. */
export default function OrderDetailPage() {
  const { id = '' } = useParams();
  const placed = useArrivalFlag('placed');
  const order = useOrder(id);
  usePageTitle(order.data ? `Order ${order.data.number}` : 'Order');
  return (
    <div className="flex flex-col gap-6">
      <Link to="/orders" className="text-link underline">
        All my orders
      </Link>
      <ErrorBanner error={order.error} title="This order could not be loaded" />
      {order.isPending && <Spinner label="Loading the order" />}
      {order.data && <OrderView order={order.data} placed={placed} />}
    </div>
  );
}

function OrderView({ order, placed }: { order: Order; placed: boolean }) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl">Order {order.number}</h1>
        <OrderStatus status={order.status} />
      </div>
      <p role="status" className={placed ? 'font-semibold text-success' : 'sr-only'}>
        {placed ? `Your order ${order.number} is placed.` : ''}
      </p>
      <OrderState order={order} />
      <Card className="flex flex-col gap-6">
        <OrderItemsTable order={order} />
        <OrderSummary order={order} />
      </Card>
      {order.refunds.length > 0 && <RefundsTable order={order} />}
      <RefundPanel order={order} />
    </>
  );
}

function RefundsTable({ order }: { order: Order }) {
  const title = (itemId: string) => order.items.find((i) => i.id === itemId)?.title ?? 'Item';
  return (
    <Card className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left font-heading text-lg font-semibold">Refunds</caption>
        <thead>
          <tr className="border-b border-line text-sm text-muted">
            <th scope="col" className="py-2 pr-3">Item</th>
            <th scope="col" className="py-2 pr-3">Requested</th>
            <th scope="col" className="py-2 pr-3">Reason</th>
            <th scope="col" className="py-2 pr-3">Status</th>
            <th scope="col" className="py-2 text-right">Amount</th>
          </tr>
        </thead>
        <tbody>
          {order.refunds.map((r) => (
            <tr key={r.id} className="border-b border-line">
              <th scope="row" className="py-3 pr-3 font-normal">{title(r.order_item_id)}</th>
              <td className="py-3 pr-3">{formatDateTime(r.created_at)}</td>
              <td className="py-3 pr-3">{r.reason || '—'}</td>
              <td className="py-3 pr-3">{r.status === 'succeeded' ? 'Refunded' : 'Requested'}</td>
              <td className="py-3 text-right">{formatMoney(r.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
