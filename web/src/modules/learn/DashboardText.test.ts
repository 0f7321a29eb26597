import { describe, expect, it } from 'vitest';
import { describeActivity } from './DashboardText';
import type { ActivityEvent } from './DashboardApi';

const e = (kind: string, data: Record<string, unknown> = {}): ActivityEvent => ({
  id: 'a1',
  kind,
  course_id: 'c1',
  subject_id: null,
  data: data as ActivityEvent['data'],
  created_at: '2026-12-07T10:00:00Z',
});

describe('activity text', () => {
  it('names the course in what happened', () => {
    expect(describeActivity(e('enrollment.created'), 'SQL')).toBe('Enrolled in SQL');
    expect(describeActivity(e('progress.milestone', { percent: 50 }), 'SQL')).toBe('Reached 50% of SQL');
    expect(describeActivity(e('wishlist.added'), 'SQL')).toBe('Added SQL to the wishlist');
  });

  it('falls back to the kind in words', () => {
    expect(describeActivity(e('badge.earned'), 'SQL')).toBe('badge earned: SQL');
  });
});
