// Journey 4, grades: a learner's grade items, weighted course score and the
// ranking; filing an appeal and seeing a grader resolve it (the grader acts
// through the API, as the demo instructor); a refused appeal explained with
// its request id.
import type { APIRequestContext, Page } from '@playwright/test';
import { checkPage, expect, test } from './fixtures';
import { apiAs, demo, newLearner, signIn } from './people';

type Json = Record<string, unknown>;

// Whole journeys with several page checks (axe and screenshots, light and dark)
// on a shared machine: more time than one screen's test needs.
test.describe.configure({ timeout: 60_000 });


/**
 * A published free course with a two-point exercise, and a new learner in it
 * who answered wrong (0 of 2): the grade to appeal.
 */
async function gradedLearner(request: APIRequestContext) {
  const instructor = await apiAs(request, demo('instructor'));
  const first = async (path: string) => ((await instructor.get(path)).items as Array<{ id: string }>)[0]!.id;
  const title = `Appeals Course ${Date.now()}`;
  const course = await instructor.post('/v1/courses', {
    title,
    description: 'A course with one graded exercise.',
    category_id: await first('/v1/course-categories'),
    level_id: await first('/v1/course-levels'),
    price: { amount_minor: 0, currency: 'USD' },
  });
  const courseId = course.id as string;
  const section = await instructor.post(`/v1/courses/${courseId}/sections`, { title: 'Week 1' });
  await instructor.post(`/v1/sections/${section.id}/items`, { item_type: 'text', title: 'Notes', body: { markdown: 'Read me.' } });
  const exercise = await instructor.post(`/v1/courses/${courseId}/exercises`, {
    title: 'Units check',
    published: true,
    questions: [{ type: 'short_text', prompt: 'The SI unit of force?', accepted_answers: ['newton'], points: 2 }],
  });
  await instructor.post(`/v1/courses/${courseId}/publish`);
  const who = await newLearner(request);
  const learner = await apiAs(request, who);
  await learner.post('/v1/enrollments', { course_id: courseId });
  const questionId = (exercise.questions as Array<{ id: string }>)[0]!.id;
  await learner.post(`/v1/courses/${courseId}/exercises/${exercise.id}/submit`, {
    answers: [{ question_id: questionId, text: 'newtons' }],
  });
  return { instructor, learner, who, courseId, title };
}

const itemRow = (page: Page, exercise: string) =>
  page.getByRole('table', { name: 'Grade items' }).getByRole('row').filter({ hasText: exercise });
const courseScore = (page: Page) => page.getByRole('region', { name: 'Course score' });

test('a learner sees grade items, the weighted course score and the ranking', async ({ page }) => {
  await signIn(page, demo('learner1'));
  await page.getByRole('link', { name: 'Catalog', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search courses' }).fill('Python for Absolute Beginners');
  const courses = page.getByRole('list', { name: 'Courses' });
  await expect(courses.getByRole('listitem')).toHaveCount(1);
  await courses.getByRole('link', { name: 'Python for Absolute Beginners' }).click();
  await page.getByRole('complementary', { name: 'Enrollment' }).getByRole('link', { name: 'Grades' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Grades: Python for Absolute Beginners' })).toBeVisible();
  // Demo grades: 4/4 with weight 1 and 3/4 with weight 2 → (1·100 + 2·75) / 3 = 83.33 %.
  await expect(courseScore(page)).toContainText('83.33%');
  await expect(itemRow(page, 'Check your understanding').getByRole('cell').nth(0)).toHaveText('1');
  await expect(itemRow(page, 'Check your understanding')).toContainText('4 of 4');
  await expect(itemRow(page, 'Reflection').getByRole('cell').nth(0)).toHaveText('2');
  await expect(itemRow(page, 'Reflection')).toContainText('3 of 4');
  const me = page.getByRole('table', { name: 'Ranking by course score' }).getByRole('row').filter({ hasText: '(you)' });
  await expect(me).toContainText('Lena Learner (you)');
  await expect(me).toContainText('83.33');
  await checkPage(page, 'grades');
});

test('a learner appeals a grade and sees the grader accept it with a new score', async ({ page, request }) => {
  const { instructor, who, courseId } = await gradedLearner(request);
  await signIn(page, who, `/courses/${courseId}/grades`);
  await expect(itemRow(page, 'Units check')).toContainText('0 of 2');
  await expect(courseScore(page)).toContainText('0%');

  await page.getByRole('button', { name: 'Appeal the grade for Units check' }).click();
  const dialog = page.getByRole('dialog', { name: 'Appeal: Units check' });
  await expect(dialog.getByRole('button', { name: 'File the appeal' })).toBeDisabled(); // no reason yet
  // By keyboard: type the reason, then Tab to the button and press Enter.
  await dialog.getByLabel('Reason').fill('"newtons" is the plural of the right unit.');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'File the appeal' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Your appeal for Units check is filed.')).toBeVisible();
  const appeals = page.getByRole('list', { name: 'My appeals' });
  await expect(appeals.getByRole('listitem')).toHaveCount(1);
  await expect(appeals).toContainText('Open');
  await expect(itemRow(page, 'Units check')).toContainText('Appeal open');
  await checkPage(page, 'grades-appeal-open');

  // The grader accepts it through the API; the open page updates by itself.
  const list = (await instructor.get(`/v1/courses/${courseId}/appeals?status=open`)).items as Array<{ id: string }>;
  expect(list).toHaveLength(1);
  await instructor.patch(`/v1/appeals/${list[0]!.id}`, { status: 'accepted', score: 2, note: 'Plural accepted.' });
  await expect(appeals).toContainText('Accepted', { timeout: 15_000 });
  await expect(appeals).toContainText('New score: 2');
  await expect(appeals).toContainText("Grader's note: Plural accepted.");
  await expect(itemRow(page, 'Units check')).toContainText('2 of 2');
  await expect(courseScore(page)).toContainText('100%');
  await expect(page.getByRole('button', { name: 'Appeal the grade for Units check' })).toBeVisible();
  await checkPage(page, 'grades-appeal-accepted');
  // The course player's exercise list shows the new score too.
  await page.getByRole('navigation', { name: 'This course' }).getByRole('link', { name: 'Course player' }).click();
  await expect(
    page.getByRole('region', { name: 'Exercises' }).getByRole('listitem').filter({ hasText: 'Units check' }),
  ).toContainText('Score 2 of 2');
});

test('an appeal the server refuses is explained with its request id; a rejected one shows the note', async ({ page, request, problems }) => {
  const { instructor, learner, who, courseId } = await gradedLearner(request);
  await signIn(page, who, `/courses/${courseId}/grades`);
  await expect(itemRow(page, 'Units check')).toContainText('0 of 2');

  // Meanwhile the same learner appealed from elsewhere (another tab, the API): this page does not know yet.
  const grades = (await learner.get(`/v1/courses/${courseId}/grades`)).items as Array<{ items: Array<{ id: string }> }>;
  await learner.post(`/v1/grade-items/${grades[0]!.items[0]!.id}/appeals`, { reason: 'Filed elsewhere.' });
  problems.allow(/appeals answered 409/);
  problems.allow(/status of 409/); // the browser's console line for the same answer
  await page.getByRole('button', { name: 'Appeal the grade for Units check' }).click();
  const dialog = page.getByRole('dialog', { name: 'Appeal: Units check' });
  await dialog.getByLabel('Reason').fill('Please look again.');
  await dialog.getByRole('button', { name: 'File the appeal' }).click();
  const alert = dialog.getByRole('alert').filter({ hasText: 'Your appeal could not be filed' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/\(request [0-9a-f-]+\)/);
  await checkPage(page, 'grades-appeal-refused');
  await dialog.getByRole('button', { name: 'Close' }).click();
  // The refusal told the page it was behind: it now shows the appeal filed elsewhere.
  const appeals = page.getByRole('list', { name: 'My appeals' });
  await expect(appeals).toContainText('Filed elsewhere.');
  await expect(itemRow(page, 'Units check')).toContainText('Appeal open');

  const open = (await instructor.get(`/v1/courses/${courseId}/appeals?status=open`)).items as Array<{ id: string }>;
  await instructor.patch(`/v1/appeals/${open[0]!.id}`, { status: 'rejected', note: 'Only the singular counts.' });
  await expect(appeals).toContainText('Rejected', { timeout: 15_000 });
  await expect(appeals).toContainText("Grader's note: Only the singular counts.");
  await expect(itemRow(page, 'Units check')).toContainText('0 of 2');
});
