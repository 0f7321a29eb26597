// Journey 3, learning: a learner enrolls in a free course from its intro, goes
// through the course player (every content item type), marks items started
// and completed while the server derives the percent, follows the roadmap,
// and enrolls in a super-course. Courses the demo data lacks (one with file,
// link and exercise items, a roadmap, super-courses) are authored first by
// the demo instructor through the real API.
import type { APIRequestContext, Page } from '@playwright/test';
import { checkPage, expect, test } from './fixtures';
import { demo, newLearner, signIn } from './people';

type Json = Record<string, unknown>;

// Whole journeys with several page checks (axe and screenshots, light and dark)
// on a shared machine: more time than one screen's test needs.
test.describe.configure({ timeout: 60_000 });

/** The demo instructor's API calls (Bearer token from a real sign-in). */
async function instructorApi(request: APIRequestContext) {
  const login = await request.post('/v1/auth/login', { data: demo('instructor') });
  expect(login.status()).toBe(200);
  const token = ((await login.json()) as { access_token: string }).access_token;
  const headers = { Authorization: `Bearer ${token}` };
  const call = async (method: 'get' | 'post', path: string, data?: Json): Promise<Json> => {
    const resp = await request[method](path, { headers, ...(data ? { data } : {}) });
    expect(resp.ok(), `${method.toUpperCase()} ${path}: ${await resp.text()}`).toBe(true);
    return (await resp.json()) as Json;
  };
  return { get: (path: string) => call('get', path), post: (path: string, data?: Json) => call('post', path, data) };
}

type Instructor = Awaited<ReturnType<typeof instructorApi>>;

const firstId = async (api: Instructor, path: string) => ((await api.get(path)).items as Array<{ id: string }>)[0]!.id;

/** A published free course with two sections holding every content item type, and a roadmap. */
async function authorCourse(api: Instructor, title: string) {
  const course = await api.post('/v1/courses', {
    title,
    description: 'Field methods, from notebook to data.',
    category_id: await firstId(api, '/v1/course-categories'),
    level_id: await firstId(api, '/v1/course-levels'),
    price: { amount_minor: 0, currency: 'USD' },
  });
  const courseId = course.id as string;
  const basics = (await api.post(`/v1/courses/${courseId}/sections`, { title: 'Observing' })).id as string;
  const practice = (await api.post(`/v1/courses/${courseId}/sections`, { title: 'Recording' })).id as string;
  const exercise = await api.post(`/v1/courses/${courseId}/exercises`, {
    title: 'Field quiz',
    published: true,
    section_id: practice,
    questions: [{ type: 'single_choice', prompt: 'Which tool records sound?', options: ['Microphone', 'Ruler'], correct_options: [0] }],
  });
  const item = (section: string, data: Json) => api.post(`/v1/sections/${section}/items`, data);
  await item(basics, { item_type: 'text', title: 'What to look for', body: { markdown: 'Look twice.\nWrite once.' } });
  await item(basics, { item_type: 'video', title: 'A morning in the field', body: { url: 'https://videos.example.com/field', seconds: 540 } });
  await item(practice, { item_type: 'file', title: 'Notebook template', body: { url: 'https://files.example.com/notebook.pdf', name: 'notebook.pdf' } });
  await item(practice, { item_type: 'link', title: 'Further reading', body: { url: 'https://example.com/reading', label: 'the reading list' } });
  await item(practice, { item_type: 'exercise_ref', title: 'Quiz: recording', body: { exercise_id: exercise.id } });
  await api.post(`/v1/courses/${courseId}/roadmap/sections`, { title: 'Learn to observe', section_id: basics, description: 'Read and watch the basics.' });
  await api.post(`/v1/courses/${courseId}/roadmap/sections`, { title: 'Keep a field notebook', section_id: practice });
  await api.post(`/v1/courses/${courseId}/publish`);
  return { courseId, basics, practice, exerciseId: exercise.id as string };
}

async function enrollFromIntro(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Catalog', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search courses' }).fill(title);
  const courses = page.getByRole('list', { name: 'Courses' });
  await expect(courses.getByRole('listitem')).toHaveCount(1); // the search has answered
  await courses.getByRole('link', { name: title }).click();
  const panel = page.getByRole('complementary', { name: 'Enrollment' });
  await panel.getByRole('button', { name: 'Enroll' }).click();
  await expect(panel.getByText('You are enrolled.')).toBeVisible();
}

const progress = (page: Page) => page.getByRole('progressbar', { name: 'Course progress' });
const outline = (page: Page) => page.getByRole('navigation', { name: 'Course outline' });

test('an enrolled learner gets links into the course from its intro', async ({ page, request }) => {
  const who = await newLearner(request);
  await signIn(page, who);
  await enrollFromIntro(page, 'SQL from the Ground Up');
  const panel = page.getByRole('complementary', { name: 'Enrollment' });
  const courseUrl = new URL(page.url()).pathname; // /courses/<id>
  const id = courseUrl.split('/')[2]!;
  await expect(panel.getByRole('link', { name: 'Start learning' })).toHaveAttribute('href', `/learn/${id}`);
  await expect(panel.getByRole('progressbar', { name: 'Progress in SQL from the Ground Up' })).toHaveAttribute('aria-valuenow', '0');
  const places = panel.getByRole('navigation', { name: 'This course' });
  for (const [name, href] of [
    ['Roadmap', `/learn/${id}/roadmap`],
    ['Grades', `/courses/${id}/grades`],
    ['Q&A', `/courses/${id}/questions`],
    ['Community', `/courses/${id}/community`],
    ['Events', `/courses/${id}/events`],
  ] as const) {
    await expect(places.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
  }
  await checkPage(page, 'course-intro-links');
});

test('a learner works through the player: items start when opened, completing them moves the percent', async ({ page, request }) => {
  const who = await newLearner(request);
  await signIn(page, who);
  await enrollFromIntro(page, 'Typography for Interfaces');
  await page.getByRole('link', { name: 'Start learning' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Typography for Interfaces' })).toBeVisible();
  // The first item opens, and opening it records "started" on the server.
  await expect(page.getByRole('heading', { level: 2, name: 'Type basics: walkthrough' })).toBeVisible();
  await expect(outline(page).getByRole('link', { name: 'Type basics: walkthrough (Started)' })).toBeVisible();
  await expect(outline(page).getByRole('link', { name: 'Type basics: walkthrough (Started)' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: /Watch the video \(10 min\)/ })).toHaveAttribute('href', 'https://videos.deltalabs.local/demo');
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '0');

  await page.getByRole('button', { name: 'Mark complete' }).click();
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '25');
  await expect(page.getByRole('status').filter({ hasText: '1 of 4 required items completed' })).toBeVisible();
  await expect(outline(page).getByRole('link', { name: 'Type basics: walkthrough (Completed)' })).toBeVisible();
  await checkPage(page, 'course-player');

  // By keyboard: the next item from the outline, then complete it; its title takes the focus.
  await outline(page).getByRole('link', { name: 'Type basics: notes (Not started)' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Type basics: notes' })).toBeFocused();
  await expect(page.getByText('Key ideas and a short exercise.')).toBeVisible();
  await page.getByRole('button', { name: 'Mark complete' }).focus();
  await page.keyboard.press('Enter');
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '50');
  await expect(page.getByText('You completed this item.')).toBeVisible();

  // The server's percent is what My learning shows too.
  await page.getByRole('link', { name: 'My learning', exact: true }).click();
  await expect(
    page.getByRole('progressbar', { name: 'Progress in Typography for Interfaces' }),
  ).toHaveAttribute('aria-valuenow', '50');
});

test('every content item type shows in the player, and the roadmap tracks milestones', async ({ page, request }) => {
  const api = await instructorApi(request);
  const title = `Field Notes ${Date.now()}`;
  const { courseId, exerciseId } = await authorCourse(api, title);
  const who = await newLearner(request);
  await signIn(page, who);
  await enrollFromIntro(page, title);
  await page.getByRole('link', { name: 'Start learning' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'What to look for' })).toBeVisible();
  await expect(page.getByText('Look twice.')).toBeVisible();
  const open = async (name: string) => {
    await outline(page).getByRole('link', { name: new RegExp(`^${name}`) }).click();
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  };
  await open('A morning in the field');
  await expect(page.getByRole('link', { name: /Watch the video \(9 min\)/ })).toHaveAttribute('href', 'https://videos.example.com/field');
  await open('Notebook template');
  await expect(page.getByRole('link', { name: /Download notebook\.pdf/ })).toHaveAttribute('href', 'https://files.example.com/notebook.pdf');
  await open('Further reading');
  await expect(page.getByRole('link', { name: /Open the reading list/ })).toHaveAttribute('href', 'https://example.com/reading');
  await open('Quiz: recording');
  await checkPage(page, 'course-player-exercise-item');
  await page.getByRole('link', { name: 'Open the exercise' }).click();
  await expect(page).toHaveURL(`/courses/${courseId}/exercises/${exerciseId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Field quiz' })).toBeVisible();

  // The roadmap, from the course's navigation.
  await page.getByRole('link', { name: 'Back to the course' }).click();
  await page.getByRole('navigation', { name: 'This course' }).getByRole('link', { name: 'Roadmap' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Roadmap: ${title}` })).toBeVisible();
  const roadmap = page.getByRole('progressbar', { name: 'Roadmap progress' });
  await expect(roadmap).toHaveAttribute('aria-valuenow', '0');
  const first = page.getByRole('list', { name: 'Milestones' }).getByRole('listitem').filter({ hasText: 'Learn to observe' });
  await first.getByRole('button', { name: /Mark as started/ }).click();
  await expect(first.getByText('Started', { exact: true })).toBeVisible();
  await first.getByRole('button', { name: /Mark complete/ }).click();
  await expect(first.getByText('Completed', { exact: true })).toBeVisible();
  await expect(roadmap).toHaveAttribute('aria-valuenow', '50');
  await checkPage(page, 'roadmap');
  // A milestone leads to its own section in the player (here the second one).
  await page.getByRole('link', { name: 'Study this section: Keep a field notebook' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Notebook template' })).toBeVisible();
});

/** A published super-course made of the first section of each named course. */
async function authorSuperCourse(request: APIRequestContext, title: string, courseTitles: string[]): Promise<string> {
  const api = await instructorApi(request);
  const courses = (await api.get('/v1/courses?limit=100')).items as Array<{ id: string; title: string }>;
  const sc = await api.post('/v1/super-courses', { title, description: 'Two courses, one path.' });
  for (const t of courseTitles) {
    const course = courses.find((c) => c.title === t)!;
    await api.post(`/v1/super-courses/${sc.id}/sections`, { section_id: await firstId(api, `/v1/courses/${course.id}/sections`) });
  }
  await api.post(`/v1/super-courses/${sc.id}/publish`);
  return sc.id as string;
}

test('a learner enrolls in every course of a super-course and studies its sections', async ({ page, request }) => {
  const id = await authorSuperCourse(request, `Data Foundations ${Date.now()}`, [
    'Python for Absolute Beginners',
    'SQL from the Ground Up',
  ]);
  const who = await newLearner(request);
  // Found from the front page, where published super-courses are listed.
  await signIn(page, who, '/');
  const title = (await (await request.get(`/v1/super-courses/${id}`)).json()).title as string;
  await page.getByRole('list', { name: 'Super-courses' }).getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/super-courses/${id}$`));
  await expect(page.getByRole('heading', { level: 1, name: /Data Foundations/ })).toBeVisible();
  const sections = page.getByRole('region', { name: 'Sections' });
  await expect(sections.getByRole('listitem')).toHaveCount(2);
  await expect(sections.getByText('from Python for Absolute Beginners')).toBeVisible();
  await expect(sections.getByRole('link', { name: 'About the course: Selecting data' })).toBeVisible();
  await checkPage(page, 'super-course');
  await page.getByRole('button', { name: 'Enroll in every course' }).click();
  await expect(page.getByText('You are enrolled in every course of this super-course.')).toBeVisible();
  await sections.getByRole('link', { name: 'Study: Selecting data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'SQL from the Ground Up' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Selecting data: walkthrough' })).toBeVisible();
});

test('a super-course holding a paid course explains why enrolling failed, with the request id', async ({ page, request, problems }) => {
  const id = await authorSuperCourse(request, `Systems Track ${Date.now()}`, [
    'Python for Absolute Beginners',
    'Rust Systems Programming',
  ]);
  const who = await newLearner(request);
  await signIn(page, who, `/super-courses/${id}`);
  problems.allow(/POST .*\/v1\/enrollments answered 402/);
  problems.allow(/status of 402/); // the browser's console line for the same answer
  await page.getByRole('button', { name: 'Enroll in every course' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not enroll' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/\(request [0-9a-f-]+\)/);
  await expect(page.getByRole('button', { name: 'Enroll in every course' })).toBeEnabled();
  await checkPage(page, 'super-course-error');
});

test('the player sends a learner who is not enrolled to the course page', async ({ page, request }) => {
  const who = await newLearner(request);
  const courses = (await (await request.get('/v1/courses?q=Python')).json()) as { items: Array<{ id: string; title: string }> };
  const python = courses.items.find((c) => c.title === 'Python for Absolute Beginners')!;
  await signIn(page, who, `/learn/${python.id}`);
  await expect(page.getByText('You are not enrolled in Python for Absolute Beginners')).toBeVisible();
  await page.getByRole('link', { name: 'See the course and enroll' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Python for Absolute Beginners' })).toBeVisible();
});
