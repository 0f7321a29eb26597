import type { HTMLAttributes } from 'react';
import { cx } from './cx';

/** A raised surface grouping one thing (a course, a form). */
export function Card({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      className={cx('rounded-card border border-line bg-surface p-4 shadow-sm', className)}
      {...rest}
    />
  );
}
