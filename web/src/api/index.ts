// The app's API client and session tokens (one of each per page).
import { createApi } from './client';
import { browserTokenStore } from './tokens';

export const tokens = browserTokenStore();

const expiredListeners = new Set<() => void>();

export const api = createApi({
  tokens,
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  onSessionExpired: () => expiredListeners.forEach((l) => l()),
});

/** Hears when the session could not be refreshed (the user must sign in again). */
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

export { ApiError } from './errors';
export { IdempotentAttempt, newIdempotencyKey, unwrap } from './client';
export type { components, paths } from './schema';
