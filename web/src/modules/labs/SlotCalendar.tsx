import { cx } from '../../theme';
import type { LabSlot } from './api';
import { formatDay, formatTime, groupByDay } from './time';

/** A week of a lab's slots, one column per day; a slot is a toggle button. */
export function SlotCalendar({
  slots,
  start,
  selected,
  onSelect,
}: {
  slots: LabSlot[];
  start: Date;
  selected: string | undefined;
  onSelect: (slot: LabSlot) => void;
}) {
  const days = groupByDay(slots, start);
  const now = Date.now();
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-7">
      {days.map((d) => (
        <section key={d.key} aria-labelledby={`day-${d.key}`} className="rounded-lg border border-line bg-surface p-2">
          <h3 id={`day-${d.key}`} className="mb-2 text-sm">
            {formatDay(d.date)}
          </h3>
          {d.items.length === 0 ? (
            <p className="text-sm text-muted">No slots</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {d.items.map((s) => (
                <li key={s.id}>
                  <SlotButton slot={s} past={new Date(s.slot_start).getTime() <= now} pressed={selected === s.id} onSelect={onSelect} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

function seatsText(s: LabSlot): string {
  if (s.seats_free > 0) return `${s.seats_free} of ${s.capacity} seats free`;
  return s.waitlisted > 0 ? `Full, ${s.waitlisted} waiting` : 'Full';
}

function SlotButton({
  slot,
  past,
  pressed,
  onSelect,
}: {
  slot: LabSlot;
  past: boolean;
  pressed: boolean;
  onSelect: (slot: LabSlot) => void;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      disabled={past}
      onClick={() => onSelect(slot)}
      className={cx(
        'w-full rounded-lg border px-2 py-2 text-left text-sm disabled:cursor-not-allowed disabled:opacity-60',
        pressed ? 'border-primary bg-primary text-white' : 'border-line bg-accent-soft text-ink hover:bg-raised',
      )}
    >
      <span className="block font-semibold">
        {formatTime(slot.slot_start)}–{formatTime(slot.slot_end)}
      </span>
      <span className="block">{past ? 'Started' : seatsText(slot)}</span>
    </button>
  );
}
