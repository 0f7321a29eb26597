// The one API client: openapi-fetch over the generated schema, adding the
// bearer token, refreshing it once for any number of concurrent 401s, and
// turning every failure into an ApiError (problem+json mapped, requestId kept).
import createClient from 'openapi-fetch';
import { ApiError, networkError, toApiError } from './errors';
import type { paths } from './schema';
import type { TokenPair, TokenStore } from './tokens';

export interface ApiOptions {
  baseUrl?: string;
  tokens: TokenStore;
  fetch?: (input: Request) => Promise<Response>;
  /** Called when the session cannot be refreshed (signed out elsewhere, expired). */
  onSessionExpired?: () => void;
}

const REFRESH_PATH = '/v1/auth/refresh';

/** A fetch that authenticates requests and rotates the refresh token on 401. */
export function authenticatingFetch(options: ApiOptions): (input: Request) => Promise<Response> {
  const base = options.fetch ?? ((r: Request) => globalThis.fetch(r));
  let refreshing: Promise<TokenPair | null> | null = null;

  async function refresh(): Promise<TokenPair | null> {
    const current = options.tokens.get();
    if (!current) return null;
    const url = new URL(REFRESH_PATH, options.baseUrl ?? globalThis.location?.origin ?? 'http://localhost');
    let resp: Response;
    try {
      resp = await base(
        new Request(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ refresh_token: current.refreshToken }),
        }),
      );
    } catch {
      return null; // no answer: keep the session, the caller sees the 401
    }
    if (!resp.ok) {
      // Only forget the session if nobody replaced it meanwhile.
      if (options.tokens.get() === current) {
        options.tokens.set(null);
        options.onSessionExpired?.();
      }
      return null;
    }
    const body = (await resp.json()) as { access_token: string; refresh_token: string };
    const next = { accessToken: body.access_token, refreshToken: body.refresh_token };
    options.tokens.set(next);
    return next;
  }

  // One refresh at a time: every 401 that arrives while it runs waits for it.
  function refreshOnce(): Promise<TokenPair | null> {
    refreshing ??= refresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  return async (request: Request) => {
    const retryCopy = request.clone();
    const used = options.tokens.get();
    if (used && !request.headers.has('Authorization')) {
      request.headers.set('Authorization', `Bearer ${used.accessToken}`);
    }
    const first = await base(request);
    if (first.status !== 401 || !used || new URL(request.url).pathname === REFRESH_PATH) return first;
    // A refresh that finished after this request left already gave us a new token.
    const now = options.tokens.get();
    const next = now && now.accessToken !== used.accessToken ? now : await refreshOnce();
    if (!next) return first;
    retryCopy.headers.set('Authorization', `Bearer ${next.accessToken}`);
    return base(retryCopy);
  };
}

export function createApi(options: ApiOptions) {
  const fetcher = authenticatingFetch(options);
  return createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    fetch: async (request) => {
      try {
        return await fetcher(request);
      } catch (e) {
        throw networkError(e);
      }
    },
  });
}

export type Api = ReturnType<typeof createApi>;

/** The data of a successful call, or throws its ApiError. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (e) {
    throw e instanceof ApiError ? e : networkError(e);
  }
  if (!result.response.ok) throw toApiError(result.response, result.error);
  return result.data as T;
}

/** A fresh Idempotency-Key (a UUID). */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * One user attempt at a write that creates money or seat state (an order, a
 * booking): its Idempotency-Key stays the same through every retry of that
 * attempt (a double click, a dropped connection), so the server runs it once.
 * A new attempt (changed input, or after success) gets a new key.
 */
export class IdempotentAttempt {
  private key: string | null = null;
  private running: Promise<unknown> | null = null;

  get currentKey(): string | null {
    return this.key;
  }

  /**
   * Runs `send` with the attempt's key; a call while one runs joins it (double
   * click). Failures without an answer (network) or 409 IDEMPOTENCY_IN_PROGRESS
   * and 5xx are retried up to `retries` times with the same key.
   */
  run<T>(send: (key: string) => Promise<T>, retries = 2): Promise<T> {
    if (this.running) return this.running as Promise<T>;
    this.key ??= newIdempotencyKey();
    const key = this.key;
    const go = async (): Promise<T> => {
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await send(key);
          this.key = null; // done: the next attempt is a new one
          return result;
        } catch (e) {
          const retryable =
            e instanceof ApiError && (e.status === 0 || e.status >= 500 || e.code === 'IDEMPOTENCY_IN_PROGRESS');
          if (!retryable || attempt >= retries) throw e;
          await new Promise((ok) => setTimeout(ok, 200 * (attempt + 1)));
        }
      }
    };
    this.running = go().finally(() => {
      this.running = null;
    });
    return this.running as Promise<T>;
  }

  /** Forgets the key: the input changed, so the next run is a new attempt. */
  reset(): void {
    this.key = null;
  }
}
