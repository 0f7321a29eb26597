import { Link } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { Card, EmptyState, ErrorBanner, Spinner } from '../../theme';
import { useCart, useRemoveCartItem } from './api';
import { CartTable } from './CartTable';
import { CheckoutForm } from './CheckoutForm';

/** My open cart with its price snapshots and totals (GET /v1/cart), and checkout. */
export default function CartPage() {
  usePageTitle('Cart');
  const cart = useCart();
  const remove = useRemoveCartItem();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl">Cart</h1>
        <Link to="/orders" className="text-link underline">
          My orders
        </Link>
      </div>
      <ErrorBanner error={cart.error} title="Your cart could not be loaded" />
      <ErrorBanner error={remove.error} title="The item was not removed" />
      {cart.isPending && <Spinner label="Loading your cart" />}
      {cart.data && cart.data.items.length === 0 && (
        <EmptyState title="Your cart is empty">
          <Link to="/catalog" className="text-link underline">
            Browse the catalog
          </Link>
        </EmptyState>
      )}
      {cart.data && cart.data.items.length > 0 && (
        <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
          <Card>
            <CartTable
              cart={cart.data}
              onRemove={(id) => remove.mutate(id)}
              removing={remove.isPending ? remove.variables : undefined}
            />
          </Card>
          <Card>
            <CheckoutForm />
          </Card>
        </div>
      )}
      <p className="text-muted">
        Can’t pay for a course?{' '}
        <Link to="/sponsorships" className="text-link underline">
          Ask a sponsor
        </Link>{' '}
        or{' '}
        <Link to="/financial-aid" className="text-link underline">
          apply for financial aid
        </Link>
        .
      </p>
    </div>
  );
}
