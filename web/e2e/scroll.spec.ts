// Journey 1 (catalog): infinite scroll over cursor pages. The demo data has
// fewer courses than one page, so this test first publishes 25 more through
// the API as the demo administrator (it runs last: the other tests see the
// demo catalog as seeded).
import { expect, test } from './fixtures';

test('the catalog loads the next cursor page when the end of the list scrolls into view', async ({ page, request }) => {
  const login = await request.post('/v1/auth/login', {
    data: { email: 'admin@deltalabs.local', password: 'deltalabs-demo' },
  });
  expect(login.status()).toBe(200);
  const headers = { Authorization: `Bearer ${(await login.json()).access_token}` };
  const category = (await (await request.get('/v1/course-categories')).json()).items[0].id;
  const level = (await (await request.get('/v1/course-levels')).json()).items[0].id;
  for (let i = 1; i <= 25; i++) {
    const n = String(i).padStart(2, '0');
    const created = await request.post('/v1/courses', {
      headers,
      data: {
        title: `Scrolling sample ${n}`,
        description: 'A course published by the browser tests to fill more than one catalog page.',
        category_id: category,
        level_id: level,
        language: 'en',
        price: { amount_minor: 1000 + i, currency: 'USD' },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const id = (await created.json()).id;
    const section = await request.post(`/v1/courses/${id}/sections`, { headers, data: { title: 'Start' } });
    expect(section.status()).toBe(201);
    const item = await request.post(`/v1/sections/${(await section.json()).id}/items`, {
      headers,
      data: { item_type: 'text', title: 'Welcome', body: { markdown: 'Hello' } },
    });
    expect(item.status(), await item.text()).toBe(201);
    const published = await request.post(`/v1/courses/${id}/publish`, { headers });
    expect(published.status(), await published.text()).toBe(200);
  }

  // A short window: the end of the first page is well out of view.
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.goto('/catalog?q=scrolling');
  const courses = page.getByRole('list', { name: 'Courses' });
  await expect(courses.getByRole('listitem')).toHaveCount(20);
  await expect(page.getByText('Showing 20+ courses')).toBeVisible();
  await courses.getByRole('listitem').last().scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 5000);
  await expect(courses.getByRole('listitem')).toHaveCount(25);
  await expect(page.getByText('Showing 25 courses')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
});
