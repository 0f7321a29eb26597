import { Link } from 'react-router-dom';
import { cx } from '../../theme';

export type CoursePlace = 'intro' | 'player' | 'roadmap' | 'grades' | 'questions' | 'community' | 'events';

/** The places of a course an enrolled learner goes to (Q&A, community and events belong to the community module). */
export function coursePlaces(courseId: string): Array<{ id: CoursePlace; to: string; label: string }> {
  return [
    { id: 'intro', to: `/courses/${courseId}`, label: 'Course page' },
    { id: 'player', to: `/learn/${courseId}`, label: 'Course player' },
    { id: 'roadmap', to: `/learn/${courseId}/roadmap`, label: 'Roadmap' },
    { id: 'grades', to: `/courses/${courseId}/grades`, label: 'Grades' },
    { id: 'questions', to: `/courses/${courseId}/questions`, label: 'Q&A' },
    { id: 'community', to: `/courses/${courseId}/community`, label: 'Community' },
    { id: 'events', to: `/courses/${courseId}/events`, label: 'Events' },
  ];
}

/** A course's navigation for its members; `here` is the current place (not linked to again). */
export function CourseLinks({ courseId, here, skip = [] }: { courseId: string; here?: CoursePlace; skip?: CoursePlace[] }) {
  return (
    <nav aria-label="This course">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {coursePlaces(courseId)
          .filter((p) => !skip.includes(p.id))
          .map((p) => (
            <li key={p.id}>
              <Link
                to={p.to}
                aria-current={p.id === here ? 'page' : undefined}
                className={cx('inline-block py-1 font-semibold hover:underline', p.id === here ? 'text-ink' : 'text-link underline')}
              >
                {p.label}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
