import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { Card, EmptyState, ErrorBanner, Spinner } from '../../theme';
import { CourseExercises } from '../assessment/CourseExercises';
import { CourseLinks } from '../course/CourseLinks';
import {
  useCourse,
  useCourseItems,
  useMarkItem,
  useMyEnrollment,
  useProgress,
  useSections,
  type Enrollment,
} from './api';
import { ContentItemView } from './ContentItemView';
import { type ItemStatus } from './content';
import { CourseOutline } from './CourseOutline';
import { ProgressBar } from './ProgressBar';
import { useOpenItem } from './useOpenItem';

/** The course player (/learn/:courseId?item=…): the outline, the open item, my progress and the exercises. */
export default function CoursePlayerPage() {
  const { courseId = '' } = useParams();
  const course = useCourse(courseId);
  const enrollment = useMyEnrollment(courseId);
  usePageTitle(course.data?.title ?? 'Course player');
  if (course.isPending || enrollment.isPending) return <Spinner label="Loading the course" />;
  if (course.error || enrollment.error) {
    return <ErrorBanner error={course.error ?? enrollment.error} title="This course could not be loaded" />;
  }
  if (!enrollment.data) {
    return (
      <EmptyState title={`You are not enrolled in ${course.data.title}`}>
        <Link to={`/courses/${courseId}`} className="text-link underline">
          See the course and enroll
        </Link>
      </EmptyState>
    );
  }
  return <Player courseId={courseId} title={course.data.title} enrollment={enrollment.data} />;
}

function Player({ courseId, title, enrollment }: { courseId: string; title: string; enrollment: Enrollment }) {
  const sections = useSections(courseId);
  const items = useCourseItems(sections.data ?? []);
  const progress = useProgress(enrollment.id);
  const start = useMarkItem(enrollment.id);
  const complete = useMarkItem(enrollment.id);

  const statuses = useMemo(
    () => new Map((progress.data?.items ?? []).map((p) => [p.content_item_id, p.status])),
    [progress.data],
  );
  const status = (id: string): ItemStatus => statuses.get(id);
  const { current, index, body } = useOpenItem(
    items.all,
    items.bySection,
    statuses,
    !items.pending && Boolean(progress.data),
    start.mutate,
  );

  const p = progress.data;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl">{title}</h1>
        <CourseLinks courseId={courseId} here="player" />
        {p && (
          <div className="max-w-xl">
            <ProgressBar label="Course progress" percent={p.progress_percent} />
            <p role="status" className="mt-1 text-sm text-muted">
              {p.status === 'completed'
                ? 'You completed this course.'
                : `${p.completed_required_items} of ${p.required_items} required items completed`}
            </p>
          </div>
        )}
      </header>
      <ErrorBanner error={sections.error ?? items.error ?? progress.error} title="The course content could not be loaded" />
      {sections.isPending || items.pending ? (
        <Spinner label="Loading the sections" />
      ) : sections.data?.length === 0 ? (
        <EmptyState title="This course has no sections yet" />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[1fr_2fr]">
          <Card>
            <CourseOutline sections={sections.data ?? []} items={items.bySection} current={current?.id} status={status} />
          </Card>
          <div className="flex flex-col gap-6">
            <Card>
              <div ref={body} className="[&_h2]:outline-none">
                {current ? (
                  <ContentItemView
                    item={current}
                    courseId={courseId}
                    status={status(current.id)}
                    onComplete={() => complete.mutate({ content_item_id: current.id, status: 'completed' })}
                    // Wait for the "started" write, so an older answer never replaces a newer one.
                    completing={complete.isPending || start.isPending}
                    error={complete.error ?? start.error}
                  />
                ) : (
                  <p className="text-muted">This course has no items yet.</p>
                )}
              </div>
              <ItemPager previous={items.all[index - 1]?.id} next={items.all[index + 1]?.id} />
            </Card>
            <CourseExercises courseId={courseId} />
          </div>
        </div>
      )}
    </div>
  );
}

function ItemPager({ previous, next }: { previous: string | undefined; next: string | undefined }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="Items" className="mt-6 flex justify-between border-t border-line pt-4">
      {previous ? (
        <Link to={`?item=${previous}`} className="font-semibold text-link underline">
          Previous item
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link to={`?item=${next}`} className="font-semibold text-link underline">
          Next item
        </Link>
      )}
    </nav>
  );
}
