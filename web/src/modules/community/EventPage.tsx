import { Link, useParams } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { Spinner } from '../../theme';
import { useEvent, useMyRsvp } from './events';
import { counted, formatWhen, seatsText } from './format';
import { ListError } from './ListError';
import { RsvpPanel } from './RsvpPanel';

/** One community event: when and where, its seats and waitlist, and my RSVP. */
export default function EventPage() {
  const { id = '' } = useParams();
  const rsvp = useMyRsvp(id);
  // The counts change with my place in line, so they are read again with it.
  const event = useEvent(id, rsvp.data?.status === 'waitlisted');
  usePageTitle(event.data?.title ?? 'Event');
  if (event.isPending) return <Spinner label="Loading the event" />;
  if (event.error) return <ListError error={event.error} title="This event could not be loaded" />;
  const e = event.data;
  return (
    <article className="flex flex-col gap-6">
      <p>
        <Link to={`/courses/${e.course_id}/events`} className="text-link underline">
          Back to the course's events
        </Link>
      </p>
      <h1 className="text-3xl">{e.title}</h1>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-4">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
            <dt className="font-semibold">When</dt>
            <dd>
              <time dateTime={e.starts_at}>{formatWhen(e.starts_at)}</time>
              {e.ends_at && (
                <>
                  {' '}
                  to <time dateTime={e.ends_at}>{formatWhen(e.ends_at)}</time>
                </>
              )}
            </dd>
            <dt className="font-semibold">Where</dt>
            <dd>{e.location || 'To be announced'}</dd>
            <dt className="font-semibold">Seats</dt>
            <dd>{seatsText(e)}</dd>
            <dt className="font-semibold">Going</dt>
            <dd>
              {counted(e.going, 'person', 'people')}, {e.interested} interested
            </dd>
          </dl>
          {e.description && <p className="whitespace-pre-line">{e.description}</p>}
        </div>
        {rsvp.isPending ? (
          <Spinner label="Loading your RSVP" />
        ) : rsvp.error ? (
          <ListError error={rsvp.error} title="Your RSVP could not be loaded" />
        ) : (
          <RsvpPanel event={e} rsvp={rsvp.data} />
        )}
      </div>
    </article>
  );
}
