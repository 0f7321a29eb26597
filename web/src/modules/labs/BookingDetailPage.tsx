import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { Button, Card, ErrorBanner, Spinner } from '../../theme';
import { formatMoney } from '../commerce/money';
import { useBooking, useCancelBooking, type Booking } from './api';
import { cancellable, onHold } from './bookingState';
import { BookingStatus } from './BookingStatus';
import { CalendarDownload } from './CalendarDownload';
import { HoldCountdown } from './HoldCountdown';
import { formatSlot } from './time';
import { useArrivalFlag } from '../commerce/useArrivalFlag';

/** One of my bookings: its state, the hold's countdown, cancel, and the calendar file (/bookings/:id). */
export default function BookingDetailPage() {
  const { id = '' } = useParams();
  const booked = useArrivalFlag('booked');
  const booking = useBooking(id);
  usePageTitle(booking.data ? `Booking: ${booking.data.lab_name}` : 'Booking');
  return (
    <div className="flex flex-col gap-6">
      <Link to="/bookings" className="text-link underline">
        All my bookings
      </Link>
      <ErrorBanner error={booking.error} title="This booking could not be loaded" />
      {booking.isPending && <Spinner label="Loading the booking" />}
      {booking.data && <BookingView booking={booking.data} booked={booked} />}
    </div>
  );
}

function BookingView({ booking, booked }: { booking: Booking; booked: boolean }) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl">{booking.lab_name}</h1>
        <BookingStatus booking={booking} />
      </div>
      <p role="status" className={booked ? 'font-semibold text-success' : 'sr-only'}>
        {booked ? `Booked: ${booking.seats} ${booking.seats === 1 ? 'seat' : 'seats'} in ${booking.lab_name}.` : ''}
      </p>
      <Card className="flex flex-col gap-4">
        <div role="group" aria-label="Booking">
          <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">When</dt>
            <dd>{formatSlot(booking)}</dd>
            <dt className="font-semibold">Where</dt>
            <dd>{booking.location || '—'}</dd>
            <dt className="font-semibold">Seats</dt>
            <dd>{booking.seats}</dd>
            <dt className="font-semibold">Price</dt>
            <dd>{booking.amount.amount_minor === 0 ? 'Free' : formatMoney(booking.amount)}</dd>
          </dl>
        </div>
        <BookingExplanation booking={booking} />
      </Card>
      <CancelBooking booking={booking} />
      <CalendarDownload />
    </>
  );
}

function BookingExplanation({ booking }: { booking: Booking }) {
  const lines: string[] = [];
  if (booking.status === 'pending' && booking.awaiting_approval) lines.push('The host has not approved this booking yet; you are told when they decide.');
  if (booking.status === 'confirmed') lines.push('Your seats are confirmed.');
  if (booking.status === 'expired') lines.push('The seats were held for a payment that did not arrive in time, and are given back.');
  if (booking.status === 'cancelled') lines.push('This booking is cancelled; its seats went back to the lab.');
  if (booking.status === 'rejected') lines.push('The host declined this booking.');
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-line bg-accent-soft p-4">
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
      {onHold(booking) && (
        <>
          <p>
            Your seats are held until {new Date(booking.hold_expires_at ?? '').toLocaleTimeString()} while the order waits for
            payment.
          </p>
          <HoldCountdown booking={booking} />
        </>
      )}
      {booking.order_id && (
        <Link to={`/orders/${booking.order_id}`} className="font-semibold text-link underline">
          {booking.awaiting_payment ? 'Pay for it: view the order' : 'View the order'}
        </Link>
      )}
    </div>
  );
}

function CancelBooking({ booking }: { booking: Booking }) {
  const cancel = useCancelBooking();
  const [asking, setAsking] = useState(false);
  if (!cancellable(booking)) return null;
  return (
    <section aria-labelledby="cancel-heading" className="flex flex-col gap-3">
      <h2 id="cancel-heading" className="text-xl">Cancel</h2>
      {asking ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="danger" busy={cancel.isPending} onClick={() => cancel.mutate(booking.id, { onSuccess: () => setAsking(false) })}>
            Yes, cancel the booking
          </Button>
          <Button variant="secondary" onClick={() => setAsking(false)}>
            Keep it
          </Button>
        </div>
      ) : (
        <div>
          <Button variant="secondary" onClick={() => setAsking(true)}>
            Cancel this booking
          </Button>
        </div>
      )}
      <ErrorBanner error={cancel.error} title="The booking was not cancelled" />
    </section>
  );
}
