import type { ReactNode } from 'react';
import { cx } from './cx';

/** A short label (a level, "Free", a status). */
export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: 'neutral' | 'primary' | 'success' }) {
  return (
    <span
      className={cx(
        'inline-flex items-center rounded-full px-2 py-1 text-xs font-semibold',
        tone === 'primary' && 'bg-primary text-white',
        tone === 'neutral' && 'bg-accent-soft text-ink',
        tone === 'success' && 'border border-success text-success',
      )}
    >
      {children}
    </span>
  );
}
