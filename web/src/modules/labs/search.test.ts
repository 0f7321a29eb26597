import { describe, expect, it } from 'vitest';
import { searchQuery, type Booking } from './api';
import { bookingStatusText, cancellable, onHold } from './bookingState';
import { windowValid } from './filters';

describe('lab search', () => {
  it('leaves empty filters out of the query', () => {
    expect(searchQuery({ q: '', equipment: '', organizationId: '', availableFrom: undefined, availableTo: undefined })).toEqual({});
    expect(
      searchQuery(
        { q: 'bench', equipment: 'laser', organizationId: 'org-1', availableFrom: 'a', availableTo: 'b' },
        'next',
      ),
    ).toEqual({ q: 'bench', equipment: 'laser', organization_id: 'org-1', available_from: 'a', available_to: 'b', cursor: 'next' });
  });

  it('accepts a window that ends on or after the day it starts', () => {
    const v = { text: '', equipment: '', organizationId: '' };
    expect(windowValid({ ...v, from: '2026-12-14', to: '2026-12-14' })).toBe(true);
    expect(windowValid({ ...v, from: '2026-12-14', to: '' })).toBe(true);
    expect(windowValid({ ...v, from: '2026-12-15', to: '2026-12-14' })).toBe(false);
  });
});

describe('booking status', () => {
  const later = new Date(Date.now() + 86_400_000).toISOString();
  const base: Booking = {
    id: 'b', availability_id: 'a', lab_id: 'l', lab_name: 'Lab', location: '', user_id: 'u',
    slot_start: later, slot_end: later, seats: 1, status: 'pending', awaiting_approval: true,
    awaiting_payment: true, hold_expires_at: later, amount: { amount_minor: 1500, currency: 'USD' },
    order_id: 'o', decided_by: null, decided_at: null, created_at: later, updated_at: later,
  };

  it('says what a pending booking waits for', () => {
    expect(bookingStatusText(base)).toBe('Awaiting approval and payment');
    expect(bookingStatusText({ ...base, awaiting_payment: false })).toBe('Awaiting approval');
    expect(bookingStatusText({ ...base, awaiting_approval: false })).toBe('Awaiting payment');
    expect(bookingStatusText({ ...base, status: 'expired' })).toBe('Hold expired');
  });

  it('holds seats only while pending payment, and cancels only before the slot', () => {
    expect(onHold(base)).toBe(true);
    expect(onHold({ ...base, status: 'confirmed' })).toBe(false);
    expect(cancellable(base)).toBe(true);
    expect(cancellable({ ...base, slot_start: new Date(Date.now() - 1000).toISOString() })).toBe(false);
    expect(cancellable({ ...base, status: 'cancelled' })).toBe(false);
  });
});
