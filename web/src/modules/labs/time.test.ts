import { describe, expect, it } from 'vitest';
import { addDays, dateInputToIso, dayKey, groupByDay, startOfDay } from './time';

describe('labs time helpers', () => {
  it('turns date inputs into the instants their local day starts and ends', () => {
    const from = dateInputToIso('2026-12-14');
    const to = dateInputToIso('2026-12-14', true);
    expect(from).toBe(new Date(2026, 11, 14).toISOString());
    expect(to).toBe(new Date(2026, 11, 15).toISOString());
    expect(dateInputToIso('')).toBeUndefined();
    expect(dateInputToIso('14/12/2026')).toBeUndefined();
  });

  it('groups slots into seven local days in time order, dropping those outside', () => {
    const start = new Date(2026, 11, 14, 15, 30);
    const at = (day: number, hour: number) => new Date(2026, 11, day, hour).toISOString();
    const days = groupByDay(
      [{ slot_start: at(14, 17) }, { slot_start: at(14, 9) }, { slot_start: at(20, 8) }, { slot_start: at(21, 8) }],
      start,
    );
    expect(days).toHaveLength(7);
    expect(days[0]!.key).toBe('2026-12-14');
    expect(days[0]!.items.map((s) => s.slot_start)).toEqual([at(14, 9), at(14, 17)]);
    expect(days[6]!.items).toHaveLength(1);
    expect(days.flatMap((d) => d.items)).toHaveLength(3);
  });

  it('moves by calendar days', () => {
    const d = new Date(2026, 2, 28, 10);
    expect(dayKey(addDays(d, 3))).toBe('2026-03-31');
    expect(startOfDay(d).getHours()).toBe(0);
  });
});
