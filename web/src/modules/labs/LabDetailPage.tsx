import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { Badge, Button, Card, ErrorBanner, Spinner } from '../../theme';
import { useSession } from '../auth/session';
import { formatMoney } from '../commerce/money';
import { useFirstSlot, useLab, useSlots, type Lab, type LabSlot } from './api';
import { BookingPanel } from './BookingPanel';
import { SlotCalendar } from './SlotCalendar';
import { addDays, formatDay, startOfDay } from './time';

/** One lab: what it offers and its availability as a week calendar, to book from (/labs/:id). */
export default function LabDetailPage() {
  const { id = '' } = useParams();
  const lab = useLab(id);
  usePageTitle(lab.data?.name ?? 'Lab');
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Labs" className="flex gap-4">
        <Link to="/labs" className="text-link underline">
          All labs
        </Link>
        <Link to="/bookings" className="text-link underline">
          My bookings
        </Link>
      </nav>
      <ErrorBanner error={lab.error} title="This lab could not be loaded" />
      {lab.isPending && <Spinner label="Loading the lab" />}
      {lab.data && <LabView lab={lab.data} />}
    </div>
  );
}

function LabView({ lab }: { lab: Lab }) {
  return (
    <>
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl">{lab.name}</h1>
        <p className="text-muted">{lab.location}</p>
        {lab.description && <p className="max-w-prose">{lab.description}</p>}
        <div className="flex flex-wrap gap-2">
          <Badge tone={lab.price.amount_minor === 0 ? 'success' : 'neutral'}>
            {lab.price.amount_minor === 0 ? 'Free' : `${formatMoney(lab.price)} per seat`}
          </Badge>
          {lab.requires_approval && <Badge>Needs approval</Badge>}
          {lab.equipment.map((e) => (
            <Badge key={e}>{e}</Badge>
          ))}
        </div>
      </header>
      <Availability lab={lab} />
    </>
  );
}

function Availability({ lab }: { lab: Lab }) {
  const first = useFirstSlot(lab.id);
  const [chosenStart, setChosenStart] = useState<Date | null>(null);
  const [selected, setSelected] = useState<LabSlot | undefined>();
  const opening = first.data ? startOfDay(new Date(first.data.slot_start)) : startOfDay(new Date());
  const start = chosenStart ?? opening;
  const end = addDays(start, 7);
  const slots = useSlots(lab.id, start, end, !first.isPending);
  const current = selected && slots.data?.find((s) => s.id === selected.id);
  const move = (days: number) => setChosenStart(addDays(start, days));
  return (
    <section aria-labelledby="availability-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="availability-heading" className="text-2xl">
          Availability
        </h2>
        <div className="flex items-center gap-2">
          <Button variant="secondary" onClick={() => move(-7)}>
            Previous week
          </Button>
          <Button variant="secondary" onClick={() => move(7)}>
            Next week
          </Button>
        </div>
      </div>
      <p aria-live="polite" className="font-semibold">
        {formatDay(start)} – {formatDay(addDays(start, 6))}
      </p>
      <ErrorBanner error={first.error ?? slots.error} title="The availability could not be loaded" />
      {first.isPending || slots.isPending ? (
        <Spinner label="Loading the availability" />
      ) : (
        <SlotCalendar slots={slots.data ?? []} start={start} selected={current?.id} onSelect={setSelected} />
      )}
      {current && (
        <Card>
          <SignedInBooking lab={lab} slot={current} />
        </Card>
      )}
    </section>
  );
}

/** The booking form for a signed-in learner; anyone else is sent to sign in and back. */
function SignedInBooking({ lab, slot }: { lab: Lab; slot: LabSlot }) {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  if (signedIn) return <BookingPanel key={slot.id} lab={lab} slot={slot} />;
  return (
    <div className="flex flex-col gap-3">
      <h2 className="text-xl">Book seats</h2>
      <p>Sign in to book seats in this slot.</p>
      <div>
        <Button onClick={() => navigate(`/sign-in?next=${encodeURIComponent(location.pathname)}`)}>Sign in to book</Button>
      </div>
    </div>
  );
}
