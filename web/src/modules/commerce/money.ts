import type { Money } from '../../api/types';

/** How many minor units make one major unit of a currency (USD 2, JPY 0, ...). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** An amount in minor units with its currency, e.g. {5310, USD} → "$53.10"; null → "—". */
export function formatMoney(money: Money | null | undefined, locale?: string): string {
  if (!money) return '—';
  const digits = minorDigits(money.currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
      money.amount_minor / 10 ** digits,
    );
  } catch {
    return `${(money.amount_minor / 10 ** digits).toFixed(digits)} ${money.currency}`;
  }
}

/** formatMoney of a bare minor amount in a known currency (order items carry minor units only). */
export function formatMinor(amountMinor: number, currency: string, locale?: string): string {
  return formatMoney({ amount_minor: amountMinor, currency }, locale);
}

/** A discount shown as taken off: "−$5.90", or the plain zero. */
export function formatDiscount(money: Money | null | undefined, locale?: string): string {
  if (!money || money.amount_minor === 0) return formatMoney(money, locale);
  return `−${formatMoney(money, locale)}`;
}
