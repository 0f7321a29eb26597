import { Suspense, useState } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useSession } from '../modules/auth/session';
import { NotificationBell } from '../modules/community/NotificationBell';
import { useAppliedTheme } from '../modules/profile/useAppliedTheme';
import { Button, cx, Spinner, useToast } from '../theme';

const links = [
  { to: '/catalog', label: 'Catalog' },
  { to: '/my-learning', label: 'My learning' },
  { to: '/labs', label: 'Labs' },
  { to: '/bookings', label: 'Bookings' },
  { to: '/cart', label: 'Cart' },
  { to: '/orders', label: 'Orders' },
  { to: '/notifications', label: 'Notifications' },
  { to: '/profile', label: 'Profile' },
];

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  cx('inline-block py-2 font-semibold hover:underline', isActive ? 'text-link underline' : 'text-ink');

/**
 * Header with the main navigation (with the notification bell) and the session,
 * the page, and a footer. The signed-in user's theme preference applies here.
 */
export function Shell() {
  const { signedIn, user, signOut } = useSession();
  const navigate = useNavigate();
  const toast = useToast();
  const [leaving, setLeaving] = useState(false);
  useAppliedTheme(signedIn);

  async function leave() {
    setLeaving(true);
    await signOut();
    setLeaving(false);
    toast('You are signed out.');
    navigate('/');
  }

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2"
      >
        Skip to content
      </a>
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link to="/" className="font-heading text-xl font-bold text-link">
            Delta Labs
          </Link>
          <nav aria-label="Main" className="order-last w-full sm:order-none sm:w-auto">
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              {links.map((l) => (
                <li key={l.to}>
                  {/* Signed in, Notifications carries the live unread count. */}
                  {signedIn && l.to === '/notifications' ? (
                    <NotificationBell className={navLinkClass} />
                  ) : (
                    <NavLink to={l.to} className={navLinkClass}>
                      {l.label}
                    </NavLink>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3">
            {signedIn ? (
              <>
                {user && <span className="hidden text-muted md:inline">{user.first_name}</span>}
                <Button variant="secondary" onClick={() => void leave()} busy={leaving}>
                  Sign out
                </Button>
              </>
            ) : (
              <>
                <Link to="/sign-in" className="font-semibold text-link hover:underline">
                  Sign in
                </Link>
                <Link to="/register" className="rounded-lg bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-strong">
                  Register
                </Link>
              </>
            )}
          </div>
        </div>
      </header>
      {/* At least a screen tall: the footer starts below the fold, so content arriving never pushes it (layout shift). */}
      <main id="main" className="mx-auto min-h-screen w-full max-w-6xl flex-1 px-4 py-8">
        <Suspense fallback={<Spinner label="Loading the page" />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="border-t border-line bg-surface">
        <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-muted">
          Delta Labs · <a className="text-link underline" href="/docs">API documentation</a>
        </div>
      </footer>
    </div>
  );
}
