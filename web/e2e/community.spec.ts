// Journey 5 (Q&A and community): a course member asks, answers, votes and
// accepts an answer; starts a discussion and replies; a non-member is told why
// the pages are closed and how to get in.
import type { APIRequestContext, Page } from '@playwright/test';
import { checkPage, expect, test } from './fixtures';
import { demo, newLearner, signIn, type Person } from './people';

const COURSE = 'Python for Absolute Beginners'; // free; learner1 and learner2 are members in the demo data

async function tokenOf(request: APIRequestContext, who: Person): Promise<string> {
  const resp = await request.post('/v1/auth/login', { data: { email: who.email, password: who.password } });
  expect(resp.status()).toBe(200);
  return ((await resp.json()) as { access_token: string }).access_token;
}

async function courseId(request: APIRequestContext, title: string): Promise<string> {
  const resp = await request.get(`/v1/courses?q=${encodeURIComponent(title)}`);
  const body = (await resp.json()) as { items: Array<{ id: string; title: string }> };
  const course = body.items.find((c) => c.title === title);
  expect(course, `course ${title}`).toBeTruthy();
  return course!.id;
}

/** A new learner enrolled in the course through the API (the pages are for members). */
async function member(request: APIRequestContext, course: string): Promise<Person> {
  const who = await newLearner(request);
  const resp = await request.post('/v1/enrollments', {
    headers: { Authorization: `Bearer ${await tokenOf(request, who)}` },
    data: { course_id: course },
  });
  expect(resp.status()).toBe(201);
  return who;
}

/** Signs in and lands on one of the course's community pages through the links between them. */
async function openArea(page: Page, who: Person, course: string, link: 'Questions' | 'Community'): Promise<void> {
  await signIn(page, who, `/courses/${course}/events`);
  await page.getByRole('navigation', { name: 'Course community' }).getByRole('link', { name: link }).click();
}

test('a member asks a question, gets an answer, upvotes it with the keyboard and accepts it', async ({ page, request, problems }) => {
  // A reload cuts the open notification stream (Server-Sent Events); that is not a failure.
  problems.allow(/\/v1\/notifications\/stream failed: net::ERR_ABORTED/);
  const course = await courseId(request, COURSE);
  const who = await member(request, course);
  await openArea(page, who, course, 'Questions');
  await expect(page.getByRole('heading', { level: 1, name: 'Questions and answers' })).toBeVisible();
  await expect(page.getByRole('link', { name: `Back to ${COURSE}` })).toBeVisible();
  const questions = page.getByRole('list', { name: 'Questions' });
  await expect(questions.getByRole('link', { name: 'Why does my loop run one time too many?' })).toBeVisible();
  await checkPage(page, 'course-questions');

  const title = `How do I read a file line by line? ${Date.now()}`;
  await page.getByLabel('Your question').fill(title);
  await page.getByLabel('Details').fill('open() gives me one long string.');
  await page.getByRole('button', { name: 'Post question' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your question is posted.' })).toBeVisible();
  await questions.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Asked by You')).toBeVisible();
  await expect(page.getByRole('heading', { name: '0 answers' })).toBeVisible();

  // Another member answers through the API; the asker sees it with its author's name.
  const questionId = page.url().split('/').pop()!;
  const other = await tokenOf(request, demo('learner2'));
  const answered = await request.post(`/v1/questions/${questionId}/answers`, {
    headers: { Authorization: `Bearer ${other}` },
    data: { body: 'Iterate over the file object: for line in f.' },
  });
  expect(answered.status()).toBe(201);
  await page.reload();
  const answers = page.getByRole('list', { name: 'Answers' });
  const answer = answers.getByRole('listitem').filter({ hasText: 'Iterate over the file object' });
  await expect(answer.getByText('Luis Learner')).toBeVisible();

  const upvote = answer.getByRole('button', { name: 'Upvote the answer by Luis Learner' });
  await upvote.focus();
  await page.keyboard.press('Enter');
  await expect(upvote).toHaveAttribute('aria-pressed', 'true');
  await expect(answer.getByText('1 vote', { exact: true })).toBeVisible();

  await answer.getByRole('button', { name: 'Accept this answer' }).click();
  await expect(answer.getByText('Accepted answer')).toBeVisible();
  await expect(answer.getByRole('button', { name: 'Accept this answer' })).toHaveCount(0);

  await page.getByLabel('Answer', { exact: true }).fill('Thanks, that works. Also: f.readlines().');
  await page.getByRole('button', { name: 'Post answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your answer is posted.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '2 answers' })).toBeVisible();
  await checkPage(page, 'question');

  await page.getByRole('link', { name: "Back to the course's questions" }).click();
  await expect(questions.getByRole('listitem').filter({ hasText: title }).getByText('Answered')).toBeVisible();
});

test('a member reads a discussion, replies in it, and starts a new one', async ({ page, request }) => {
  const course = await courseId(request, COURSE);
  const who = await member(request, course);
  await openArea(page, who, course, 'Community');
  await expect(page.getByRole('heading', { level: 1, name: 'Community' })).toBeVisible();
  const threads = page.getByRole('list', { name: 'Discussions' });
  await threads.getByRole('link', { name: 'Study group on Thursdays?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Study group on Thursdays?' })).toBeVisible();
  const replies = page.getByRole('list', { name: 'Replies' });
  await expect(replies.getByText('Count me in: 18:00 UTC works for me.')).toBeVisible();
  await expect(replies.getByText('Lena Learner')).toBeVisible();

  // Replying with the keyboard only: type, Tab to the button, Enter.
  const reply = `I can join from next week. ${Date.now()}`;
  await page.getByLabel('Your reply').fill(reply);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Post reply' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(replies.getByRole('listitem').filter({ hasText: reply }).getByText('You')).toBeVisible();
  await checkPage(page, 'thread');

  await page.getByRole('link', { name: "Back to the course's discussions" }).click();
  const topic = `Exercise 3 hints ${Date.now()}`;
  await page.getByLabel('Topic').fill(topic);
  await page.getByLabel('Message').fill('Stuck on the loop part; any hint without the answer?');
  await page.getByRole('button', { name: 'Start discussion' }).click();
  await expect(threads.getByRole('link', { name: topic })).toBeVisible();
  await checkPage(page, 'course-community');
});

test('someone who is not a member is told why, with the request id, and how to get in', async ({ page, request, problems }) => {
  problems.allow(/\/community\/threads answered 403/);
  problems.allow(/Failed to load resource: the server responded with a status of 403/);
  const course = await courseId(request, COURSE);
  await signIn(page, await newLearner(request), `/courses/${course}/community`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The discussions could not be loaded');
  await expect(alert).toContainText('Only members of the course take part in its community.');
  await expect(alert).toContainText(/\(request [0-9a-f-]{36}\)/);
  await page.getByRole('link', { name: 'Enroll in the course to take part' }).click();
  await expect(page.getByRole('heading', { level: 1, name: COURSE })).toBeVisible();
});
