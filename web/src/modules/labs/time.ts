// Dates for the labs screens: local days, weeks of slots and date inputs.
// Pure functions (unit tested in time.test.ts).

/** Midnight (local time) of the day `d` falls on. */
export function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/** The same local time `n` days later (calendar days, DST-safe). */
export function addDays(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n, d.getHours(), d.getMinutes(), d.getSeconds());
}

/** A local day as YYYY-MM-DD (the value of an <input type="date">). */
export function dayKey(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An <input type="date"> value as the RFC 3339 instant its local day starts (or ends, with `endOfDay`). */
export function dateInputToIso(value: string, endOfDay = false): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const day = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(day.getTime())) return undefined;
  return (endOfDay ? addDays(day, 1) : day).toISOString();
}

export interface Day<T> {
  key: string;
  date: Date;
  items: T[];
}

/** `days` local days from `start`, each with the items that start on it, in time order. */
export function groupByDay<T extends { slot_start: string }>(items: T[], start: Date, days = 7): Array<Day<T>> {
  const first = startOfDay(start);
  const list: Array<Day<T>> = Array.from({ length: days }, (_, i) => {
    const date = addDays(first, i);
    return { key: dayKey(date), date, items: [] };
  });
  const byKey = new Map(list.map((d) => [d.key, d]));
  for (const item of [...items].sort((a, b) => a.slot_start.localeCompare(b.slot_start))) {
    byKey.get(dayKey(new Date(item.slot_start)))?.items.push(item);
  }
  return list;
}

/** "Mon, Dec 14" in the reader's locale. */
export function formatDay(d: Date, locale?: string): string {
  return d.toLocaleDateString(locale, { weekday: 'short', month: 'short', day: 'numeric' });
}

/** "09:00" in the reader's locale. */
export function formatTime(iso: string, locale?: string): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
}

/** "Mon, Dec 14, 09:00–12:00". */
export function formatSlot(slot: { slot_start: string; slot_end: string }, locale?: string): string {
  return `${formatDay(new Date(slot.slot_start), locale)}, ${formatTime(slot.slot_start, locale)}–${formatTime(slot.slot_end, locale)}`;
}
