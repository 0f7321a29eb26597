import { ApiError } from '../../api';

/** The order a problem is about (409 ORDER_PENDING, a failed card payment), if it names one. */
export function problemOrderId(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const id = error.body.order_id;
  return typeof id === 'string' && id ? id : undefined;
}

/** Extra words for problems whose API message needs a next step. */
export function problemHint(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  switch (error.code) {
    case 'ORDER_PENDING':
      return 'An order for a course in your cart is already waiting for payment. Pay or finish that order first; it is linked below.';
    case 'COUPON_INVALID':
    case 'COUPON_EXHAUSTED':
    case 'COUPON_LIMIT_REACHED':
      return 'Check the code, or remove it to check out without a coupon.';
    case 'PAYMENT_REJECTED':
      return 'The card was refused; your cart is kept, so you can try another card or a bank transfer.';
    case 'IDEMPOTENCY_KEY_REUSED':
      return 'This attempt was already sent with other details; change nothing and try again, or reload the page.';
    default:
      return undefined;
  }
}
