import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { checkoutBody } from './api';
import { problemHint, problemOrderId } from './problems';

describe('checkout body', () => {
  it('sends a bank transfer with a trimmed coupon and no card token', () => {
    expect(checkoutBody({ provider: 'offline', couponCode: ' WELCOME10 ', paymentMethod: 'pm_x' })).toEqual({
      provider: 'offline',
      coupon_code: 'WELCOME10',
    });
  });

  it('sends the card token only for a card, and no empty coupon', () => {
    expect(checkoutBody({ provider: 'card', couponCode: '  ', paymentMethod: ' pm_card_visa ' })).toEqual({
      provider: 'card',
      payment_method: 'pm_card_visa',
    });
  });
});

describe('checkout problems', () => {
  const pending = new ApiError({
    status: 409,
    code: 'ORDER_PENDING',
    message: 'Your order is still open.',
    body: { order_id: '0190-order' },
  });

  it('names the waiting order of ORDER_PENDING and says what to do', () => {
    expect(problemOrderId(pending)).toBe('0190-order');
    expect(problemHint(pending)).toMatch(/already waiting/);
  });

  it('adds nothing to problems that need no next step', () => {
    const other = new ApiError({ status: 404, code: 'NOT_FOUND', message: 'x' });
    expect(problemOrderId(other)).toBeUndefined();
    expect(problemHint(other)).toBeUndefined();
    expect(problemOrderId(new Error('x'))).toBeUndefined();
  });
});
