import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api';
import { usePageTitle } from '../../app/usePageTitle';
import { EmptyState, ErrorBanner, Spinner } from '../../theme';
import { CourseCard } from './CourseCard';
import { SuperCourseRow } from './SuperCourseRow';
import { useReference } from './reference';

function CourseRow({ title, sort }: { title: string; sort: 'popular' | 'newest' }) {
  const { levelName } = useReference();
  const courses = useQuery({
    queryKey: ['courses', 'landing', sort],
    queryFn: () => unwrap(api.GET('/v1/courses', { params: { query: { sort, limit: 4 } } })),
  });
  const id = `row-${sort}`;
  return (
    <section aria-labelledby={id} className="mt-10">
      <div className="mb-4 flex items-baseline justify-between">
        <h2 id={id} className="text-2xl">
          {title}
        </h2>
        <Link to={`/catalog?sort=${sort}`} className="text-link underline">
          See all {title.toLowerCase()}
        </Link>
      </div>
      {courses.isPending && <Spinner />}
      <ErrorBanner error={courses.error} title="Courses could not be loaded" />
      {courses.data && courses.data.items.length === 0 && <EmptyState title="No courses yet" />}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {courses.data?.items.map((c) => (
          <li key={c.id}>
            <CourseCard course={c} levelName={levelName(c.level_id)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The front page: what Delta Labs is, featured (most enrolled) and newest courses, super-courses. */
export default function LandingPage() {
  usePageTitle('');
  return (
    <div>
      <section className="rounded-card bg-primary px-6 py-12 text-white sm:px-12">
        <h1 className="max-w-2xl text-4xl font-bold">Learn by doing, from first lesson to real lab time.</h1>
        <p className="mt-4 max-w-2xl text-lg">
          Courses with exercises and graded feedback, a community to ask, and bookable labs with real equipment.
        </p>
        <Link
          to="/catalog"
          className="mt-6 inline-flex min-h-10 items-center rounded-lg bg-secondary px-5 py-2 font-semibold text-primary-strong"
        >
          Browse the catalog
        </Link>
      </section>
      <CourseRow title="Featured courses" sort="popular" />
      <CourseRow title="Newest courses" sort="newest" />
      <SuperCourseRow />
    </div>
  );
}
