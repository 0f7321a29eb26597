// Journey 1 (accounts): register → sign in → sign out, once by mouse and once
// by keyboard alone; verify the email and reset the password with the mailed links.
import { checkPage, expect, test } from './fixtures';
import { mailedToken } from './global-setup';
import { newLearner } from './people';

// The notification stream stays open while signed in; leaving the page or
// signing out cancels it, which the browser reports as an aborted request.
const STREAM_CANCELLED = /notifications\/stream failed: net::ERR_ABORTED/;

function newEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

test('a visitor registers, signs in and signs out', async ({ page, problems }) => {
  problems.allow(STREAM_CANCELLED);
  const email = newEmail('e2e');
  await page.goto('/');
  await page.getByRole('link', { name: 'Register' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create your account');
  await checkPage(page, 'register');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill('Lovelace');
  await page.getByRole('button', { name: 'Register' }).click();

  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('status').filter({ hasText: 'Your account is ready' })).toBeVisible();
  await expect(page.getByLabel('Email or username')).toHaveValue(email);
  await checkPage(page, 'sign-in');
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/my-learning$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My learning' })).toBeVisible();
  await expect(page.getByText('You are not enrolled in any course yet')).toBeVisible();
  await checkPage(page, 'my-learning');
  await page.getByRole('link', { name: 'Profile', exact: true }).click();
  await expect(page.getByText(email)).toBeVisible();
  await checkPage(page, 'profile');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  // Signed out for real: a page that needs an account sends us to sign in.
  await page.getByRole('link', { name: 'My learning', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmy-learning/);
});

test('the API explains a duplicate registration next to the form, with its request id', async ({ page, problems }) => {
  problems.allow(/auth\/register answered 409|status of 409/);
  await page.goto('/register');
  await page.getByLabel('Email', { exact: true }).fill('learner1@deltalabs.local');
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  await page.getByLabel('First name').fill('Dup');
  await page.getByLabel('Last name').fill('Licate');
  await page.getByRole('button', { name: 'Register' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not register');
  await expect(alert).toContainText(/request [0-9a-f-]{36}/);
});

test('register, sign in and sign out by keyboard alone', async ({ page, problems }) => {
  problems.allow(STREAM_CANCELLED);
  const email = newEmail('keys');
  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible();
  // Tab from the top of the page to the first field of the form.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  const emailField = page.getByLabel('Email', { exact: true });
  for (let i = 0; i < 20 && !(await emailField.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(emailField).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type('correct horse battery');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Grace');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Hopper');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/sign-in/);
  const password = page.getByLabel('Password', { exact: true });
  for (let i = 0; i < 20 && !(await password.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(password).toBeFocused();
  await page.keyboard.type('correct horse battery');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'My learning' })).toBeVisible();

  const signOut = page.getByRole('button', { name: 'Sign out' });
  for (let i = 0; i < 30 && !(await signOut.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(signOut).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('a new learner verifies their email with the mailed link', async ({ page, request }) => {
  const who = await newLearner(request);
  const token = mailedToken(who.email, '/verify-email');
  expect(token, 'a verification mail in the outbox').toBeTruthy();
  await page.goto(`/verify-email?token=${token}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Verify your email' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Your email address is verified' })).toBeVisible();
  await checkPage(page, 'verify-email');
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email or username').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My learning' })).toBeVisible();
  await page.getByRole('link', { name: 'Profile', exact: true }).click();
  await expect(page.getByText('Verified', { exact: true })).toBeVisible();
});

test('a used or wrong verification link is explained with its request id', async ({ page, problems }) => {
  problems.allow(/verify-email answered 400|status of 400/);
  await page.goto('/verify-email?token=not-a-real-token');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Your email could not be verified');
  await expect(alert).toContainText(/request [0-9a-f-]{36}/);
});

test('forgot password → mailed link → new password → sign in, by keyboard', async ({ page, request, problems }) => {
  problems.allow(STREAM_CANCELLED);
  const who = await newLearner(request);
  await page.goto('/sign-in');
  await page.getByLabel('Email or username').fill(who.email);
  const forgot = page.getByRole('link', { name: 'Forgot your password?' });
  await forgot.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(who.email);
  await checkPage(page, 'forgot-password');
  await page.getByLabel('Email').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `If an account uses ${who.email}` })).toBeVisible();

  const token = mailedToken(who.email, '/reset-password');
  expect(token, 'a reset mail in the outbox').toBeTruthy();
  await page.goto(`/reset-password?token=${token}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Set a new password' })).toBeVisible();
  await checkPage(page, 'reset-password');
  const fresh = 'a brand new passphrase';
  await page.getByLabel('New password', { exact: true }).fill(fresh);
  await page.getByLabel('Repeat the new password').fill('something else');
  await page.getByLabel('Repeat the new password').press('Enter');
  await expect(page.getByText('The two passwords differ.')).toBeVisible();
  await page.getByLabel('Repeat the new password').fill(fresh);
  await page.getByLabel('Repeat the new password').press('Enter');

  await expect(page).toHaveURL(/\/sign-in\?reset=1/);
  await expect(page.getByRole('status').filter({ hasText: 'Your new password is set' })).toBeVisible();
  await page.getByLabel('Email or username').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(fresh);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'My learning' })).toBeVisible();
});

test('a reset link used twice is refused with the reason and its request id', async ({ page, request, problems }) => {
  problems.allow(/reset-password answered 400|status of 400/);
  const who = await newLearner(request);
  expect((await request.post('/v1/auth/forgot-password', { data: { email: who.email } })).status()).toBe(202);
  const token = mailedToken(who.email, '/reset-password');
  expect((await request.post('/v1/auth/reset-password', { data: { token, new_password: 'first new password' } })).status()).toBe(204);
  await page.goto(`/reset-password?token=${token}`);
  await page.getByLabel('New password', { exact: true }).fill('second new password');
  await page.getByLabel('Repeat the new password').fill('second new password');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not set the password');
  await expect(alert).toContainText(/request [0-9a-f-]{36}/);
  await expect(page.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
});
