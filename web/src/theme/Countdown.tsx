import { useEffect, useRef, useState } from 'react';

function format(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const ss = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

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
  const minutes = Math.max(0, Math.ceil(left / 60_000));
  const spoken = left <= 0 ? expiredText : `${label}: ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left`;
  return (
    <span className="inline-flex items-baseline gap-2">
      <span className="text-muted">{label}</span>
      <span role="timer" aria-label={spoken} className="font-mono text-lg font-semibold tabular-nums">
        {left <= 0 ? '0:00' : format(left)}
      </span>
      <span aria-live="polite" className="sr-only">
        {left <= 0 ? expiredText : minutes <= 1 ? `${label}: less than a minute left` : ''}
      </span>
    </span>
  );
}
