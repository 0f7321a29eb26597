import { useState, type FormEvent } from 'react';
import { Button, Input } from '../../theme';
import { useRefund, type Order } from './api';
import { formatMinor } from './money';
import { ProblemNotice } from './ProblemNotice';

/** Asks for a refund of a paid order's items, all or some (POST /v1/orders/:id/refund). */
export function RefundPanel({ order }: { order: Order }) {
  const refund = useRefund(order.id);
  const open = order.items.filter((i) => !i.refunded);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [chosen, setChosen] = useState<string[]>(() => open.map((i) => i.id));
  const refundable = (order.status === 'paid' || order.status === 'partially_refunded') && open.length > 0;
  if (!refundable) return null;
  const selected = open.filter((i) => chosen.includes(i.id));
  const amount = selected.reduce((sum, i) => sum + i.total_minor, 0);

  // Other input is another attempt, with its own Idempotency-Key.
  function changed(next: () => void) {
    refund.newAttempt();
    next();
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    const all = selected.length === open.length;
    refund.mutate({ reason, itemIds: all ? undefined : selected.map((i) => i.id) }, { onSuccess: () => setAsking(false) });
  }

  return (
    <section aria-labelledby="refund-heading" className="flex flex-col gap-3">
      <h2 id="refund-heading" className="text-xl">Refund</h2>
      <p className="text-muted">A refund returns what you paid for the items you choose and ends their enrollments.</p>
      {asking ? (
        <form onSubmit={submit} className="flex max-w-md flex-col gap-3">
          {open.length > 1 && (
            <fieldset className="flex flex-col gap-1">
              <legend className="mb-1 font-semibold">Items to refund</legend>
              {open.map((i) => (
                <label key={i.id} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={chosen.includes(i.id)}
                    onChange={(e) =>
                      changed(() =>
                        setChosen((c) => (e.target.checked ? [...c, i.id] : c.filter((id) => id !== i.id))),
                      )
                    }
                  />
                  {i.title} ({formatMinor(i.total_minor, order.currency)})
                </label>
              ))}
            </fieldset>
          )}
          <Input
            label="Why do you want a refund? (optional)"
            value={reason}
            onChange={(e) => changed(() => setReason(e.target.value))}
            maxLength={500}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" busy={refund.isPending} disabled={selected.length === 0}>
              Confirm the refund of {formatMinor(amount, order.currency)}
            </Button>
            <Button variant="secondary" onClick={() => setAsking(false)}>
              Keep the order
            </Button>
          </div>
        </form>
      ) : (
        <div>
          <Button
            variant="secondary"
            onClick={() => {
              setChosen(open.map((i) => i.id)); // every item still paid for, to start with
              setAsking(true);
            }}
          >
            Request a refund
          </Button>
        </div>
      )}
      <ProblemNotice error={refund.error} title="The refund was not made" />
    </section>
  );
}
