// Journeys 3 and 6 (first steps): a learner enrolls in a free course from its
// intro and finds it in My learning; a paid course goes into the cart.
import { checkPage, expect, test } from './fixtures';
import { newLearner, signIn } from './people';
import type { Page } from '@playwright/test';

async function openCourse(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Catalog', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search courses' }).fill(title);
  const courses = page.getByRole('list', { name: 'Courses' });
  await expect(courses.getByRole('listitem')).toHaveCount(1); // the search has answered
  await courses.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('an anonymous visitor who wants to enroll is sent to sign in and back to the course', async ({ page, request }) => {
  const who = await newLearner(request);
  await page.goto('/catalog');
  await page.getByRole('searchbox', { name: 'Search courses' }).fill('SQL from the Ground Up');
  const courses = page.getByRole('list', { name: 'Courses' });
  await expect(courses.getByRole('listitem')).toHaveCount(1); // the search has answered
  await courses.getByRole('link', { name: 'SQL from the Ground Up' }).click();
  await page.getByRole('button', { name: 'Enroll' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcourses%2F/);
  await page.getByLabel('Email or username').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'SQL from the Ground Up' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enroll' })).toBeVisible();
});

test('a learner enrolls in a free course and sees it in My learning', async ({ page, request }) => {
  const who = await newLearner(request);
  await signIn(page, who);
  await openCourse(page, 'Python for Absolute Beginners');
  const panel = page.getByRole('complementary', { name: 'Enrollment' });
  await expect(panel.getByText('Free', { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: 'Enroll' }).click();
  await expect(panel.getByText('You are enrolled.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Enroll' })).toHaveCount(0);
  await checkPage(page, 'course-intro-enrolled');

  await page.getByRole('link', { name: 'My learning', exact: true }).click();
  const mine = page.getByRole('list', { name: 'My courses' });
  await expect(mine.getByRole('link', { name: 'Python for Absolute Beginners' })).toBeVisible();
  await expect(mine.getByRole('progressbar', { name: 'Progress in Python for Absolute Beginners' })).toHaveAttribute(
    'aria-valuenow',
    '0',
  );
  await checkPage(page, 'my-learning-enrolled');
});

test('a learner puts a paid course into the cart and sees its price and total', async ({ page, request }) => {
  const who = await newLearner(request);
  await signIn(page, who);
  await openCourse(page, 'Rust Systems Programming');
  const panel = page.getByRole('complementary', { name: 'Enrollment' });
  await panel.getByRole('button', { name: 'Add to cart' }).click();
  await expect(panel.getByText('In your cart.')).toBeVisible();

  await page.getByRole('link', { name: 'Cart', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cart' })).toBeVisible();
  await expect(page.getByRole('main').getByText('Rust Systems Programming')).toBeVisible();
  await expect(page.getByRole('definition').last()).toHaveText(/59/);
  await checkPage(page, 'cart');
});

test('labs and notifications read the API', async ({ page, request }) => {
  const who = await newLearner(request);
  await signIn(page, who);
  await page.getByRole('link', { name: 'Labs', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Labs' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Labs' }).getByRole('listitem').first()).toBeVisible();
  await checkPage(page, 'labs');
  await page.getByRole('link', { name: 'Notifications', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(page.getByText('Nothing new').or(page.getByRole('list', { name: 'Notifications' }))).toBeVisible();
  await checkPage(page, 'notifications');
});
