import { Link } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { Button, Card, EmptyState, ErrorBanner, Spinner } from '../../theme';
import { useBookings } from './api';
import { onHold } from './bookingState';
import { BookingStatus } from './BookingStatus';
import { CalendarDownload } from './CalendarDownload';
import { HoldCountdown } from './HoldCountdown';
import { formatSlot } from './time';

/** My lab bookings, newest first (GET /v1/bookings), and the calendar file. */
export default function BookingsPage() {
  usePageTitle('My bookings');
  const bookings = useBookings();
  const items = bookings.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl">My bookings</h1>
        <Link to="/labs" className="text-link underline">
          Find a lab
        </Link>
      </div>
      <CalendarDownload />
      <ErrorBanner error={bookings.error} title="Your bookings could not be loaded" />
      {bookings.isPending && <Spinner label="Loading your bookings" />}
      {bookings.data && items.length === 0 && (
        <EmptyState title="You have no bookings yet">
          <Link to="/labs" className="text-link underline">
            Find a lab
          </Link>
        </EmptyState>
      )}
      {items.length > 0 && (
        <Card className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="mb-2 text-left text-muted">Your lab bookings, newest first</caption>
            <thead>
              <tr className="border-b border-line text-sm text-muted">
                <th scope="col" className="py-2 pr-3">Lab</th>
                <th scope="col" className="py-2 pr-3">When</th>
                <th scope="col" className="py-2 pr-3 text-right">Seats</th>
                <th scope="col" className="py-2">Status</th>
              </tr>
            </thead>
            <tbody>
              {items.map((b) => (
                <tr key={b.id} className="border-b border-line align-top">
                  <th scope="row" className="py-3 pr-3">
                    <Link to={`/bookings/${b.id}`} className="text-link underline">
                      {b.lab_name}
                    </Link>
                  </th>
                  <td className="py-3 pr-3">{formatSlot(b)}</td>
                  <td className="py-3 pr-3 text-right">{b.seats}</td>
                  <td className="py-3">
                    <BookingStatus booking={b} />
                    {onHold(b) && (
                      <div className="mt-1">
                        <HoldCountdown booking={b} />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {bookings.hasNextPage && (
            <div className="mt-4 flex justify-center">
              <Button variant="secondary" busy={bookings.isFetchingNextPage} onClick={() => void bookings.fetchNextPage()}>
                Load more
              </Button>
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
