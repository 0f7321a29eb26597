import { Badge } from '../../theme';
import type { Booking } from './api';
import { bookingStatusText } from './bookingState';

/** A booking's state as a badge. */
export function BookingStatus({ booking }: { booking: Booking }) {
  const tone = booking.status === 'confirmed' ? 'success' : booking.status === 'pending' ? 'primary' : 'neutral';
  return <Badge tone={tone}>{bookingStatusText(booking)}</Badge>;
}
