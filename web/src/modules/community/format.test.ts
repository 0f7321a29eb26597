import { describe, expect, it } from 'vitest';
import { counted, memberName, rsvpText, seatsText, toRfc3339 } from './format';

describe('community words', () => {
  it('counts with the right noun', () => {
    expect(counted(1, 'answer', 'answers')).toBe('1 answer');
    expect(counted(0, 'answer', 'answers')).toBe('0 answers');
  });

  it('says how many seats are left and who waits', () => {
    expect(seatsText({ capacity: 2, seats_left: 1, waitlisted: 0 })).toBe('1 of 2 seats left');
    expect(seatsText({ capacity: 1, seats_left: 0, waitlisted: 3 })).toBe('Full · 3 on the waitlist');
  });

  it('names my RSVP and my place in line', () => {
    expect(rsvpText(null)).toBe('You have not answered yet.');
    expect(rsvpText({ status: 'waitlisted', waitlist_position: 1 })).toBe('You are on the waitlist, number 1 in line.');
    expect(rsvpText({ status: 'going', waitlist_position: null })).toMatch(/seat is confirmed/);
  });

  it('names members by their course role', () => {
    const base = { user_id: 'u', username: '', status: 'active', since: '' } as const;
    expect(memberName({ ...base, first_name: 'Ines', last_name: 'Instructor', member_role: 'instructor' }, false)).toBe(
      'Ines Instructor (instructor)',
    );
    expect(memberName({ ...base, first_name: 'Lena', last_name: 'Learner', member_role: 'student' }, false)).toBe('Lena Learner');
    expect(memberName(undefined, true)).toBe('You');
    expect(memberName(undefined, false)).toBe('A course member');
    // The name a post carries names people past the first 100 members too.
    expect(memberName(undefined, false, 'Otto Author')).toBe('Otto Author');
  });

  it('turns a datetime-local value into RFC 3339 UTC', () => {
    expect(toRfc3339('')).toBeUndefined();
    expect(toRfc3339('not a date')).toBeUndefined();
    expect(toRfc3339('2026-12-14T18:00')).toBe(new Date(2026, 11, 14, 18, 0).toISOString());
  });
});
