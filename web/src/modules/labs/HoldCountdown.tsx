import { Countdown } from '../../theme';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { keys, type Booking } from './api';

/** How long a paid booking's seats stay held; at zero it asks the API how the booking stands. */
export function HoldCountdown({ booking }: { booking: Booking }) {
  const queryClient = useQueryClient();
  const expire = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: keys.booking(booking.id) });
    void queryClient.invalidateQueries({ queryKey: keys.bookings, exact: true });
  }, [queryClient, booking.id]);
  if (!booking.hold_expires_at) return null;
  return (
    <Countdown
      until={booking.hold_expires_at}
      label="Seats held for"
      expiredText="The hold has expired; the seats are given back."
      onExpire={expire}
    />
  );
}
