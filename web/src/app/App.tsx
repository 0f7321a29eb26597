import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import { ApiError } from '../api';
import { RequireSignIn } from '../modules/auth/RequireSignIn';
import { SessionProvider } from '../modules/auth/session';
import { EmptyState, ToastProvider } from '../theme';
import { Shell } from './Shell';
import { usePageTitle } from './usePageTitle';

// Each route's code loads when it is first visited.
const LandingPage = lazy(() => import('../modules/course/LandingPage'));
const CatalogPage = lazy(() => import('../modules/course/CatalogPage'));
const CourseIntroPage = lazy(() => import('../modules/course/CourseIntroPage'));
const SignInPage = lazy(() => import('../modules/auth/SignInPage'));
const RegisterPage = lazy(() => import('../modules/auth/RegisterPage'));
const MyLearningPage = lazy(() => import('../modules/learn/MyLearningPage'));
const LabsPage = lazy(() => import('../modules/labs/LabsPage'));
const CartPage = lazy(() => import('../modules/commerce/CartPage'));
const NotificationsPage = lazy(() => import('../modules/community/NotificationsPage'));
const ProfilePage = lazy(() => import('../modules/profile/ProfilePage'));

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

const signedIn = (page: JSX.Element) => <RequireSignIn>{page}</RequireSignIn>;

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <ToastProvider>
          <SessionProvider>
            <Routes>
              <Route element={<Shell />}>
                <Route index element={<LandingPage />} />
                <Route path="catalog" element={<CatalogPage />} />
                <Route path="courses/:id" element={<CourseIntroPage />} />
                <Route path="sign-in" element={<SignInPage />} />
                <Route path="register" element={<RegisterPage />} />
                <Route path="labs" element={<LabsPage />} />
                <Route path="my-learning" element={signedIn(<MyLearningPage />)} />
                <Route path="cart" element={signedIn(<CartPage />)} />
                <Route path="notifications" element={signedIn(<NotificationsPage />)} />
                <Route path="profile" element={signedIn(<ProfilePage />)} />
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </SessionProvider>
        </ToastProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
