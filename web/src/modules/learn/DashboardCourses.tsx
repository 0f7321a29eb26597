import { Link } from 'react-router-dom';
import type { components } from '../../api';
import { Button, Card, EmptyState, ErrorBanner, Spinner } from '../../theme';
import type { useEnrollments } from './DashboardApi';

type Enrollment = components['schemas']['Enrollment'];

/** One course I am in: its title (to the player) and my progress. */
function CourseCard({ e }: { e: Enrollment }) {
  const percent = Math.max(0, Math.min(100, Math.round(e.progress_percent)));
  return (
    <Card className="flex h-full flex-col gap-2">
      <h3 className="text-lg">
        <Link to={`/learn/${e.course_id}`} className="text-link hover:underline">
          {e.course_title}
        </Link>
      </h3>
      <div
        role="progressbar"
        aria-label={`Progress in ${e.course_title}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded-full bg-accent-soft"
      >
        <div className="h-full bg-primary" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-muted">
        {percent}% complete · {e.status}
      </p>
    </Card>
  );
}

/** My enrollments with their progress (GET /v1/enrollments). */
export function DashboardCourses({ list }: { list: ReturnType<typeof useEnrollments> }) {
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="dashboard-courses">
      <h2 id="dashboard-courses" className="mb-3 text-xl">
        My courses
      </h2>
      <ErrorBanner error={list.error} title="Your courses could not be loaded" />
      {list.isPending ? (
        <Spinner label="Loading your courses" />
      ) : items.length === 0 && !list.error ? (
        <EmptyState title="You are not enrolled in any course yet">
          <Link to="/catalog" className="text-link underline">
            Find a course in the catalog
          </Link>
        </EmptyState>
      ) : (
        <>
          <ul aria-label="My courses" className="grid gap-4 sm:grid-cols-2">
            {items.map((e) => (
              <li key={e.id}>
                <CourseCard e={e} />
              </li>
            ))}
          </ul>
          {/* More on request, not on scroll: the sections below keep the list's end in view. */}
          {list.hasNextPage && (
            <div className="mt-4">
              <Button variant="secondary" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                Show more courses
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
