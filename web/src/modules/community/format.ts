// Words and dates shared by the community pages (pure, unit-tested).
import type { Schemas } from '../../api/types';

export type CommunityEvent = Schemas['CommunityEvent'];
export type Rsvp = Schemas['Rsvp'];
export type CourseMember = Schemas['CourseMember'];

/** A datetime-local value ("2026-12-14T18:00", the reader's time) as RFC 3339 UTC; empty stays undefined. */
export function toRfc3339(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** A date and time in the reader's locale, e.g. "Dec 14, 2026, 1:18 PM". */
export function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "1 answer", "3 replies": a count with its noun. */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The seats of an event in words: "1 of 2 seats left", "Full · 3 waiting". */
export function seatsText(e: Pick<CommunityEvent, 'capacity' | 'seats_left' | 'waitlisted'>): string {
  const seats = e.seats_left > 0 ? `${e.seats_left} of ${counted(e.capacity, 'seat', 'seats')} left` : 'Full';
  return e.waitlisted > 0 ? `${seats} · ${e.waitlisted} on the waitlist` : seats;
}

/** My RSVP in words, with my place in line while I wait. */
export function rsvpText(rsvp: Pick<Rsvp, 'status' | 'waitlist_position'> | null): string {
  if (!rsvp) return 'You have not answered yet.';
  switch (rsvp.status) {
    case 'going':
      return 'You are going: your seat is confirmed.';
    case 'interested':
      return 'You are interested.';
    case 'waitlisted':
      return rsvp.waitlist_position
        ? `You are on the waitlist, number ${rsvp.waitlist_position} in line.`
        : 'You are on the waitlist.';
  }
}

/** "Ines Instructor (instructor)", "You", or a neutral name for someone not listed. */
export function memberName(member: CourseMember | undefined, isMe: boolean, shown = ''): string {
  if (isMe) return 'You';
  const name =
    shown.trim() || (member ? `${member.first_name} ${member.last_name}`.trim() || member.username : '') || 'A course member';
  return !member || member.member_role === 'student' ? name : `${name} (${member.member_role})`;
}
