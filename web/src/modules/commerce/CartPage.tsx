import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api';
import { usePageTitle } from '../../app/usePageTitle';
import { Card, EmptyState, ErrorBanner, Spinner } from '../../theme';
import { formatPrice } from '../course/format';

/** My open cart with its price snapshots and totals (GET /v1/cart). */
export default function CartPage() {
  usePageTitle('Cart');
  const cart = useQuery({ queryKey: ['cart'], queryFn: () => unwrap(api.GET('/v1/cart')) });
  return (
    <div>
      <h1 className="mb-6 text-3xl">Cart</h1>
      <ErrorBanner error={cart.error} title="Your cart could not be loaded" />
      {cart.isPending && <Spinner label="Loading your cart" />}
      {cart.data && cart.data.items.length === 0 && (
        <EmptyState title="Your cart is empty">
          <Link to="/catalog" className="text-link underline">
            Browse the catalog
          </Link>
        </EmptyState>
      )}
      {cart.data && cart.data.items.length > 0 && (
        <Card>
          <ul className="flex flex-col divide-y divide-line">
            {cart.data.items.map((i) => (
              <li key={i.id} className="flex justify-between py-3">
                <span>
                  {i.title} {i.quantity > 1 && <span className="text-muted">× {i.quantity}</span>}
                </span>
                <span>{formatPrice(i.line_total)}</span>
              </li>
            ))}
          </ul>
          <dl className="mt-4 grid grid-cols-2 gap-1 border-t border-line pt-4">
            <dt>Subtotal</dt>
            <dd className="text-right">{formatPrice(cart.data.subtotal)}</dd>
            <dt>Discount</dt>
            <dd className="text-right">{formatPrice(cart.data.discount)}</dd>
            <dt className="font-semibold">Total</dt>
            <dd className="text-right font-semibold">{formatPrice(cart.data.total)}</dd>
          </dl>
        </Card>
      )}
    </div>
  );
}
