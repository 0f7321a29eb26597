import { Button } from '../../theme';
import type { Cart } from './api';
import { formatDiscount, formatMoney } from './money';

/** The cart's lines with their price snapshots, and its totals. */
export function CartTable({
  cart,
  onRemove,
  removing,
}: {
  cart: Cart;
  onRemove: (id: string) => void;
  removing: string | undefined;
}) {
  return (
    <div className="flex flex-col gap-4">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Items in your cart, with the prices they were added at</caption>
          <thead>
            <tr className="border-b border-line text-sm text-muted">
              <th scope="col" className="py-2 pr-3">Item</th>
              <th scope="col" className="py-2 pr-3 text-right">Unit price</th>
              <th scope="col" className="py-2 pr-3 text-right">Quantity</th>
              <th scope="col" className="py-2 pr-3 text-right">Line total</th>
              <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {cart.items.map((i) => (
              <tr key={i.id} className="border-b border-line">
                <th scope="row" className="py-3 pr-3 font-normal">
                  {i.title}
                  <span className="block text-sm text-muted">{i.item_type === 'course' ? 'Course' : 'Resource'}</span>
                </th>
                <td className="py-3 pr-3 text-right">{formatMoney(i.unit_price)}</td>
                <td className="py-3 pr-3 text-right">{i.quantity}</td>
                <td className="py-3 pr-3 text-right">{formatMoney(i.line_total)}</td>
                <td className="py-3 text-right">
                  <Button
                    variant="ghost"
                    onClick={() => onRemove(i.id)}
                    busy={removing === i.id}
                    aria-label={`Remove ${i.title}`}
                  >
                    Remove
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div role="group" aria-label="Cart totals">
        <dl className="ml-auto grid w-full max-w-sm grid-cols-2 gap-1">
          <dt>Subtotal</dt>
          <dd className="text-right">{formatMoney(cart.subtotal)}</dd>
          <dt>Financial aid</dt>
          <dd className="text-right">{formatDiscount(cart.discount)}</dd>
          <dt className="font-semibold">Total</dt>
          <dd className="text-right font-semibold">{formatMoney(cart.total)}</dd>
        </dl>
      </div>
      <p className="text-sm text-muted">A coupon is applied when you place the order; the order shows what it took off.</p>
    </div>
  );
}
