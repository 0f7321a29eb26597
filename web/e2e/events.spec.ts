// Journey 5 (events): a member RSVPs to a full event, waits as number 1 on the
// waitlist, and sees the page change when a seat frees and they are promoted
// (and the promotion, from their notification, after a reload).
import type { APIRequestContext } from '@playwright/test';
import { checkPage, expect, test } from './fixtures';
import { demo, newLearner, signIn, type Person } from './people';

const COURSE = 'Python for Absolute Beginners'; // the demo instructor teaches it; learner2 is a member

async function tokenOf(request: APIRequestContext, who: Person): Promise<string> {
  const resp = await request.post('/v1/auth/login', { data: { email: who.email, password: who.password } });
  expect(resp.status()).toBe(200);
  return ((await resp.json()) as { access_token: string }).access_token;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function courseId(request: APIRequestContext, title: string): Promise<string> {
  const resp = await request.get(`/v1/courses?q=${encodeURIComponent(title)}`);
  const body = (await resp.json()) as { items: Array<{ id: string; title: string }> };
  const course = body.items.find((c) => c.title === title);
  expect(course, `course ${title}`).toBeTruthy();
  return course!.id;
}

test('a waitlisted member is promoted when a seat frees, and the page says so', async ({ page, request, problems }) => {
  // Before the first RSVP the API answers "no RSVP" as 404 RSVP_NOT_FOUND; the page reads that as "not answered yet".
  problems.allow(/\/v1\/events\/[^/]+\/rsvp answered 404/);
  problems.allow(/Failed to load resource: the server responded with a status of 404/);
  const course = await courseId(request, COURSE);
  const who = await newLearner(request);
  const mine = await tokenOf(request, who);
  expect((await request.post('/v1/enrollments', { headers: bearer(mine), data: { course_id: course } })).status()).toBe(201);

  // The instructor opens a one-seat event; another member takes the seat.
  const title = `Office hour ${Date.now()}`;
  const created = await request.post(`/v1/courses/${course}/community/events`, {
    headers: bearer(await tokenOf(request, demo('instructor'))),
    data: { title, capacity: 1, location: 'Room 2', starts_at: new Date(Date.now() + 7 * 864e5).toISOString() },
  });
  expect(created.status()).toBe(201);
  const eventId = ((await created.json()) as { id: string }).id;
  const other = await tokenOf(request, demo('learner2'));
  expect((await request.put(`/v1/events/${eventId}/rsvp`, { headers: bearer(other), data: { status: 'going' } })).status()).toBe(200);

  // A reload cuts the open notification stream (Server-Sent Events); that is not a failure.
  problems.allow(/\/v1\/notifications\/stream failed: net::ERR_ABORTED/);
  await signIn(page, who, `/courses/${course}/events`);
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  const card = page.getByRole('list', { name: 'Events' }).getByRole('listitem').filter({ hasText: title });
  await expect(card.getByText('Full', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Plan an event' })).toHaveCount(0); // for the teaching staff only
  await checkPage(page, 'course-events');
  await card.getByRole('link', { name: title }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const rsvp = page.getByRole('complementary', { name: 'Your RSVP' });
  await expect(rsvp.getByText('You have not answered yet.')).toBeVisible();
  await rsvp.getByRole('button', { name: 'Join the waitlist' }).click();
  await expect(rsvp.getByText('You are on the waitlist, number 1 in line.')).toBeVisible();
  await expect(page.getByText('Full · 1 on the waitlist')).toBeVisible();
  await checkPage(page, 'event-waitlisted');

  // The member with the seat cancels: the page, still open, shows the promotion without a reload.
  expect((await request.delete(`/v1/events/${eventId}/rsvp`, { headers: bearer(other) })).status()).toBe(204);
  await expect(rsvp.getByText('You are going: your seat is confirmed.')).toBeVisible({ timeout: 15_000 });
  await expect(rsvp.getByText(/You were moved up from the waitlist/)).toBeVisible();

  await page.reload();
  await expect(rsvp.getByText('You are going: your seat is confirmed.')).toBeVisible();
  await expect(rsvp.getByText(/You were moved up from the waitlist on /)).toBeVisible();
  await checkPage(page, 'event-promoted');

  // Giving the seat back with the keyboard.
  await rsvp.getByRole('button', { name: 'Cancel my RSVP' }).focus();
  await page.keyboard.press('Enter');
  await expect(rsvp.getByText('You have not answered yet.')).toBeVisible();
});

test("the course's instructor plans an event with a number of seats", async ({ page, request }) => {
  const course = await courseId(request, COURSE);
  await signIn(page, demo('instructor'), `/courses/${course}/events`);
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  const form = page.getByRole('region', { name: 'Plan an event' });
  const title = `Study night ${Date.now()}`;
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Starts').fill('2027-01-15T18:00');
  await form.getByLabel('Seats').fill('12');
  await form.getByLabel('Where').fill('Library, room 4');
  await form.getByRole('button', { name: 'Create event' }).click();
  await expect(form.getByRole('status')).toHaveText(`${title} is open for RSVPs.`);
  const card = page.getByRole('list', { name: 'Events' }).getByRole('listitem').filter({ hasText: title });
  await expect(card.getByText('12 of 12 seats left')).toBeVisible();
  await expect(card.getByText('Library, room 4')).toBeVisible();
  await checkPage(page, 'course-events-instructor');
});
