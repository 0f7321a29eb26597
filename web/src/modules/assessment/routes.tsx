import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireSignIn } from '../auth/RequireSignIn';

// Each page's code loads when it is first visited.
const ExercisePage = lazy(() => import('./ExercisePage'));
const GradesPage = lazy(() => import('./GradesPage'));

/**
 * The assessment module's pages (exercises, grades and appeals), mounted inside
 * the app shell. Exercises live under their course because the API addresses
 * them so (/v1/courses/:id/exercises/:eid).
 */
export const assessmentRoutes = (
  <>
    <Route path="courses/:courseId/exercises/:exerciseId" element={<RequireSignIn><ExercisePage /></RequireSignIn>} />
    <Route path="courses/:courseId/grades" element={<RequireSignIn><GradesPage /></RequireSignIn>} />
  </>
);
