// Where the session's token pair lives: memory, mirrored to localStorage so a
// reload stays signed in. Listeners hear every change (sign in, refresh, sign out).

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export interface TokenStore {
  get(): TokenPair | null;
  set(pair: TokenPair | null): void;
  subscribe(listener: () => void): () => void;
}

export function memoryTokenStore(initial: TokenPair | null = null, storageKey?: string): TokenStore {
  let pair = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => pair,
    set(next) {
      pair = next;
      if (storageKey && typeof localStorage !== 'undefined') {
        if (next) localStorage.setItem(storageKey, JSON.stringify(next));
        else localStorage.removeItem(storageKey);
      }
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The browser's store: restored from localStorage under `key`. */
export function browserTokenStore(key = 'deltalabs.session'): TokenStore {
  let initial: TokenPair | null = null;
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (
      parsed &&
      typeof (parsed as TokenPair).accessToken === 'string' &&
      typeof (parsed as TokenPair).refreshToken === 'string'
    ) {
      initial = parsed as TokenPair;
    }
  } catch {
    initial = null;
  }
  return memoryTokenStore(initial, key);
}
