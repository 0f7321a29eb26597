import { Link, useParams } from 'react-router-dom';
import { Card, EmptyState, InfiniteList, Spinner } from '../../theme';
import { CourseHeader } from './CourseHeader';
import { formatWhen, seatsText, type CommunityEvent } from './format';
import { ListError } from './ListError';
import { useEvents } from './events';

/** A course's community events, newest first, with their seats and waitlists. */
export default function CourseEventsPage() {
  const { id: courseId = '' } = useParams();
  const list = useEvents(courseId);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <CourseHeader courseId={courseId} area="events" />
      <ListError error={list.error} title="The events could not be loaded" courseId={courseId} />
      {list.isPending ? (
        <Spinner label="Loading the events" />
      ) : items.length === 0 && !list.error ? (
        <EmptyState title="No events planned yet" />
      ) : (
        <InfiniteList
          label="Events"
          items={items}
          keyOf={(e) => e.id}
          hasMore={Boolean(list.hasNextPage)}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          className="grid gap-4 sm:grid-cols-2"
          render={(e) => <EventCard event={e} />}
        />
      )}
    </div>
  );
}

function EventCard({ event: e }: { event: CommunityEvent }) {
  return (
    <Card className="flex h-full flex-col gap-2">
      <h2 className="text-lg">
        <Link to={`/events/${e.id}`} className="text-link hover:underline">
          {e.title}
        </Link>
      </h2>
      <p>
        <time dateTime={e.starts_at}>{formatWhen(e.starts_at)}</time>
        {e.location && <span className="text-muted"> · {e.location}</span>}
      </p>
      <p className="text-sm font-semibold">{seatsText(e)}</p>
    </Card>
  );
}
