import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api';
import { usePageTitle } from '../../app/usePageTitle';
import { Badge, Card, ErrorBanner, Spinner } from '../../theme';
import { EnrollPanel } from './EnrollPanel';
import { formatPrice } from './format';
import { useReference } from './reference';

/** A course's intro: overview, syllabus, instructors, price and seats left. */
export default function CourseIntroPage() {
  const { id = '' } = useParams();
  const { levelName } = useReference();
  const intro = useQuery({
    queryKey: ['course-intro', id],
    queryFn: () => unwrap(api.GET('/v1/courses/{id}/intro', { params: { path: { id } } })),
  });
  usePageTitle(intro.data?.course.title ?? 'Course');
  if (intro.isPending) return <Spinner label="Loading the course" />;
  if (intro.error) return <ErrorBanner error={intro.error} title="This course could not be loaded" />;
  const { course, overview, instructors, syllabus, counts } = intro.data;
  const seatsLeft = course.max_students === null ? null : Math.max(0, course.max_students - course.enrollment_count);
  return (
    <article className="grid gap-8 lg:grid-cols-[2fr_1fr]">
      <div>
        <p className="mb-2">
          <Link to="/catalog" className="text-link underline">
            Back to the catalog
          </Link>
        </p>
        <h1 className="text-3xl">{course.title}</h1>
        {course.subtitle && <p className="mt-2 text-lg text-muted">{course.subtitle}</p>}
        <div className="mt-4 flex flex-wrap gap-2">
          {levelName(course.level_id) && <Badge>{levelName(course.level_id)}</Badge>}
          <Badge>{course.language.toUpperCase()}</Badge>
        </div>
        <section aria-labelledby="overview" className="mt-8">
          <h2 id="overview" className="mb-2 text-2xl">
            Overview
          </h2>
          <p className="whitespace-pre-line">{overview || course.description}</p>
        </section>
        <section aria-labelledby="syllabus" className="mt-8">
          <h2 id="syllabus" className="mb-2 text-2xl">
            Syllabus
          </h2>
          {syllabus.length === 0 ? (
            <p className="text-muted">The sections are not published yet.</p>
          ) : (
            <ol className="flex flex-col gap-2">
              {syllabus.map((s, i) => (
                <li key={s.id} className="flex justify-between rounded-lg border border-line bg-surface px-4 py-3">
                  <span>
                    <span className="mr-2 text-muted">{i + 1}.</span>
                    {s.title}
                  </span>
                  <span className="text-sm text-muted">
                    {s.item_count} {s.item_count === 1 ? 'item' : 'items'}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="instructors" className="mt-8">
          <h2 id="instructors" className="mb-2 text-2xl">
            Instructors
          </h2>
          {instructors.length === 0 && <p className="text-muted">No instructor is listed.</p>}
          <ul className="flex flex-col gap-3">
            {instructors.map((p) => (
              <li key={p.id}>
                <p className="font-semibold">{p.name}</p>
                {p.headline && <p className="text-muted">{p.headline}</p>}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <aside aria-label="Enrollment">
        <Card className="flex flex-col gap-3 lg:sticky lg:top-4">
          <p className="font-heading text-3xl font-semibold">{formatPrice(course.price)}</p>
          <dl className="grid grid-cols-2 gap-y-1 text-sm">
            <dt className="text-muted">Sections</dt>
            <dd>{counts.sections}</dd>
            <dt className="text-muted">Items</dt>
            <dd>{counts.items}</dd>
            <dt className="text-muted">Enrolled</dt>
            <dd>{counts.enrollments}</dd>
            <dt className="text-muted">Seats left</dt>
            <dd>{seatsLeft === null ? 'No limit' : seatsLeft}</dd>
          </dl>
          <EnrollPanel course={course} />
        </Card>
      </aside>
    </article>
  );
}
