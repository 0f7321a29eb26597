import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api';
import { Button, Input } from '../../theme';
import { useCheckout, type Provider } from './api';
import { ProblemNotice } from './ProblemNotice';

const providers: Array<{ value: Provider; label: string; hint: string }> = [
  {
    value: 'offline',
    label: 'Bank transfer',
    hint: 'The order waits as pending until your transfer arrives; you are enrolled once it is marked paid.',
  },
  {
    value: 'card',
    label: 'Card',
    hint: 'Charged at once through the card processor, with the payment method token it gave you.',
  },
];

/** Places the order for the cart: payment method, coupon, one Idempotency-Key per attempt. */
export function CheckoutForm() {
  const navigate = useNavigate();
  const checkout = useCheckout();
  const [provider, setProvider] = useState<Provider>('offline');
  const [couponCode, setCouponCode] = useState('');
  const [paymentMethod, setPaymentMethod] = useState('');
  const [missingToken, setMissingToken] = useState(false);
  const tokenField = useRef<HTMLInputElement>(null);

  // Changed input is a new attempt with a new Idempotency-Key.
  function changed<T>(set: (v: T) => void) {
    return (v: T) => {
      checkout.newAttempt();
      set(v);
    };
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const noToken = provider === 'card' && !paymentMethod.trim();
    setMissingToken(noToken);
    if (noToken) {
      tokenField.current?.focus();
      return;
    }
    checkout.mutate(
      { provider, couponCode, paymentMethod },
      { onSuccess: (order) => navigate(`/orders/${order.id}`, { state: { placed: true } }) },
    );
  }

  const error = checkout.error;
  const fieldError = (f: string) => (error instanceof ApiError ? error.fieldMessage(f) : undefined);
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-labelledby="checkout-heading" noValidate>
      <h2 id="checkout-heading" className="text-xl">Checkout</h2>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">Payment method</legend>
        {providers.map((p) => (
          <label key={p.value} className="flex items-start gap-2 rounded-lg border border-line p-3">
            <input
              type="radio"
              name="provider"
              value={p.value}
              checked={provider === p.value}
              onChange={() => changed(setProvider)(p.value)}
              className="mt-1"
            />
            <span>
              <span className="font-semibold">{p.label}</span>
              <span className="block text-sm text-muted">{p.hint}</span>
            </span>
          </label>
        ))}
        {fieldError('provider') && <p className="text-sm text-danger">{fieldError('provider')}</p>}
      </fieldset>
      {provider === 'card' && (
        <Input
          ref={tokenField}
          label="Card payment token"
          value={paymentMethod}
          onChange={(e) => changed(setPaymentMethod)(e.target.value)}
          hint="The payment method token from the card processor (test mode: pm_card_visa)."
          error={missingToken ? 'Enter the payment method token the card processor gave you.' : fieldError('payment_method')}
          autoComplete="off"
        />
      )}
      <Input
        label="Coupon code (optional)"
        value={couponCode}
        onChange={(e) => changed(setCouponCode)(e.target.value)}
        error={fieldError('coupon_code')}
        autoComplete="off"
      />
      <ProblemNotice error={error} title="The order was not placed" />
      <div>
        <Button type="submit" busy={checkout.isPending}>
          Checkout
        </Button>
      </div>
      <p role="status" className="sr-only">
        {checkout.isPending ? 'Placing your order…' : ''}
      </p>
    </form>
  );
}
