import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireSignIn } from '../auth/RequireSignIn';

// Each page's code loads when it is first visited.
const ProfilePage = lazy(() => import('./ProfilePage'));
const PreferencesPage = lazy(() => import('./PreferencesPage'));

/** The profile module's pages, mounted inside the app shell. */
export const profileRoutes = (
  <>
    <Route path="profile" element={<RequireSignIn><ProfilePage /></RequireSignIn>} />
    <Route path="profile/preferences" element={<RequireSignIn><PreferencesPage /></RequireSignIn>} />
  </>
);
