import { lazy } from 'react';
import { Route } from 'react-router-dom';

// Each page's code loads when it is first visited.
const LabsPage = lazy(() => import('./LabsPage'));

/** The labs module's pages, mounted inside the app shell. */
export const labsRoutes = (
  <>
    <Route path="labs" element={<LabsPage />} />
  </>
);
