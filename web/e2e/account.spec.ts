// Journey 1 (accounts): register → sign in → sign out, once by mouse and once by keyboard alone.
import { checkPage, expect, test } from './fixtures';

function newEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

test('a visitor registers, signs in and signs out', async ({ page }) => {
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

test('register, sign in and sign out by keyboard alone', async ({ page }) => {
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
