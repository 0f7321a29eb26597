import { describe, expect, it, vi } from 'vitest';
import { createApi, IdempotentAttempt, unwrap } from './client';
import { ApiError, toApiError } from './errors';
import { memoryTokenStore } from './tokens';

const BASE = 'http://api.test';

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json',
      ...headers,
    },
  });
}

describe('token refresh', () => {
  it('refreshes once for many concurrent 401s and retries each request with the new token', async () => {
    const tokens = memoryTokenStore({ accessToken: 'old', refreshToken: 'r1' });
    let refreshes = 0;
    const seen: string[] = [];
    const fetch = vi.fn(async (req: Request) => {
      const path = new URL(req.url).pathname;
      if (path === '/v1/auth/refresh') {
        refreshes++;
        const body = (await req.json()) as { refresh_token: string };
        expect(body.refresh_token).toBe('r1');
        await new Promise((ok) => setTimeout(ok, 20));
        return json(200, { access_token: 'new', refresh_token: 'r2', token_type: 'Bearer', expires_in: 900 });
      }
      const auth = req.headers.get('Authorization');
      seen.push(auth ?? '');
      if (auth !== 'Bearer new') {
        return json(401, { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'TOKEN_EXPIRED' });
      }
      return json(200, { ok: path });
    });
    const api = createApi({ baseUrl: BASE, tokens, fetch });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => unwrap(api.GET('/v1/users/me'))),
    );
    expect(results).toHaveLength(5);
    expect(refreshes).toBe(1);
    expect(tokens.get()).toEqual({ accessToken: 'new', refreshToken: 'r2' });
    expect(seen.filter((a) => a === 'Bearer old')).toHaveLength(5);
    expect(seen.filter((a) => a === 'Bearer new')).toHaveLength(5);
  });

  it('signs out when the refresh token is refused, and reports the 401', async () => {
    const tokens = memoryTokenStore({ accessToken: 'old', refreshToken: 'stale' });
    const expired = vi.fn();
    const fetch = vi.fn(async (req: Request) => {
      const path = new URL(req.url).pathname;
      return json(401, {
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        code: path === '/v1/auth/refresh' ? 'REFRESH_TOKEN_REVOKED' : 'TOKEN_EXPIRED',
        message: 'Sign in again.',
        requestId: 'req-1',
      });
    });
    const api = createApi({ baseUrl: BASE, tokens, fetch, onSessionExpired: expired });
    const error = await unwrap(api.GET('/v1/users/me')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(tokens.get()).toBeNull();
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('sends no Authorization header without a session and never refreshes', async () => {
    const tokens = memoryTokenStore(null);
    const fetch = vi.fn(async (req: Request) => {
      expect(req.headers.has('Authorization')).toBe(false);
      return json(401, { type: 'x', title: 'Unauthorized', status: 401, code: 'UNAUTHENTICATED' });
    });
    const api = createApi({ baseUrl: BASE, tokens, fetch });
    await expect(unwrap(api.GET('/v1/users/me'))).rejects.toMatchObject({ status: 401 });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('problem mapping', () => {
  it('maps problem+json to code, status, details and requestId', async () => {
    const tokens = memoryTokenStore(null);
    const fetch = async () =>
      json(
        400,
        {
          type: 'https://deltalabs.dev/problems/validation-failed',
          title: 'Bad Request',
          status: 400,
          code: 'VALIDATION_FAILED',
          message: 'The body is not valid.',
          requestId: '01a2-req',
          details: [{ field: 'email', message: 'must be an email address' }],
        },
        { 'X-Request-Id': '01a2-req' },
      );
    const api = createApi({ baseUrl: BASE, tokens, fetch });
    const error = (await unwrap(
      api.POST('/v1/auth/register', {
        body: { email: 'x', password: 'p', first_name: 'A', last_name: 'B' },
      }),
    ).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.requestId).toBe('01a2-req');
    expect(error.fieldMessage('email')).toBe('must be an email address');
    expect(error.explanation).toContain('01a2-req');
  });

  it('explains a 429 with its Retry-After and a bodyless 503 in plain words', () => {
    const limited = toApiError(
      new Response('{}', { status: 429, headers: { 'Retry-After': '17', 'X-Request-Id': 'r-9' } }),
      { code: 'RATE_LIMITED', message: 'Too many sign-ins.', status: 429 },
    );
    expect(limited.retryAfter).toBe(17);
    expect(limited.explanation).toBe('Too many sign-ins. Try again in 17 s. (request r-9)');
    const down = toApiError(new Response('', { status: 503 }), undefined);
    expect(down.code).toBe('HTTP_503');
    expect(down.message).toBe('The service is unavailable right now.');
  });

  it('turns a request that got no answer into a NETWORK_ERROR', async () => {
    const api = createApi({
      baseUrl: BASE,
      tokens: memoryTokenStore(null),
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(unwrap(api.GET('/v1/courses'))).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });
});

describe('idempotency keys', () => {
  it('keeps the same Idempotency-Key across retries of one attempt and double clicks', async () => {
    const keys: string[] = [];
    let calls = 0;
    const api = createApi({
      baseUrl: BASE,
      tokens: memoryTokenStore({ accessToken: 'a', refreshToken: 'r' }),
      fetch: async (req) => {
        keys.push(req.headers.get('Idempotency-Key') ?? '');
        calls++;
        if (calls === 1) throw new TypeError('connection dropped');
        if (calls === 2) return json(503, { code: 'UNAVAILABLE', status: 503, title: 'x', type: 'x' });
        return json(201, { id: 'order-1' });
      },
    });
    const attempt = new IdempotentAttempt();
    const send = (key: string) =>
      unwrap(
        api.POST('/v1/orders', {
          params: { header: { 'Idempotency-Key': key } },
          body: { provider: 'offline' },
        }),
      );
    const [a, b] = await Promise.all([attempt.run(send), attempt.run(send)]);
    expect(a).toEqual({ id: 'order-1' });
    expect(b).toEqual({ id: 'order-1' });
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);

    // The next attempt (after success) has a new key.
    await attempt.run(send);
    expect(keys[3]).not.toBe(keys[0]);
  });

  it('does not retry a conflict that is not an in-progress idempotent request', async () => {
    const attempt = new IdempotentAttempt();
    const send = vi.fn(async () => {
      throw new ApiError({ status: 409, code: 'ALREADY_ENROLLED', message: 'x' });
    });
    await expect(attempt.run(send)).rejects.toMatchObject({ code: 'ALREADY_ENROLLED' });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
