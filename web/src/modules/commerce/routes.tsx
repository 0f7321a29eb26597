import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireSignIn } from '../auth/RequireSignIn';

// Each page's code loads when it is first visited.
const CartPage = lazy(() => import('./CartPage'));
const OrdersPage = lazy(() => import('./OrdersPage'));
const OrderDetailPage = lazy(() => import('./OrderDetailPage'));
const SponsorshipsPage = lazy(() => import('./SponsorshipsPage'));
const FinancialAidPage = lazy(() => import('./FinancialAidPage'));

/** The commerce module's pages, mounted inside the app shell. */
export const commerceRoutes = (
  <>
    <Route path="cart" element={<RequireSignIn><CartPage /></RequireSignIn>} />
    <Route path="checkout" element={<RequireSignIn><CartPage /></RequireSignIn>} />
    <Route path="orders" element={<RequireSignIn><OrdersPage /></RequireSignIn>} />
    <Route path="orders/:id" element={<RequireSignIn><OrderDetailPage /></RequireSignIn>} />
    <Route path="sponsorships" element={<RequireSignIn><SponsorshipsPage /></RequireSignIn>} />
    <Route path="financial-aid" element={<RequireSignIn><FinancialAidPage /></RequireSignIn>} />
  </>
);
