// What a notification says, in words, from its kind and payload (the API
// sends the kind and the ids and titles it knows, never display text).
import type { Notification } from './notificationsStream';

type Payload = Record<string, unknown>;

const str = (p: Payload, key: string): string | undefined => (typeof p[key] === 'string' ? (p[key] as string) : undefined);
const quoted = (text: string | undefined): string => (text ? `“${text}”` : 'your question');

const byKind: Record<string, (p: Payload) => string> = {
  'answer.created': (p) => `New answer to ${quoted(str(p, 'question_title'))}`,
  'answer.accepted': (p) => `Your answer to ${quoted(str(p, 'question_title'))} was accepted`,
  'order.paid': (p) => `Order ${str(p, 'number') ?? ''} is paid`.replace('  ', ' '),
  'order.payment_failed': (p) => `The payment for order ${str(p, 'number') ?? ''} failed`.replace('  ', ' '),
  'order.refunded': () => 'An order was refunded',
  'grade.overridden': (p) => (str(p, 'reason') ? `A grade was changed: ${str(p, 'reason')}` : 'A grade was changed'),
  'appeal.resolved': (p) => `Your grade appeal was ${str(p, 'status') ?? 'resolved'}`,
  'event.waitlist_promoted': (p) => `You have a seat at ${quoted(str(p, 'event_title'))}`,
};

/** One line describing the notification. */
export function describeNotification(n: Notification): string {
  const payload = n.payload as Payload;
  const known = byKind[n.kind];
  if (known) return known(payload);
  const [area, status] = n.kind.split('.');
  if (area === 'financial_aid') return `Your financial aid application was ${status ?? 'updated'}`;
  if (area === 'sponsorship') return `Your sponsorship request was ${status ?? 'updated'}`;
  return n.kind.replace(/[._]/g, ' ');
}

/** Where the notification leads: the page of what it is about, when the app has one. */
export function notificationLink(n: Notification): string | undefined {
  const p = n.payload as Payload;
  const id = (key: string) => str(p, key);
  const [area] = n.kind.split('.');
  if (area === 'answer' && id('question_id')) return `/questions/${id('question_id')}`;
  if (area === 'order' && id('order_id')) return `/orders/${id('order_id')}`;
  if ((area === 'grade' || area === 'appeal') && id('course_id')) return `/courses/${id('course_id')}/grades`;
  if (area === 'event' && id('event_id')) return `/events/${id('event_id')}`;
  if (area === 'financial_aid') return '/financial-aid';
  if (area === 'sponsorship') return '/sponsorships';
  return id('course_id') ? `/courses/${id('course_id')}` : undefined;
}
