import { useEffect, useRef, useState } from 'react';
import { formatCountdown, minutesLeft } from './countdownFormat';

/**
 * Time left until `until`, ticking every second on screen. Screen readers are
 * not told every tick: the timer's accessible name changes once a minute
 * (role="timer" is not live), and a polite live region speaks only when one
 * minute is left and when the time is up. `onExpire` runs once at zero.
 */
export function Countdown({
  until,
  label,
  expiredText = 'Time is up',
  onExpire,
}: {
  until: string;
  label: string;
  expiredText?: string;
  onExpire?: () => void;
}) {
  const end = new Date(until).getTime();
  const [now, setNow] = useState(() => Date.now());
  const fired = useRef(false);
  const left = end - now;
  const expired = left <= 0;
  useEffect(() => {
    if (expired) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [expired]);
  useEffect(() => {
    if (left <= 0 && !fired.current) {
      fired.current = true;
      onExpire?.();
    }
  }, [left, onExpire]);
  const minutes = minutesLeft(left);
  const spoken = left <= 0 ? expiredText : `${label}: ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left`;
  return (
    <span className="inline-flex items-baseline gap-2">
      <span className="text-muted">{label}</span>
      <span role="timer" aria-label={spoken} className="font-mono text-lg font-semibold tabular-nums">
        {formatCountdown(left)}
      </span>
      <span aria-live="polite" className="sr-only">
        {left <= 0 ? expiredText : minutes <= 1 ? `${label}: less than a minute left` : ''}
      </span>
    </span>
  );
}
