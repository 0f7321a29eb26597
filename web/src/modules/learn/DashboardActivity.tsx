import { Link } from 'react-router-dom';
import { Card, EmptyState, ErrorBanner, Spinner } from '../../theme';
import { useActivityCourseTitles, useRecentActivity } from './DashboardApi';
import { describeActivity } from './DashboardText';

/** My recent activity, newest first (GET /v1/activity). */
export function DashboardActivity({ knownTitles }: { knownTitles: Map<string, string> }) {
  const activity = useRecentActivity();
  const items = activity.data?.items ?? [];
  const titles = useActivityCourseTitles(
    items.flatMap((e) => (e.course_id ? [e.course_id] : [])),
    knownTitles,
  );
  return (
    <section aria-labelledby="dashboard-activity">
      <h2 id="dashboard-activity" className="mb-3 text-xl">
        Recent activity
      </h2>
      <ErrorBanner error={activity.error} title="Your activity could not be loaded" />
      {activity.isPending ? (
        <Spinner label="Loading your activity" />
      ) : items.length === 0 && !activity.error ? (
        <EmptyState title="No activity yet">What you do in your courses shows up here.</EmptyState>
      ) : (
        <Card>
          <ol aria-label="Recent activity" className="flex flex-col divide-y divide-line">
            {items.map((e) => {
              const title = (e.course_id && titles.get(e.course_id)) || 'a course';
              return (
                <li key={e.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:justify-between">
                  <span>
                    {e.course_id ? (
                      <Link to={`/courses/${e.course_id}`} className="text-link hover:underline">
                        {describeActivity(e, title)}
                      </Link>
                    ) : (
                      describeActivity(e, title)
                    )}
                  </span>
                  <time className="text-sm text-muted" dateTime={e.created_at}>
                    {new Date(e.created_at).toLocaleString()}
                  </time>
                </li>
              );
            })}
          </ol>
        </Card>
      )}
    </section>
  );
}
