export interface FilterValues {
  text: string;
  equipment: string;
  organizationId: string;
  from: string; // YYYY-MM-DD
  to: string;
}

/** Whether the free-seat window, when both ends are set, ends on or after the day it starts. */
export function windowValid(v: FilterValues): boolean {
  return !v.from || !v.to || v.to >= v.from;
}
