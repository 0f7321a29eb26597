// Words and numbers for the assessment pages.

/** A score as people write it: whole numbers bare, others to at most two decimals. */
export function formatScore(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "No due date", "Due …" or "Closed …". */
export function formatDue(dueAt: string | null, now = Date.now()): string {
  if (!dueAt) return 'No due date';
  return `${isPastDue(dueAt, now) ? 'Closed' : 'Due'} ${formatDate(dueAt)}`;
}

export function isPastDue(dueAt: string | null, now = Date.now()): boolean {
  return dueAt !== null && Date.parse(dueAt) <= now;
}
