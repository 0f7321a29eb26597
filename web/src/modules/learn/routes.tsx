import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireSignIn } from '../auth/RequireSignIn';

// Each page's code loads when it is first visited.
const MyLearningPage = lazy(() => import('./MyLearningPage'));
const CoursePlayerPage = lazy(() => import('./CoursePlayerPage'));
const RoadmapPage = lazy(() => import('./RoadmapPage'));
const SuperCoursePage = lazy(() => import('./SuperCoursePage'));

/** The learn module's pages, mounted inside the app shell. */
export const learnRoutes = (
  <>
    <Route path="my-learning" element={<RequireSignIn><MyLearningPage /></RequireSignIn>} />
    <Route path="learn/:courseId" element={<RequireSignIn><CoursePlayerPage /></RequireSignIn>} />
    <Route path="learn/:courseId/roadmap" element={<RequireSignIn><RoadmapPage /></RequireSignIn>} />
    {/* Public: a published super-course is part of the catalog. */}
    <Route path="super-courses/:id" element={<SuperCoursePage />} />
  </>
);
