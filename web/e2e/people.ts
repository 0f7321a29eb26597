// People for browser tests: a fresh learner per test, the demo accounts
// (`deltalabs seed --demo`), and signing in the way a person does.
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export interface Person {
  email: string;
  password: string;
}

/** The demo accounts' shared password (README). */
export const DEMO_PASSWORD = 'deltalabs-demo';

/** A demo account by its mailbox name, e.g. demo('instructor'). */
export function demo(name: 'admin' | 'instructor' | 'instructor2' | 'ta' | 'lab' | 'learner1' | 'learner2' | 'learner3'): Person {
  return { email: `${name}@deltalabs.local`, password: DEMO_PASSWORD };
}

/** Registers a new learner through the API; each test gets its own. */
export async function newLearner(request: APIRequestContext): Promise<Person> {
  const email = `learner-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const password = 'correct horse battery';
  const resp = await request.post('/v1/auth/register', {
    data: { email, password, first_name: 'Lin', last_name: 'Learner' },
  });
  expect(resp.status()).toBe(201);
  return { email, password };
}

/** Signs in through the sign-in page and waits until the session shows. */
export async function signIn(page: Page, who: Person, next = '/'): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email or username').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Someone's API calls with a Bearer token from a real sign-in. */
export async function apiAs(request: APIRequestContext, who: Person) {
  const login = await request.post('/v1/auth/login', { data: { email: who.email, password: who.password } });
  expect(login.status()).toBe(200);
  const headers = { Authorization: `Bearer ${((await login.json()) as { access_token: string }).access_token}` };
  const call = async (method: 'get' | 'post' | 'patch', path: string, data?: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const resp = await request[method](path, { headers, ...(data ? { data } : {}) });
    expect(resp.ok(), `${method.toUpperCase()} ${path}: ${await resp.text()}`).toBe(true);
    return (await resp.json()) as Record<string, unknown>;
  };
  return {
    get: (path: string) => call('get', path),
    post: (path: string, data?: Record<string, unknown>) => call('post', path, data),
    patch: (path: string, data: Record<string, unknown>) => call('patch', path, data),
  };
}
