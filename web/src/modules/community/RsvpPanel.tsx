import { useEffect, useRef } from 'react';
import { Button, ErrorBanner, Spinner, useToast } from '../../theme';
import { usePromotion, useSetRsvp } from './events';
import { formatWhen, rsvpText, type CommunityEvent, type Rsvp } from './format';

/**
 * My answer to an event: going (a seat, or a place on the waitlist when it is
 * full), interested, or none. While I wait my RSVP is read again every few
 * seconds; when a seat frees and I move up, the page says so.
 */
export function RsvpPanel({ event, rsvp }: { event: CommunityEvent; rsvp: Rsvp | null }) {
  const set = useSetRsvp(event.id, event.course_id);
  const toast = useToast();
  const status = rsvp?.status;
  const promotion = usePromotion(event.id, status === 'going');
  const promotedNow = useMovedUp(status);
  useEffect(() => {
    if (promotedNow) toast(`You have a seat at ${event.title}.`);
  }, [promotedNow, toast, event.title]);
  const promotedAt = promotion.data?.created_at;

  return (
    <aside aria-label="Your RSVP" className="flex flex-col gap-3 rounded-card border border-line bg-surface p-4">
      <h2 className="text-xl">Your RSVP</h2>
      <div role="status" aria-live="polite" className="flex flex-col gap-1">
        <p className="font-semibold">{rsvpText(rsvp)}</p>
        {status === 'going' && (promotedNow || promotedAt) && (
          <p className="text-success">
            You were moved up from the waitlist
            {promotedAt ? (
              <>
                {' '}
                on <time dateTime={promotedAt}>{formatWhen(promotedAt)}</time>
              </>
            ) : null}
            .
          </p>
        )}
        {status === 'waitlisted' && (
          <p className="flex items-center gap-2 text-sm text-muted">
            <Spinner size="sm" label="" />
            When someone gives up a seat, the first in line gets it and is notified.
          </p>
        )}
      </div>
      <ErrorBanner error={set.error} title="Your RSVP was not saved" />
      <div className="flex flex-wrap gap-2">
        {status !== 'going' && status !== 'waitlisted' && (
          <Button onClick={() => set.mutate('going')} busy={set.isPending && set.variables === 'going'}>
            {event.seats_left > 0 ? 'Going' : 'Join the waitlist'}
          </Button>
        )}
        {status !== 'interested' && status !== 'going' && status !== 'waitlisted' && (
          <Button variant="secondary" onClick={() => set.mutate('interested')} busy={set.isPending && set.variables === 'interested'}>
            Interested
          </Button>
        )}
        {rsvp && (
          <Button variant="secondary" onClick={() => set.mutate(null)} busy={set.isPending && set.variables === null}>
            {status === 'waitlisted' ? 'Leave the waitlist' : 'Cancel my RSVP'}
          </Button>
        )}
      </div>
    </aside>
  );
}

/** True once my RSVP went from waitlisted to going while this page was open. */
function useMovedUp(status: Rsvp['status'] | undefined): boolean {
  const previous = useRef(status);
  const moved = useRef(false);
  if (previous.current === 'waitlisted' && status === 'going') moved.current = true;
  if (status !== 'going') moved.current = false;
  previous.current = status;
  return moved.current;
}
