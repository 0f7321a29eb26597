import type { Booking } from './api';

/** A booking's state in words: pending is split into what it waits for. */
export function bookingStatusText(b: Booking): string {
  if (b.status !== 'pending') {
    return { confirmed: 'Confirmed', cancelled: 'Cancelled', rejected: 'Declined', expired: 'Hold expired', pending: '' }[b.status];
  }
  if (b.awaiting_approval && b.awaiting_payment) return 'Awaiting approval and payment';
  if (b.awaiting_approval) return 'Awaiting approval';
  if (b.awaiting_payment) return 'Awaiting payment';
  return 'Pending';
}

/** Whether the booker may still cancel it (the API also refuses a started slot and a paid booking). */
export function cancellable(b: Booking): boolean {
  return (b.status === 'pending' || b.status === 'confirmed') && new Date(b.slot_start).getTime() > Date.now();
}

/** Whether its seats are held for a payment that has not arrived. */
export function onHold(b: Booking): boolean {
  return b.status === 'pending' && b.awaiting_payment && b.hold_expires_at !== null;
}
