import { useId } from 'react';
import { NavLink, type NavLinkProps } from 'react-router-dom';
import { useToast } from '../../theme';
import { useUnread } from './notificationsApi';
import { useNotificationStream } from './notificationsLive';
import { describeNotification } from './notificationsText';

function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M13.7 21a2 2 0 0 1-3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The main navigation's Notifications link with a bell and my unread count,
 * kept current by the notification stream; a new notification is also
 * announced as a toast (a polite live region). `className` styles it as its
 * sibling links.
 */
export function NotificationBell({ className }: { className: NavLinkProps['className'] }) {
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
        aria-describedby={describedBy}
        className={className}
      >
        <span className="inline-flex items-center gap-1">
          <BellIcon />
          Notifications
          {count > 0 && (
            <span aria-hidden="true" className="min-w-5 rounded-full bg-primary px-1 text-center text-xs font-bold text-white">
              {shown}
            </span>
          )}
        </span>
      </NavLink>
    </>
  );
}
