import { useEffect } from 'react';
import { usePreferences } from './api';
import { applyTheme } from './theme';

/**
 * Follows the signed-in user's stored theme; signed out, the system's. Mounted
 * once, in the app shell.
 */
export function useAppliedTheme(signedIn: boolean): void {
  const prefs = usePreferences(signedIn);
  const theme = signedIn ? prefs.data?.theme : 'system';
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
}
