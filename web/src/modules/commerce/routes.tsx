import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequireSignIn } from '../auth/RequireSignIn';

// Each page's code loads when it is first visited.
const CartPage = lazy(() => import('./CartPage'));

/** The commerce module's pages, mounted inside the app shell. */
export const commerceRoutes = (
  <>
    <Route path="cart" element={<RequireSignIn><CartPage /></RequireSignIn>} />
  </>
);
