// Journey 8 (the assistant): the chat panel on every page for signed-in users,
// a tool call that enrolls and shows up in My learning without a reload, a
// navigate answer that moves the app, keyboard use, and a 429 explained.
import type { APIRequestContext } from '@playwright/test';
import { checkPage, expect, test } from './fixtures';
import { newLearner, signIn, type Person } from './people';

async function tokenOf(request: APIRequestContext, who: Person): Promise<string> {
  const resp = await request.post('/v1/auth/login', { data: { email: who.email, password: who.password } });
  expect(resp.status()).toBe(200);
  return ((await resp.json()) as { access_token: string }).access_token;
}

test('anonymous visitors do not get the assistant', async ({ page }) => {
  await page.goto('/catalog');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ask the assistant' })).toHaveCount(0);
});

test('the assistant enrolls me, My learning shows it at once, and it opens pages', async ({ page, request, problems }) => {
  // A reload cuts the open notification stream (Server-Sent Events); that is not a failure.
  problems.allow(/\/v1\/notifications\/stream failed: net::ERR_ABORTED/);
  await signIn(page, await newLearner(request));
  await page.getByRole('link', { name: 'My learning', exact: true }).click();
  await expect(page.getByText('You are not enrolled in any course yet')).toBeVisible();

  // Open with the keyboard: focus lands in the message box.
  const launcher = page.getByRole('button', { name: 'Ask the assistant' });
  await launcher.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Assistant' });
  await expect(panel).toBeVisible();
  const message = panel.getByLabel('Message');
  await expect(message).toBeFocused();

  await message.fill('enroll me in SQL from the Ground Up');
  await page.keyboard.press('Enter');
  const log = panel.getByRole('log', { name: 'Conversation with the assistant' });
  await expect(log.getByText('You are now enrolled in SQL from the Ground Up.')).toBeVisible();
  const tools = log.getByRole('list', { name: 'Tools used' }).getByRole('listitem');
  await expect(tools.filter({ hasText: 'Search courses' }).getByText('Found 1: SQL from the Ground Up.')).toBeVisible();
  await expect(tools.filter({ hasText: 'Enroll in a course' }).getByText('Enrolled in SQL from the Ground Up.')).toBeVisible();
  await expect(message).toBeFocused();

  // The page behind the panel has read the enrollments again: no reload.
  await expect(page.getByRole('list', { name: 'My courses' }).getByRole('link', { name: 'SQL from the Ground Up' })).toBeVisible();
  await checkPage(page, 'assistant-enrolled');

  await message.fill('go to the catalog');
  await message.press('Enter');
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(log.getByRole('link', { name: '/catalog' })).toBeVisible();

  // Escape closes the panel and gives focus back to the button; the conversation stays.
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(launcher).toBeFocused();
  await launcher.click();
  await expect(log.getByText('You are now enrolled in SQL from the Ground Up.')).toBeVisible();

  // A reload keeps the conversation (read back from the API); "New conversation" starts afresh.
  await page.reload();
  await page.getByRole('button', { name: 'Ask the assistant' }).click();
  await expect(log.getByText('You are now enrolled in SQL from the Ground Up.')).toBeVisible();
  await expect(log.getByText('Enrolled in SQL from the Ground Up.', { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: 'New conversation' }).click();
  await expect(log.getByText('You are now enrolled in SQL from the Ground Up.')).toHaveCount(0);
  await expect(log.getByText(/Ask me to find a course/)).toBeVisible();
});

test('a refused tool call and a rate-limited turn are explained', async ({ page, request, problems }) => {
  problems.allow(/\/v1\/ai\/chat answered 429/);
  problems.allow(/Failed to load resource: the server responded with a status of 429/);
  const who = await newLearner(request);
  await signIn(page, who);
  await page.getByRole('button', { name: 'Ask the assistant' }).click();
  const panel = page.getByRole('region', { name: 'Assistant' });
  const message = panel.getByLabel('Message');
  await message.fill('enroll me in Rust Systems Programming');
  await panel.getByRole('button', { name: 'Send' }).click();
  const refused = panel.getByRole('listitem').filter({ hasText: 'Enroll in a course' });
  await expect(refused.getByText('Refused')).toBeVisible();
  await expect(refused.getByText(/Failed: The course "Rust Systems Programming" is paid/)).toBeVisible();

  // Use up the rest of this minute's assistant turns (30 per user), then ask once more.
  const token = await tokenOf(request, who);
  for (let i = 0; i < 29; i++) {
    const r = await request.post('/v1/ai/chat', { headers: { Authorization: `Bearer ${token}` }, data: { prompt: 'help' } });
    expect(r.status()).toBe(200);
  }
  await message.fill('show my enrollments');
  await message.press('Enter');
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('The assistant could not answer');
  await expect(alert).toContainText('Too many assistant requests');
  await expect(alert).toContainText(/\(request [0-9a-f-]{36}\)/);
  await checkPage(page, 'assistant-rate-limited');
});
