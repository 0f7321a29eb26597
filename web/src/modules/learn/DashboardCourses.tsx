import { Link } from 'react-router-dom';
import { Card, EmptyState, ErrorBanner, InfiniteList, Spinner } from '../../theme';
import type { useEnrollments } from './DashboardApi';

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
        <InfiniteList
          label="My courses"
          items={items}
          keyOf={(e) => e.id}
          hasMore={Boolean(list.hasNextPage)}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          className="grid gap-4 sm:grid-cols-2"
          render={(e) => (
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
                aria-valuenow={Math.round(e.progress_percent)}
                className="h-2 overflow-hidden rounded-full bg-accent-soft"
              >
                <div className="h-full bg-primary" style={{ width: `${e.progress_percent}%` }} />
              </div>
              <p className="text-sm text-muted">
                {Math.round(e.progress_percent)}% complete · {e.status}
              </p>
            </Card>
          )}
        />
      )}
    </section>
  );
}
