import { Link } from 'react-router-dom';
import type { Order } from './api';
import { formatMinor } from './money';

/** An order's lines: what each cost, what was taken off, whether it was refunded. */
export function OrderItemsTable({ order }: { order: Order }) {
  const money = (minor: number) => formatMinor(minor, order.currency);
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left font-heading text-lg font-semibold">Items</caption>
        <thead>
          <tr className="border-b border-line text-sm text-muted">
            <th scope="col" className="py-2 pr-3">Item</th>
            <th scope="col" className="py-2 pr-3 text-right">Quantity</th>
            <th scope="col" className="py-2 pr-3 text-right">Unit price</th>
            <th scope="col" className="py-2 pr-3 text-right">Discount</th>
            <th scope="col" className="py-2 text-right">Total</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((i) => (
            <tr key={i.id} className="border-b border-line">
              <th scope="row" className="py-3 pr-3 font-normal">
                {i.item_type === 'lab_booking' ? (
                  <Link to={`/bookings/${i.item_id}`} className="text-link underline">
                    {i.title}
                  </Link>
                ) : (
                  i.title
                )}
                {i.refunded && <span className="block text-sm text-muted">Refunded</span>}
                {i.financial_aid_id && <span className="block text-sm text-muted">Financial aid applied</span>}
              </th>
              <td className="py-3 pr-3 text-right">{i.quantity}</td>
              <td className="py-3 pr-3 text-right">{money(i.unit_price_minor)}</td>
              <td className="py-3 pr-3 text-right">{i.discount_minor ? `−${money(i.discount_minor)}` : money(0)}</td>
              <td className="py-3 text-right">{money(i.total_minor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
