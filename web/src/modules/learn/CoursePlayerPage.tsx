import { useEffect, useMemo, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
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
import { firstOpenItem, type ItemStatus } from './content';
import { CourseOutline } from './CourseOutline';
import { ProgressBar } from './ProgressBar';

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
  const [params, setParams] = useSearchParams();
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
  // ?item= opens an item; ?section= (from the roadmap) opens a section's first open item.
  const wanted = params.get('item');
  const section = items.bySection.get(params.get('section') ?? '') ?? [];
  const current =
    items.all.find((i) => i.id === wanted) ?? firstOpenItem(section, status) ?? firstOpenItem(items.all, status);
  const index = current ? items.all.indexOf(current) : -1;

  // The URL names the open item, so completing it never jumps to another "first open" one.
  useEffect(() => {
    if (current && wanted !== current.id) setParams({ item: current.id }, { replace: true });
  }, [current, wanted, setParams]);

  // Opening an item records that I started it (forward only on the server; once per item here).
  const startedHere = useRef(new Set<string>());
  const { mutate: markStarted } = start;
  useEffect(() => {
    if (!current || !progress.data || statuses.has(current.id) || startedHere.current.has(current.id)) return;
    startedHere.current.add(current.id);
    markStarted({ content_item_id: current.id, status: 'started' });
  }, [current, progress.data, statuses, markStarted]);

  // Moving to another item puts the keyboard focus on its title, as a page change would.
  const body = useRef<HTMLDivElement>(null);
  const shown = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (shown.current && current && shown.current !== current.id) body.current?.querySelector('h2')?.focus();
    shown.current = current?.id;
  }, [current]);

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
