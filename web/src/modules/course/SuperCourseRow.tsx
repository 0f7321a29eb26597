import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api';
import { Card, ErrorBanner } from '../../theme';

/**
 * Published super-courses (several courses taken as one path), so a visitor
 * can find them: each links to its page, where one button enrolls in all.
 * Nothing shows while there are none.
 */
export function SuperCourseRow() {
  const supers = useQuery({
    queryKey: ['super-courses', 'landing'],
    queryFn: () => unwrap(api.GET('/v1/super-courses', { params: { query: { limit: 6 } } })),
  });
  const published = supers.data?.items.filter((s) => s.status === 'published') ?? [];
  if (!supers.error && published.length === 0) return null;
  return (
    <section aria-labelledby="row-super-courses" className="mt-10">
      <h2 id="row-super-courses" className="mb-4 text-2xl">
        Super-courses
      </h2>
      <ErrorBanner error={supers.error} title="Super-courses could not be loaded" />
      <ul aria-label="Super-courses" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {published.map((s) => (
          <li key={s.id}>
            <Card className="h-full">
              <Link to={`/super-courses/${s.id}`} className="font-heading text-lg font-semibold text-link hover:underline">
                {s.title}
              </Link>
              <p className="mt-2 text-muted">
                {s.section_count} {s.section_count === 1 ? 'section' : 'sections'} from several courses
              </p>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
