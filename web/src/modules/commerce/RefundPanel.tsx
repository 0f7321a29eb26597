import { useState, type FormEvent } from 'react';
import { Button, Input } from '../../theme';
import { useRefund, type Order } from './api';
import { formatMoney } from './money';
import { ProblemNotice } from './ProblemNotice';

/** Asks for a refund of a paid order's unrefunded items (POST /v1/orders/:id/refund). */
export function RefundPanel({ order }: { order: Order }) {
  const refund = useRefund(order.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const refundable = order.status === 'paid' || order.status === 'partially_refunded';
  if (!refundable) return null;

  function submit(e: FormEvent) {
    e.preventDefault();
    refund.mutate(reason, { onSuccess: () => setOpen(false) });
  }

  return (
    <section aria-labelledby="refund-heading" className="flex flex-col gap-3">
      <h2 id="refund-heading" className="text-xl">Refund</h2>
      <p className="text-muted">
        A refund returns what you paid ({formatMoney(order.total)}) and ends the enrollments of this order.
      </p>
      {open ? (
        <form onSubmit={submit} className="flex max-w-md flex-col gap-3">
          <Input label="Why do you want a refund? (optional)" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          <div className="flex gap-2">
            <Button type="submit" variant="danger" busy={refund.isPending}>
              Confirm the refund
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Keep the order
            </Button>
          </div>
        </form>
      ) : (
        <div>
          <Button variant="secondary" onClick={() => setOpen(true)}>
            Request a refund
          </Button>
        </div>
      )}
      <ProblemNotice error={refund.error} title="The refund was not made" />
    </section>
  );
}
