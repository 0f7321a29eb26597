// Journey 4, exercises: a learner answers an exercise with all five question
// types, sees the auto-graded result and the attempts left, and the correct
// answers once the exercise is past its due date; a submission refused by the
// server (the exercise closed meanwhile) is explained with its request id.
// The demo instructor authors each test's course and exercise through the API.
import type { APIRequestContext, Page } from '@playwright/test';
import { checkPage, expect, test } from './fixtures';
import { apiAs, demo, newLearner, signIn } from './people';

type Json = Record<string, unknown>;

// Whole journeys with several page checks (axe and screenshots, light and dark)
// on a shared machine: more time than one screen's test needs.
test.describe.configure({ timeout: 60_000 });


const fiveKinds = [
  { type: 'single_choice', prompt: 'Which planet is closest to the Sun?', options: ['Venus', 'Mercury', 'Mars'], correct_options: [1] },
  { type: 'multiple_choice', prompt: 'Which of these are prime?', options: ['2', '4', '7', '9'], correct_options: [0, 2] },
  { type: 'numeric', prompt: 'What is pi to two decimals?', numeric_answer: '3.14', tolerance: '0.005' },
  { type: 'short_text', prompt: 'What is the capital of France?', accepted_answers: ['Paris'] },
  { type: 'free_text', prompt: 'Why do you want to learn this?', points: 2 },
];

/** A published free course (one section, one item) with one exercise; returns their ids. */
async function authorExercise(request: APIRequestContext, exercise: Json) {
  const api = await apiAs(request, demo('instructor'));
  const first = async (path: string) => ((await api.get(path)).items as Array<{ id: string }>)[0]!.id;
  const title = `Quiz Course ${Date.now()}`;
  const course = await api.post('/v1/courses', {
    title,
    description: 'A course with one exercise.',
    category_id: await first('/v1/course-categories'),
    level_id: await first('/v1/course-levels'),
    price: { amount_minor: 0, currency: 'USD' },
  });
  const section = await api.post(`/v1/courses/${course.id}/sections`, { title: 'Practice' });
  await api.post(`/v1/sections/${section.id}/items`, { item_type: 'text', title: 'Before you start', body: { markdown: 'Read each question.' } });
  const ex = await api.post(`/v1/courses/${course.id}/exercises`, { published: true, section_id: section.id, ...exercise });
  await api.post(`/v1/courses/${course.id}/publish`);
  return { api, courseId: course.id as string, courseTitle: title, exerciseId: ex.id as string };
}

/** A new learner, enrolled through the API, signed in on the course player. */
async function learnerIn(page: Page, request: APIRequestContext, courseId: string): Promise<void> {
  const who = await newLearner(request);
  const learner = await apiAs(request, who);
  await learner.post('/v1/enrollments', { course_id: courseId });
  await signIn(page, who, `/learn/${courseId}`);
}

const question = (page: Page, prompt: string) => page.getByRole('group', { name: new RegExp(prompt.replace('?', '\\?')) });

test('a learner answers all five question types, sees the graded result, attempts left and, after the due date, the correct answers', async ({ page, request }) => {
  const { api, courseId, exerciseId } = await authorExercise(request, {
    title: 'Five kinds of question',
    description: 'One of each kind; two attempts.',
    attempts_allowed: 2,
    questions: fiveKinds,
  });
  await learnerIn(page, request, courseId);
  await page.getByRole('region', { name: 'Exercises' }).getByRole('link', { name: 'Five kinds of question' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Five kinds of question' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: '2 of 2' })).toBeVisible();

  // Single choice by keyboard: arrow keys move the choice within the radio group.
  const planet = question(page, 'Which planet is closest to the Sun?');
  await planet.getByRole('radio', { name: 'Venus' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(planet.getByRole('radio', { name: 'Mercury' })).toBeChecked();
  const primes = question(page, 'Which of these are prime?');
  await primes.getByRole('checkbox', { name: '2', exact: true }).check();
  await primes.getByRole('checkbox', { name: '7', exact: true }).check();
  await question(page, 'What is pi to two decimals?').getByLabel('Your answer').fill('3,14');
  await question(page, 'What is the capital of France?').getByLabel('Your answer').fill('  paris ');
  await question(page, 'Why do you want to learn this?').getByLabel('Your answer').fill('To build my own tools.');
  await expect(page.getByText('5 of 5 answered')).toBeVisible();
  await checkPage(page, 'exercise-form');
  await page.getByRole('button', { name: 'Submit answers' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Attempt 1 scored 4 of 6 points.' })).toBeVisible();
  const result = page.getByRole('region', { name: 'Attempt 1: 4 of 6 points' });
  await expect(result.getByRole('heading', { name: 'Attempt 1: 4 of 6 points' })).toBeFocused();
  await expect(result.getByText('Waiting for a grader', { exact: true })).toBeVisible();
  await expect(result.getByText('Correct answer')).toHaveCount(0); // not before the due date
  await expect(page.getByRole('definition').filter({ hasText: '1 of 2' })).toBeVisible();
  await checkPage(page, 'exercise-result');

  // The last attempt: a wrong planet this time.
  await question(page, 'Which planet is closest to the Sun?').getByRole('radio', { name: 'Mars' }).check();
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByRole('heading', { name: 'Attempt 2: 3 of 6 points' })).toBeVisible();
  await expect(page.getByText('You have used all 2 attempts.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit answers' })).toHaveCount(0);
  await expect(page.getByText('Your best score so far: 4')).toBeVisible();
  await page.getByText('Earlier attempts (1)').click();
  await expect(page.getByRole('listitem').filter({ hasText: /^Attempt 1: 4 of 6 points/ })).toBeVisible();

  // The instructor closes the exercise; coming back, the correct answers are shown.
  await api.patch(`/v1/courses/${courseId}/exercises/${exerciseId}`, { due_at: new Date(Date.now() - 60_000).toISOString() });
  await page.getByRole('link', { name: 'Back to the course' }).click();
  await page.getByRole('region', { name: 'Exercises' }).getByRole('link', { name: 'Five kinds of question' }).click();
  await expect(page.getByText(/This exercise closed on/)).toBeVisible();
  const last = page.getByRole('region', { name: 'Attempt 2: 3 of 6 points' });
  const row = (prompt: string) => last.getByRole('listitem').filter({ hasText: prompt });
  await expect(row('closest to the Sun').getByRole('definition').nth(2)).toHaveText('Mercury');
  await expect(row('prime').getByRole('definition').nth(2)).toHaveText('2, 7');
  await expect(row('pi to two').getByRole('definition').nth(2)).toHaveText('3.14 (± 0.005)');
  await expect(row('capital of France').getByRole('definition').nth(2)).toHaveText('Paris');
  await expect(row('closest to the Sun').getByRole('definition').first()).toHaveText('Mars');
  await checkPage(page, 'exercise-closed');
});

test('an exercise that closes while it is open explains why the answers were refused, with the request id', async ({ page, request, problems }) => {
  const { api, courseId, exerciseId } = await authorExercise(request, {
    title: 'Closing soon',
    due_at: new Date(Date.now() + 3_600_000).toISOString(),
    questions: [fiveKinds[0]],
  });
  await learnerIn(page, request, courseId);
  await page.getByRole('region', { name: 'Exercises' }).getByRole('link', { name: 'Closing soon' }).click();
  await question(page, 'Which planet is closest to the Sun?').getByRole('radio', { name: 'Mercury' }).check();

  await api.patch(`/v1/courses/${courseId}/exercises/${exerciseId}`, { due_at: new Date(Date.now() - 1_000).toISOString() });
  problems.allow(/exercises\/.*\/submit answered 409/);
  problems.allow(/status of 409/); // the browser's console line for the same answer
  await page.getByRole('button', { name: 'Submit answers' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Your answers could not be submitted' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/\(request [0-9a-f-]+\)/);
  await expect(page.getByRole('button', { name: 'Submit answers' })).toBeEnabled();
  await checkPage(page, 'exercise-refused');
});

test("the course's instructor reviews an exercise's answer keys instead of taking it", async ({ page, request }) => {
  const { api, courseId, exerciseId } = await authorExercise(request, { title: 'Keys to review', questions: fiveKinds.slice(0, 3) });
  // A learner's attempt is in the instructor's list of submissions, but it is not the instructor's own.
  const learner = await apiAs(request, await newLearner(request));
  await learner.post('/v1/enrollments', { course_id: courseId });
  await learner.post(`/v1/courses/${courseId}/exercises/${exerciseId}/submit`, { answers: [] });
  expect(((await api.get(`/v1/courses/${courseId}/exercises/${exerciseId}/submissions`)).items as unknown[]).length).toBe(1);
  await signIn(page, demo('instructor'), `/courses/${courseId}/exercises/${exerciseId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Keys to review' })).toBeVisible();
  const keys = page.getByRole('region', { name: 'Answer keys' });
  await expect(keys.getByRole('listitem').filter({ hasText: 'closest to the Sun' })).toContainText('Answer: Mercury');
  await expect(keys.getByRole('listitem').filter({ hasText: 'prime' })).toContainText('Answer: 2, 7');
  await expect(page.getByRole('button', { name: 'Submit answers' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^Attempt \d/ })).toHaveCount(0);
  await checkPage(page, 'exercise-grader');
});
