import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireSignIn } from '../auth/RequireSignIn';

// Each page's code loads when it is first visited.
const NotificationsPage = lazy(() => import('./NotificationsPage'));

/** The community module's pages, mounted inside the app shell. */
export const communityRoutes = (
  <>
    <Route path="notifications" element={<RequireSignIn><NotificationsPage /></RequireSignIn>} />
  </>
);
