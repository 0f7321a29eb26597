import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireSignIn } from '../auth/RequireSignIn';

// Each page's code loads when it is first visited.
const NotificationsPage = lazy(() => import('./NotificationsPage'));
const CourseQuestionsPage = lazy(() => import('./CourseQuestionsPage'));
const QuestionPage = lazy(() => import('./QuestionPage'));
const CourseCommunityPage = lazy(() => import('./CourseCommunityPage'));
const ThreadPage = lazy(() => import('./ThreadPage'));
const CourseEventsPage = lazy(() => import('./CourseEventsPage'));
const EventPage = lazy(() => import('./EventPage'));

/** The community module's pages, mounted inside the app shell. */
export const communityRoutes = (
  <>
    <Route path="notifications" element={<RequireSignIn><NotificationsPage /></RequireSignIn>} />
    {/* Course Q&A, discussions and events: for the course's members (the API says 403 to anyone else). */}
    <Route path="courses/:id/questions" element={<RequireSignIn><CourseQuestionsPage /></RequireSignIn>} />
    <Route path="questions/:id" element={<RequireSignIn><QuestionPage /></RequireSignIn>} />
    <Route path="courses/:id/community" element={<RequireSignIn><CourseCommunityPage /></RequireSignIn>} />
    <Route path="threads/:id" element={<RequireSignIn><ThreadPage /></RequireSignIn>} />
    <Route path="courses/:id/events" element={<RequireSignIn><CourseEventsPage /></RequireSignIn>} />
    <Route path="events/:id" element={<RequireSignIn><EventPage /></RequireSignIn>} />
  </>
);
