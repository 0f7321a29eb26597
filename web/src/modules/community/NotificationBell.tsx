import { useId } from 'react';
import { NavLink } from 'react-router-dom';
import { cx, useToast } from '../../theme';
import { useUnread } from './notificationsApi';
import { useNotificationStream } from './notificationsLive';
import { describeNotification } from './notificationsText';

function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M13.7 21a2 2 0 0 1-3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The header's bell: my unread count, kept current by the notification
 * stream; a new notification is also announced as a toast (a polite live region).
 */
export function NotificationBell() {
  const toast = useToast();
  const unread = useUnread();
  useNotificationStream(true, (n) => toast(`New notification: ${describeNotification(n)}`));
  const count = unread.data?.items.length ?? 0;
  const shown = unread.data?.more ? `${count}+` : String(count);
  const describedBy = useId();
  // The name stays "Notifications"; the count is its description, read after it.
  return (
    <>
      <span id={describedBy} hidden>
        {count > 0 ? `${shown} unread` : 'none unread'}
      </span>
      <NavLink
        to="/notifications"
        aria-label="Notifications"
        aria-describedby={describedBy}
        className={({ isActive }) =>
          cx('relative inline-flex h-10 w-10 items-center justify-center rounded-lg hover:bg-accent-soft', isActive ? 'text-link' : 'text-ink')
        }
      >
        <BellIcon />
        {count > 0 && (
          <span aria-hidden="true" className="absolute -right-1 -top-1 min-w-5 rounded-full bg-primary px-1 text-center text-xs font-bold text-white ring-2 ring-surface">
            {shown}
          </span>
        )}
      </NavLink>
    </>
  );
}
