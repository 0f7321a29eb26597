import { describe, expect, it } from 'vitest';
import { formatDiscount, formatMinor, formatMoney, minorDigits } from './money';

describe('money', () => {
  it('formats minor units with the currency', () => {
    expect(formatMoney({ amount_minor: 5310, currency: 'USD' }, 'en-US')).toBe('$53.10');
    expect(formatMoney({ amount_minor: 0, currency: 'USD' }, 'en-US')).toBe('$0.00');
    expect(formatMinor(1500, 'EUR', 'en-US')).toBe('€15.00');
  });

  it('knows currencies without minor units', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(formatMoney({ amount_minor: 1500, currency: 'JPY' }, 'en-US')).toBe('¥1,500');
  });

  it('shows nothing for a missing amount and a minus for a discount', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatDiscount({ amount_minor: 590, currency: 'USD' }, 'en-US')).toBe('−$5.90');
    expect(formatDiscount({ amount_minor: 0, currency: 'USD' }, 'en-US')).toBe('$0.00');
  });
});
