import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import { ApiError } from '../api';
import { assessmentRoutes } from '../modules/assessment/routes';
import { AssistantPanel } from '../modules/assistant/AssistantPanel';
import { assistantRoutes } from '../modules/assistant/routes';
import { authRoutes } from '../modules/auth/routes';
import { SessionProvider } from '../modules/auth/session';
import { commerceRoutes } from '../modules/commerce/routes';
import { communityRoutes } from '../modules/community/routes';
import { courseRoutes } from '../modules/course/routes';
import { labsRoutes } from '../modules/labs/routes';
import { learnRoutes } from '../modules/learn/routes';
import { profileRoutes } from '../modules/profile/routes';
import { EmptyState, ToastProvider } from '../theme';
import { Shell } from './Shell';
import { usePageTitle } from './usePageTitle';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retry what may pass by itself (no answer, 5xx), never a 4xx.
      retry: (count, error) => count < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
    },
  },
});

function NotFound() {
  usePageTitle('Page not found');
  return (
    <EmptyState title="This page does not exist">
      <Link to="/" className="text-link underline">
        Go to the front page
      </Link>
    </EmptyState>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <ToastProvider>
          <SessionProvider>
            <Routes>
              <Route element={<Shell />}>
                {/* Each module owns its routes (web/src/modules/<module>/routes.tsx). */}
                {courseRoutes}
                {authRoutes}
                {learnRoutes}
                {labsRoutes}
                {commerceRoutes}
                {communityRoutes}
                {profileRoutes}
                {assessmentRoutes}
                {assistantRoutes}
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
            <AssistantPanel />
          </SessionProvider>
        </ToastProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
