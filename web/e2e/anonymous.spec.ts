// Journey 1 (anonymous part): landing page, catalog search, course intro.
import { checkPage, expect, test } from './fixtures';

test('the landing page shows featured and newest courses from the API', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const featured = page.getByRole('region', { name: 'Featured courses' });
  const newest = page.getByRole('region', { name: 'Newest courses' });
  await expect(featured.getByRole('listitem')).toHaveCount(4);
  await expect(newest.getByRole('listitem')).toHaveCount(4);
  for (const name of ['Catalog', 'My learning', 'Labs', 'Cart', 'Notifications', 'Profile']) {
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true })).toBeVisible();
  }
  await checkPage(page, 'landing');
});

test('an anonymous visitor searches the catalog, filters it and opens a course intro', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Catalog', exact: true }).click();
  await expect(page).toHaveURL(/\/catalog$/);
  const courses = page.getByRole('list', { name: 'Courses' });
  await expect(courses.getByRole('listitem').first()).toBeVisible();
  const all = await courses.getByRole('listitem').count();
  expect(all).toBeGreaterThan(3);
  await checkPage(page, 'catalog');

  await page.getByRole('searchbox', { name: 'Search courses' }).fill('typography');
  await expect(page).toHaveURL(/q=typography/);
  await expect(courses.getByRole('listitem')).toHaveCount(1);
  await expect(courses.getByRole('link', { name: 'Typography for Interfaces' })).toBeVisible();

  // A filter narrows the list through the API (free courses only).
  await page.getByRole('searchbox', { name: 'Search courses' }).fill('');
  await page.getByRole('combobox', { name: 'Price' }).selectOption('free');
  await expect(page).toHaveURL(/price=free/);
  await expect(courses.getByRole('listitem')).not.toHaveCount(all);
  for (const item of await courses.getByRole('listitem').all()) {
    await expect(item.getByText('Free', { exact: true })).toBeVisible();
  }

  await page.getByRole('searchbox', { name: 'Search courses' }).fill('typography');
  await courses.getByRole('link', { name: 'Typography for Interfaces' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Typography for Interfaces' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Syllabus' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Instructors' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Enrollment' }).getByText('Seats left')).toBeVisible();
  await checkPage(page, 'course-intro');

  // The intro is a real URL: a reload is served the app (SPA fallback) and the same course.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Typography for Interfaces' })).toBeVisible();
});

test('a page that does not exist says so inside the app', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByText('This page does not exist')).toBeVisible();
});
