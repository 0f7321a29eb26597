// Journey 9: my profile and preferences: details and username, theme (a stored
// choice overrides the system's), language and notification settings, the
// password change, which ends every other session (the expired-session path),
// and signing out everywhere.
import type { APIRequestContext, Page } from '@playwright/test';
import { checkPage, expect, expectAccessible, test } from './fixtures';
import { newLearner, signIn } from './people';

const STREAM_CANCELLED = /notifications\/stream failed: net::ERR_ABORTED/;

/** The page background, which the theme's tokens set. */
const pageBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const LIGHT_PAGE = 'rgb(245, 248, 249)'; // --dl-page, light
const DARK_PAGE = 'rgb(13, 23, 28)'; // --dl-page, dark

async function register(request: APIRequestContext, username: string) {
  const resp = await request.post('/v1/auth/register', {
    data: { email: `${username}@example.com`, password: 'correct horse battery', first_name: 'Taken', last_name: 'Name', username },
  });
  expect(resp.status()).toBe(201);
}

test('a learner edits the profile and signs in with the new username', async ({ page, request, problems }) => {
  problems.allow(STREAM_CANCELLED);
  const who = await newLearner(request);
  await signIn(page, who, '/profile');
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await checkPage(page, 'profile');
  const username = `lin${Date.now()}`;
  await page.getByLabel('First name').fill('Linnea');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Username').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Your profile is saved.' })).toBeVisible();
  await expect(page.getByRole('banner').getByText('Linnea')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email or username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My learning' })).toBeVisible();
  await page.getByRole('link', { name: 'Profile', exact: true }).click();
  await expect(page.getByLabel('Username')).toHaveValue(username);
  await expect(page.getByLabel('First name')).toHaveValue('Linnea');
});

test('a username someone has is refused with the reason and the request id', async ({ page, request, problems }) => {
  problems.allow(/users\/me answered 409|status of 409/);
  const taken = `taken${Date.now()}`;
  await register(request, taken);
  const who = await newLearner(request);
  await signIn(page, who, '/profile');
  await expect(page.getByLabel('First name')).toHaveValue('Lin'); // the profile is read
  await page.getByLabel('Username').fill(taken);
  await expect(page.getByLabel('Username')).toHaveValue(taken);
  await page.getByRole('button', { name: 'Save profile' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not save your profile');
  await expect(alert).toContainText(/request [0-9a-f-]{36}/);
});

test('a stored theme overrides the system one; language and notification settings are saved', async ({ page, request, problems }) => {
  problems.allow(STREAM_CANCELLED); // the reload
  const who = await newLearner(request);
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, who, '/profile');
  await page.getByRole('navigation', { name: 'Profile sections' }).getByRole('link', { name: 'Preferences' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Preferences' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
  await checkPage(page, 'preferences');

  // Radios by keyboard: arrow keys move the choice within the group.
  await page.getByRole('radio', { name: 'System' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await page.getByLabel('Language').selectOption('Deutsch');
  await page.getByRole('checkbox', { name: 'Email' }).uncheck();
  await page.getByLabel('Email digest').selectOption('Daily');
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your preferences are saved.' })).toBeVisible();
  // The system is light, the stored choice dark: dark wins.
  expect(await pageBackground(page)).toBe(DARK_PAGE);
  await expectAccessible(page, 'preferences (stored dark under a light system)');

  await page.reload();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  expect(await pageBackground(page)).toBe(DARK_PAGE);
  await expect(page.getByLabel('Language')).toHaveValue('de');
  await expect(page.getByRole('checkbox', { name: 'Email' })).not.toBeChecked();
  await expect(page.getByLabel('Email digest')).toHaveValue('daily');

  // Back to the system's choice: light again, as the system says.
  await page.getByRole('radio', { name: 'System' }).check();
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your preferences are saved.' })).toBeVisible();
  expect(await pageBackground(page)).toBe(LIGHT_PAGE);
});

test('changing the password keeps this page signed in; another browser is sent to sign in and back', async ({ page, browser, problems }) => {
  const who = await newLearner(page.request);
  // The other browser: signed in too, on the preferences page.
  const other = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const phone = await other.newPage();
  await signIn(phone, who, '/profile/preferences');
  await expect(phone.getByRole('heading', { level: 1, name: 'Preferences' })).toBeVisible();

  await signIn(page, who, '/profile');
  const form = page.getByRole('form', { name: 'Change your password' });
  // A wrong current password is explained on its field, and nothing changes.
  await form.getByLabel('Current password').fill('not my password');
  await form.getByLabel('New password', { exact: true }).fill('a new and better passphrase');
  await form.getByLabel('Repeat the new password').fill('a new and better passphrase');
  problems.allow(/change-password answered 400|status of 400/);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('does not match your password')).toBeVisible();
  await expect(form.getByRole('alert')).toContainText(/request [0-9a-f-]{36}/);
  await checkPage(page, 'profile-password');

  // By keyboard: the right current password, then Enter.
  await form.getByLabel('Current password').fill(who.password);
  await form.getByLabel('Repeat the new password').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Your password is changed' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible(); // still signed in

  // The other browser's next action finds its session gone: sign in and back.
  problems.allow(/answered 401|status of 401/);
  await phone.getByRole('button', { name: 'Save preferences' }).click();
  await expect(phone).toHaveURL(/\/sign-in\?expired=1&next=%2Fprofile%2Fpreferences/);
  await expect(phone.getByRole('status').filter({ hasText: 'Your session has ended' })).toBeVisible();
  await phone.getByLabel('Email or username').fill(who.email);
  await phone.getByLabel('Password', { exact: true }).fill('a new and better passphrase');
  await phone.getByRole('button', { name: 'Sign in' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Preferences' })).toBeVisible();
  await other.close();
});

test('signing out everywhere ends the session of this page and of the other browser', async ({ page, browser, problems }) => {
  const who = await newLearner(page.request);
  const other = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const phone = await other.newPage();
  await signIn(phone, who, '/my-learning');
  await signIn(page, who, '/profile');

  await page.getByRole('button', { name: 'End every session' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You are signed out on every device.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  problems.allow(/answered 401|status of 401/);
  await phone.reload();
  await expect(phone).toHaveURL(/\/sign-in/);
  await other.close();
});
