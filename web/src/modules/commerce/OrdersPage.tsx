import { Link } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { Button, Card, EmptyState, ErrorBanner, Spinner } from '../../theme';
import { useOrders } from './api';
import { formatMoney } from './money';
import { formatDateTime, OrderStatus } from './OrderStatus';

/** My orders, newest first (GET /v1/orders). */
export default function OrdersPage() {
  usePageTitle('Orders');
  const orders = useOrders();
  const items = orders.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl">Orders</h1>
      <ErrorBanner error={orders.error} title="Your orders could not be loaded" />
      {orders.isPending && <Spinner label="Loading your orders" />}
      {orders.data && items.length === 0 && (
        <EmptyState title="You have no orders yet">
          <Link to="/cart" className="text-link underline">
            Go to the cart
          </Link>
        </EmptyState>
      )}
      {items.length > 0 && (
        <Card className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="mb-2 text-left text-muted">Your orders, newest first</caption>
            <thead>
              <tr className="border-b border-line text-sm text-muted">
                <th scope="col" className="py-2 pr-3">Order</th>
                <th scope="col" className="py-2 pr-3">Placed</th>
                <th scope="col" className="py-2 pr-3">Items</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                <th scope="col" className="py-2 text-right">Total</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id} className="border-b border-line">
                  <th scope="row" className="py-3 pr-3">
                    <Link to={`/orders/${o.id}`} className="text-link underline">
                      {o.number}
                    </Link>
                  </th>
                  <td className="py-3 pr-3">{formatDateTime(o.created_at)}</td>
                  <td className="py-3 pr-3">{o.items.map((i) => i.title).join(', ')}</td>
                  <td className="py-3 pr-3">
                    <OrderStatus status={o.status} />
                  </td>
                  <td className="py-3 text-right">{formatMoney(o.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {orders.hasNextPage && (
            <div className="mt-4 flex justify-center">
              <Button variant="secondary" busy={orders.isFetchingNextPage} onClick={() => void orders.fetchNextPage()}>
                Load more
              </Button>
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
