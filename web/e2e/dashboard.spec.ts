// Journey 2: the learner's dashboard (My learning) and the notification bell.
// Each learner is new; what the dashboard shows is made through the API as a
// person would: enroll, save a course, ask a question that an instructor answers.
import type { APIRequestContext, Page } from '@playwright/test';
import { checkPage, expect, test } from './fixtures';
import { demo, newLearner, signIn, type Person } from './people';

const PYTHON = 'Python for Absolute Beginners'; // free, taught by instructor@
const UX = 'UX Research Methods'; // paid
const STREAM_CANCELLED = /notifications\/stream failed: net::ERR_ABORTED/;

async function tokenOf(request: APIRequestContext, who: Person): Promise<string> {
  const resp = await request.post('/v1/auth/login', { data: { email: who.email, password: who.password } });
  expect(resp.status()).toBe(200);
  return ((await resp.json()) as { access_token: string }).access_token;
}

async function courseId(request: APIRequestContext, title: string): Promise<string> {
  const resp = await request.get(`/v1/courses?q=${encodeURIComponent(title)}`);
  const found = ((await resp.json()) as { items: Array<{ id: string; title: string }> }).items.find((c) => c.title === title);
  expect(found, title).toBeTruthy();
  return found!.id;
}

/** A learner enrolled in Python who saved UX Research Methods and asked a question in Python. */
async function busyLearner(request: APIRequestContext) {
  const who = await newLearner(request);
  const auth = { Authorization: `Bearer ${await tokenOf(request, who)}` };
  const python = await courseId(request, PYTHON);
  const enrolled = await request.post('/v1/enrollments', {
    headers: { ...auth, 'Idempotency-Key': crypto.randomUUID() },
    data: { course_id: python },
  });
  expect(enrolled.status()).toBe(201);
  expect((await request.post('/v1/wishlist', { headers: auth, data: { course_id: await courseId(request, UX) } })).ok()).toBe(true);
  const title = `When does a for loop stop? ${Date.now()}`;
  const asked = await request.post(`/v1/courses/${python}/questions`, {
    headers: auth,
    data: { title, body: 'My loop runs one time too many.' },
  });
  expect(asked.status()).toBe(201);
  const questionId = ((await asked.json()) as { id: string }).id;
  return { who, title, questionId };
}

/** The course's instructor answers, which notifies the asker. */
async function instructorAnswers(request: APIRequestContext, questionId: string): Promise<void> {
  const auth = { Authorization: `Bearer ${await tokenOf(request, demo('instructor'))}` };
  const resp = await request.post(`/v1/questions/${questionId}/answers`, {
    headers: auth,
    data: { body: 'When the range has no more values.' },
  });
  expect(resp.status()).toBe(201);
}

const bell = (page: Page) => page.getByRole('banner').getByRole('link', { name: 'Notifications', exact: true });

test('the dashboard shows my courses, activity, wishlist and notifications, unread first', async ({ page, request }) => {
  const { who, title, questionId } = await busyLearner(request);
  await instructorAnswers(request, questionId);
  await signIn(page, who, '/my-learning');
  await expect(page.getByRole('heading', { level: 1, name: 'My learning' })).toBeVisible();

  const courses = page.getByRole('list', { name: 'My courses' });
  await expect(courses.getByRole('progressbar', { name: `Progress in ${PYTHON}` })).toHaveAttribute('aria-valuenow', '0');
  const activity = page.getByRole('list', { name: 'Recent activity' });
  await expect(activity.getByText(`Enrolled in ${PYTHON}`)).toBeVisible();
  await expect(activity.getByText(`Added ${UX} to the wishlist`)).toBeVisible();
  const wishlist = page.getByRole('list', { name: 'Wishlist' });
  await expect(wishlist.getByRole('link', { name: UX })).toBeVisible();
  const latest = page.getByRole('list', { name: 'Latest notifications' });
  await expect(latest.getByText(`New answer to “${title}”`)).toBeVisible();
  await expect(bell(page)).toHaveAccessibleDescription('1 unread');
  await checkPage(page, 'dashboard');

  // Mark it read with the keyboard: the bell and the list follow.
  const markRead = latest.getByRole('button', { name: `Mark read: New answer to “${title}”` });
  await markRead.focus();
  await page.keyboard.press('Enter');
  await expect(bell(page)).toHaveAccessibleDescription('none unread');
  await expect(latest.getByRole('button', { name: /^Mark read/ })).toHaveCount(0);

  // Remove the saved course: the wishlist empties.
  await wishlist.getByRole('button', { name: `Remove ${UX} from the wishlist` }).click();
  await expect(page.getByText('Your wishlist is empty')).toBeVisible();
});

test('a notification created by another user appears within 2 s without a reload', async ({ page, request, problems }) => {
  problems.allow(STREAM_CANCELLED);
  const { who, title, questionId } = await busyLearner(request);
  const streamOpen = page.waitForResponse((r) => r.url().includes('/v1/notifications/stream') && r.ok());
  await signIn(page, who, '/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(page.getByText('Nothing new')).toBeVisible();
  await expect(bell(page)).toHaveAccessibleDescription('none unread');
  await streamOpen;

  await instructorAnswers(request, questionId);
  // Only the stream can tell the page: nothing polls, and the lists are fresh for a minute.
  await expect(bell(page)).toHaveAccessibleDescription('1 unread', { timeout: 2000 });
  await expect(page.getByRole('status').filter({ hasText: `New notification: New answer to “${title}”` })).toBeVisible();
  const list = page.getByRole('list', { name: 'Notifications' });
  await expect(list.getByText(`New answer to “${title}”`)).toBeVisible();
  await checkPage(page, 'notifications-live');

  // Opening it leads to the question, and counts as reading it.
  await list.getByRole('link', { name: `New answer to “${title}”` }).click();
  await expect(page).toHaveURL(new RegExp(`/questions/${questionId}$`));
  await expect(bell(page)).toHaveAccessibleDescription('none unread');
});

test('removing a course already gone from the wishlist is explained with the request id', async ({ page, request, problems }) => {
  problems.allow(/wishlist\/[0-9a-f-]+ answered 404|status of 404/);
  const { who } = await busyLearner(request);
  await signIn(page, who, '/my-learning');
  const wishlist = page.getByRole('list', { name: 'Wishlist' });
  await expect(wishlist.getByRole('link', { name: UX })).toBeVisible();
  // Meanwhile, in another tab, the course leaves the wishlist.
  const auth = { Authorization: `Bearer ${await tokenOf(request, who)}` };
  expect((await request.delete(`/v1/wishlist/${await courseId(request, UX)}`, { headers: auth })).status()).toBe(204);

  await wishlist.getByRole('button', { name: `Remove ${UX} from the wishlist` }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not remove the course');
  await expect(alert).toContainText('The wishlist item does not exist.');
  await expect(alert).toContainText(/request [0-9a-f-]{36}/);
  await expect(page.getByText('Your wishlist is empty')).toBeVisible();
});
