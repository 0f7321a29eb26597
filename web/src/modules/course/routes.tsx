import { lazy } from 'react';
import { Route } from 'react-router-dom';

// Each page's code loads when it is first visited.
const LandingPage = lazy(() => import('./LandingPage'));
const CatalogPage = lazy(() => import('./CatalogPage'));
const CourseIntroPage = lazy(() => import('./CourseIntroPage'));

/** The course module's pages, mounted inside the app shell. */
export const courseRoutes = (
  <>
    <Route index element={<LandingPage />} />
    <Route path="catalog" element={<CatalogPage />} />
    <Route path="courses/:id" element={<CourseIntroPage />} />
  </>
);
