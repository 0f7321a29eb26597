import { describe, expect, it } from 'vitest';
import type { Notification } from './notificationsStream';
import { describeNotification, notificationLink } from './notificationsText';

const n = (kind: string, payload: Record<string, unknown>): Notification => ({
  id: 'n1',
  kind,
  payload: payload as Notification['payload'],
  read_at: null,
  created_at: '2026-12-07T10:00:00Z',
});

describe('notification text', () => {
  it('says what happened from the kind and payload', () => {
    expect(describeNotification(n('answer.created', { question_title: 'Loops?', course_id: 'c1' }))).toBe('New answer to “Loops?”');
    expect(describeNotification(n('order.paid', { number: 'DL-1' }))).toBe('Order DL-1 is paid');
    expect(describeNotification(n('appeal.resolved', { status: 'accepted' }))).toBe('Your grade appeal was accepted');
    expect(describeNotification(n('financial_aid.approved', {}))).toBe('Your financial aid application was approved');
  });

  it('falls back to the kind in words for kinds it does not know', () => {
    expect(describeNotification(n('lab.slot_freed', {}))).toBe('lab slot freed');
  });

  it('links to the page of what it is about', () => {
    expect(notificationLink(n('answer.created', { course_id: 'c1', question_id: 'q1' }))).toBe('/questions/q1');
    expect(notificationLink(n('order.refunded', { order_id: 'o1' }))).toBe('/orders/o1');
    expect(notificationLink(n('appeal.resolved', { course_id: 'c1' }))).toBe('/courses/c1/grades');
    expect(notificationLink(n('event.waitlist_promoted', { event_id: 'e1', course_id: 'c1' }))).toBe('/events/e1');
    expect(notificationLink(n('sponsorship.approved', {}))).toBe('/sponsorships');
    expect(notificationLink(n('something.else', { course_id: 'c1' }))).toBe('/courses/c1');
    expect(notificationLink(n('something.else', {}))).toBeUndefined();
  });
});
