import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api';
import { Button, ErrorBanner, Input, useToast } from '../../theme';
import { formatMoney } from '../commerce/money';
import { useBook, useJoinWaitlist, type Lab, type LabSlot } from './api';
import { formatSlot } from './time';

/** Books seats in the chosen slot, or joins its waitlist when it is full. */
export function BookingPanel({ lab, slot }: { lab: Lab; slot: LabSlot }) {
  const navigate = useNavigate();
  const toast = useToast();
  const book = useBook(lab.id);
  const waitlist = useJoinWaitlist(lab.id);
  const [seats, setSeats] = useState(1);
  const full = slot.seats_free === 0;
  const total = { ...lab.price, amount_minor: lab.price.amount_minor * seats };

  function submit(e: FormEvent) {
    e.preventDefault();
    const input = { slotStart: slot.slot_start, seats };
    if (full) {
      waitlist.mutate(input, { onSuccess: (entry) => toast(`You are number ${entry.position} on the waitlist.`) });
    } else {
      book.mutate(input, { onSuccess: (b) => navigate(`/bookings/${b.id}`, { state: { booked: true } }) });
    }
  }

  const error = book.error ?? waitlist.error;
  const seatError = error instanceof ApiError ? error.fieldMessage('seats') : undefined;
  return (
    <form onSubmit={submit} aria-labelledby="book-heading" className="flex flex-col gap-3">
      <h2 id="book-heading" className="text-xl">
        {full ? 'Join the waitlist' : 'Book seats'}
      </h2>
      <p>
        <span className="font-semibold">{formatSlot(slot)}</span>
        <span className="block text-muted">
          {full ? 'This slot is full; you get seats when someone cancels.' : `${slot.seats_free} of ${slot.capacity} seats free`}
        </span>
      </p>
      <div className="max-w-40">
        <Input
          label="Seats"
          type="number"
          min={1}
          max={full ? slot.capacity : slot.seats_free}
          value={seats}
          onChange={(e) => {
            book.newAttempt();
            setSeats(Math.max(1, Number.parseInt(e.target.value, 10) || 1));
          }}
          error={seatError}
        />
      </div>
      {lab.price.amount_minor > 0 && (
        <p>
          Price: <span className="font-semibold">{formatMoney(total)}</span>.{' '}
          <span className="text-muted">Your seats are held for a limited time while the order waits for payment.</span>
        </p>
      )}
      {lab.requires_approval && <p className="text-muted">The host approves each booking of this lab.</p>}
      <ErrorBanner error={error} title={full ? 'You were not put on the waitlist' : 'The seats were not booked'} />
      <div>
        <Button type="submit" busy={book.isPending || waitlist.isPending}>
          {full ? 'Join the waitlist' : seats === 1 ? 'Book 1 seat' : `Book ${seats} seats`}
        </Button>
      </div>
    </form>
  );
}
