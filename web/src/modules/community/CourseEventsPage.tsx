import { Link, useParams } from 'react-router-dom';
import { Card, EmptyState, InfiniteList, Spinner } from '../../theme';
import { useMembers } from './course';
import { CourseHeader } from './CourseHeader';
import { EventForm } from './EventForm';
import { formatWhen, seatsText, type CommunityEvent } from './format';
import { ListError } from './ListError';
import { useEvents } from './events';

/** A course's community events, newest first, with their seats and waitlists; its teaching staff plan new ones. */
export default function CourseEventsPage() {
  const { id: courseId = '' } = useParams();
  const list = useEvents(courseId);
  const members = useMembers(courseId, list.isSuccess);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <CourseHeader courseId={courseId} area="events" />
      <ListError error={list.error} title="The events could not be loaded" courseId={courseId} />
      {!list.error && (
        <div className={members.iStaff ? 'grid gap-8 lg:grid-cols-[2fr_1fr]' : undefined}>
          <section aria-label="Events">
            {list.isPending ? (
              <Spinner label="Loading the events" />
            ) : items.length === 0 ? (
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
          </section>
          {members.iStaff && <EventForm courseId={courseId} />}
        </div>
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
