// What an activity event says, in words (the API sends its kind and ids).
import type { ActivityEvent } from './DashboardApi';

type Data = Record<string, unknown>;

/** What happened, in words; `course` is the course's title (or a stand-in). */
export function describeActivity(e: ActivityEvent, course: string): string {
  const data = e.data as Data;
  switch (e.kind) {
    case 'enrollment.created':
      return `Enrolled in ${course}`;
    case 'enrollment.completed':
      return `Completed ${course}`;
    case 'enrollment.cancelled':
      return `Left ${course}`;
    case 'progress.milestone':
      return typeof data.percent === 'number' ? `Reached ${data.percent}% of ${course}` : `Made progress in ${course}`;
    case 'roadmap.completed':
      return `Finished a roadmap section of ${course}`;
    case 'wishlist.added':
      return `Added ${course} to the wishlist`;
    case 'wishlist.removed':
      return `Removed ${course} from the wishlist`;
    default:
      return `${e.kind.replace(/[._]/g, ' ')}${e.course_id ? `: ${course}` : ''}`;
  }
}
