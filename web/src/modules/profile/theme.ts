// Applies the theme preference (light, dark or system) to <html data-theme>,
// which sets color-scheme; every colour token follows it (index.css).
// The last applied choice is remembered in localStorage so a reload paints in
// it at once, before the preferences have been fetched again.

export type ThemeChoice = 'light' | 'dark' | 'system';

const KEY = 'deltalabs.theme';

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // storage may be unavailable (private mode): the theme still applies now
  }
}

/** The choice remembered from the last visit (system when none). */
export function rememberedTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

// Runs when the app loads, before the first render.
if (typeof document !== 'undefined') applyTheme(rememberedTheme());
