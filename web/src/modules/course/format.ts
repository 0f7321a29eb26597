import type { Money } from '../../api/types';

/** "Free", or the amount in its currency (minor units → major). */
export function formatPrice(price: Money | null): string {
  if (price === null) return '—';
  if (price.amount_minor === 0) return 'Free';
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: price.currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(undefined, { style: 'currency', currency: price.currency }).format(
    price.amount_minor / 10 ** digits,
  );
}
