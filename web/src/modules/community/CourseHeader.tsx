import { Link, NavLink } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { cx } from '../../theme';
import { useCourse } from './course';

export type CourseArea = 'questions' | 'community' | 'events';

const areas: Array<{ id: CourseArea; label: string }> = [
  { id: 'questions', label: 'Questions' },
  { id: 'community', label: 'Community' },
  { id: 'events', label: 'Events' },
];

export const areaTitles: Record<CourseArea, string> = {
  questions: 'Questions and answers',
  community: 'Community',
  events: 'Events',
};

/** The course's name (back to its intro), the page's heading, and the links between the course's community pages. */
export function CourseHeader({ courseId, area }: { courseId: string; area: CourseArea }) {
  const course = useCourse(courseId);
  const title = course.data?.title;
  usePageTitle(title ? `${areaTitles[area]} · ${title}` : areaTitles[area]);
  return (
    <header className="mb-6 flex flex-col gap-3">
      <p>
        <Link to={`/courses/${courseId}`} className="text-link underline">
          {title ? `Back to ${title}` : 'Back to the course'}
        </Link>
      </p>
      <h1 className="text-3xl">{areaTitles[area]}</h1>
      <nav aria-label="Course community">
        <ul className="flex flex-wrap gap-2">
          {areas.map((a) => (
            <li key={a.id}>
              <NavLink
                to={`/courses/${courseId}/${a.id}`}
                className={({ isActive }) =>
                  cx(
                    'inline-block rounded-lg border px-3 py-2 font-semibold',
                    isActive ? 'border-link text-link underline' : 'border-line text-ink hover:bg-accent-soft',
                  )
                }
              >
                {a.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
