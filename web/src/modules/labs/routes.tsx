import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireSignIn } from '../auth/RequireSignIn';

// Each page's code loads when it is first visited.
const LabsPage = lazy(() => import('./LabsPage'));
const LabDetailPage = lazy(() => import('./LabDetailPage'));
const BookingsPage = lazy(() => import('./BookingsPage'));
const BookingDetailPage = lazy(() => import('./BookingDetailPage'));

/** The labs module's pages, mounted inside the app shell. */
export const labsRoutes = (
  <>
    <Route path="labs" element={<LabsPage />} />
    <Route path="labs/:id" element={<LabDetailPage />} />
    <Route path="bookings" element={<RequireSignIn><BookingsPage /></RequireSignIn>} />
    <Route path="bookings/:id" element={<RequireSignIn><BookingDetailPage /></RequireSignIn>} />
  </>
);
