import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireSignIn } from '../auth/RequireSignIn';

// Each page's code loads when it is first visited.
const MyLearningPage = lazy(() => import('./MyLearningPage'));

/** The learn module's pages, mounted inside the app shell. */
export const learnRoutes = (
  <>
    <Route path="my-learning" element={<RequireSignIn><MyLearningPage /></RequireSignIn>} />
  </>
);
