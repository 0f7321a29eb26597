// Journey 7, labs: search by text, equipment, organization and a window with
// a free seat; a lab's week calendar; booking seats; a paid lab's hold with
// its countdown, pending approval; cancel; the iCalendar download; my bookings.
// Each test sets up its own lab through the API (as its host would), so the
// demo labs' seats are left alone.
import type { APIRequestContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { checkPage, expect, test } from './fixtures';
import { demo, newLearner, signIn, type Person } from './people';

test.beforeEach(({ problems }) => problems.allow(/notifications\/stream failed: net::ERR_ABORTED/));
// Each test walks a whole journey and checks several screens (axe twice, four screenshots each).
test.describe.configure({ timeout: 60_000 });

async function tokenOf(request: APIRequestContext, who: Person): Promise<string> {
  const resp = await request.post('/v1/auth/login', { data: { email: who.email, password: who.password } });
  expect(resp.status()).toBe(200);
  return ((await resp.json()) as { access_token: string }).access_token;
}

async function post<T>(request: APIRequestContext, token: string, path: string, data: object): Promise<T> {
  const resp = await request.post(path, {
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': crypto.randomUUID() },
    data,
  });
  expect(resp.status(), `${path}: ${await resp.text()}`).toBe(201);
  return (await resp.json()) as T;
}

interface Setup {
  tag: string;
  orgName: string;
  lab: { id: string; name: string };
  slotStarts: string[];
}

/** Local time `days` from today at `hour`:00. */
function at(days: number, hour: number): Date {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, hour);
}

const dateValue = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** An organization hosting one lab with two slots three days from now (09–11, capacity 2; 14–16, capacity 1). */
async function labWithSlots(
  request: APIRequestContext,
  lab: { price?: number; requiresApproval?: boolean } = {},
): Promise<Setup> {
  const admin = await tokenOf(request, demo('admin'));
  const tag = `t${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const type = await post<{ id: string }>(request, admin, '/v1/organization-types', { name: `Campus ${tag}`, slug: `campus-${tag}` });
  const org = await post<{ id: string }>(request, admin, '/v1/organizations', { type_id: type.id, name: `Org ${tag}`, slug: `org-${tag}` });
  const orgName = `Northfield Labs ${tag}`;
  const host = await post<{ id: string }>(request, admin, '/v1/hosts', { name: orgName, organization_id: org.id });
  const created = await post<{ id: string; name: string }>(request, admin, '/v1/labs', {
    host_id: host.id,
    organization_id: org.id,
    name: `Optics bench ${tag}`,
    description: 'Lasers, lenses and a spectrometer on an optical table.',
    location: 'Physics building, room 2.01',
    equipment: [`spectrometer-${tag}`, 'laser'],
    requires_approval: lab.requiresApproval ?? false,
    price: { amount_minor: lab.price ?? 0, currency: 'USD' },
  });
  const slots: Array<[Date, Date, number]> = [
    [at(3, 9), at(3, 11), 2],
    [at(3, 14), at(3, 16), 1],
  ];
  for (const [start, end, capacity] of slots) {
    await post(request, admin, `/v1/labs/${created.id}/availability`, {
      slot_start: start.toISOString(),
      slot_end: end.toISOString(),
      capacity,
    });
  }
  return { tag, orgName, lab: created, slotStarts: slots.map(([s]) => s.toISOString()) };
}

async function openLab(page: Page, setup: Setup): Promise<void> {
  await page.getByRole('link', { name: 'Labs', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search labs' }).fill(setup.tag);
  const labs = page.getByRole('list', { name: 'Labs' });
  await expect(labs.getByRole('listitem')).toHaveCount(1);
  await labs.getByRole('link', { name: setup.lab.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: setup.lab.name })).toBeVisible();
}

test('labs are found by text, equipment, organization and a window with a free seat', async ({ page, request }) => {
  const setup = await labWithSlots(request);
  await page.goto('/labs');
  const labs = page.getByRole('list', { name: 'Labs' });
  const only = async () => {
    await expect(labs.getByRole('listitem')).toHaveCount(1);
    await expect(labs.getByRole('link', { name: setup.lab.name })).toBeVisible();
  };

  const text = page.getByRole('searchbox', { name: 'Search labs' });
  await text.fill(setup.tag);
  await only();
  await text.fill('');
  await expect(labs.getByRole('link', { name: 'Electronics bench' })).toBeVisible();

  const equipment = page.getByRole('searchbox', { name: 'Equipment' });
  await equipment.fill(`SPECTROMETER-${setup.tag}`); // any case
  await only();
  await equipment.fill('');

  await page.getByLabel('Organization').selectOption({ label: setup.orgName });
  await only();

  // The slots are three days from now: a window that day keeps the lab, the day after loses it.
  await page.getByLabel('Free seat from').fill(dateValue(at(3, 0)));
  await page.getByLabel('Free seat until').fill(dateValue(at(3, 0)));
  await only();
  await checkPage(page, 'labs-search');
  await page.getByLabel('Free seat from').fill(dateValue(at(4, 0)));
  await page.getByLabel('Free seat until').fill(dateValue(at(5, 0)));
  await expect(page.getByText('No labs match')).toBeVisible();

  // Back to the window with the lab, and into it with the keyboard.
  await page.getByLabel('Free seat from').fill(dateValue(at(2, 0)));
  await page.getByLabel('Free seat until').fill(dateValue(at(3, 0)));
  await only();
  await labs.getByRole('link', { name: setup.lab.name }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: setup.lab.name })).toBeVisible();
});

test('a learner books a seat from the calendar, downloads the iCalendar file and cancels', async ({ page, request, problems }) => {
  const setup = await labWithSlots(request);
  const who = await newLearner(request);
  await signIn(page, who);
  await openLab(page, setup);

  // The calendar opens on the week of the first open slot.
  const day = page.getByRole('region', { name: new Date(setup.slotStarts[0]!).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric' }) });
  const morning = day.getByRole('button', { name: /9:00.*11:00.*2 of 2 seats free/ });
  await expect(morning).toHaveAttribute('aria-pressed', 'false');
  // The next week has no slots of this lab; the previous button comes back.
  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(morning).toHaveCount(0);
  await expect(page.getByText('No slots')).toHaveCount(7);
  await page.getByRole('button', { name: 'Previous week' }).click();
  await expect(morning).toHaveAttribute('aria-pressed', 'false');
  await morning.click();
  await expect(morning).toHaveAttribute('aria-pressed', 'true');
  await checkPage(page, 'lab-calendar');
  await page.getByRole('button', { name: 'Book 1 seat' }).click();

  await expect(page).toHaveURL(/\/bookings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: setup.lab.name })).toBeVisible();
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Booked: 1 seat' })).toBeVisible();
  await checkPage(page, 'booking-confirmed');

  // The feed downloads as a file, served as text/calendar.
  const [download, response] = await Promise.all([
    page.waitForEvent('download'),
    page.waitForResponse((r) => r.url().endsWith('/v1/bookings/calendar.ics')),
    page.getByRole('button', { name: 'Download calendar (.ics)' }).click(),
  ]);
  expect(response.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(download.suggestedFilename()).toBe('delta-labs-bookings.ics');
  const ics = readFileSync(await download.path(), 'utf8');
  expect(ics.split(/\r?\n/)[0]).toBe('BEGIN:VCALENDAR');
  expect(ics).toContain(`SUMMARY:${setup.lab.name}`);

  // Booking the same slot again is refused, and the refusal explained.
  problems.allow(/\/bookings answered 409|status of 409/);
  await page.goBack();
  await page.getByRole('button', { name: /9:00.*11:00/ }).click();
  await page.getByRole('button', { name: 'Book 1 seat' }).click();
  await expect(page.getByRole('alert')).toContainText('You have booked this slot already.');
  await expect(page.getByRole('alert')).toContainText(/\(request [0-9a-f-]{36}\)/);

  await page.getByRole('link', { name: 'My bookings' }).click();
  const table = page.getByRole('table', { name: /Your lab bookings/ });
  await table.getByRole('link', { name: setup.lab.name }).click();
  await page.getByRole('button', { name: 'Cancel this booking' }).click();
  await page.getByRole('button', { name: 'Yes, cancel the booking' }).click();
  await expect(page.getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel this booking' })).toHaveCount(0);
});

test('a paid lab that needs approval holds the seats with a countdown until paid; the hold is cancelled', async ({ page, request }) => {
  const setup = await labWithSlots(request, { price: 1500, requiresApproval: true });
  const who = await newLearner(request);
  await signIn(page, who);
  await openLab(page, setup);
  await page.getByRole('button', { name: /9:00.*11:00/ }).click();
  const seats = page.getByRole('spinbutton', { name: 'Seats' });
  await seats.fill('2');
  await expect(page.getByText('$30.00')).toBeVisible();
  await seats.press('Enter'); // submits the booking form

  await expect(page.getByText('Awaiting approval and payment')).toBeVisible();
  await expect(page.getByText('The host has not approved this booking yet')).toBeVisible();
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText(/^1[45]:\d\d$/);
  await expect(timer).toHaveAttribute('aria-label', /^Seats held for: 1[45] minutes left$/);
  const before = await timer.textContent();
  await expect(timer).not.toHaveText(before ?? '', { timeout: 3_000 }); // it counts down
  await checkPage(page, 'booking-hold');

  // The hold's order waits for a bank transfer.
  await page.getByRole('link', { name: 'Pay for it: view the order' }).click();
  await expect(page.getByText('Waiting for your bank transfer')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Order totals' })).toContainText('$30.00');
  await page.getByRole('link', { name: new RegExp(setup.lab.name) }).click();

  // My bookings shows the hold counting down too.
  await page.getByRole('link', { name: 'All my bookings' }).click();
  const row = page.getByRole('table', { name: /Your lab bookings/ }).getByRole('row', { name: new RegExp(setup.lab.name) });
  await expect(row.getByRole('timer')).toBeVisible();
  await checkPage(page, 'bookings');

  await row.getByRole('link', { name: setup.lab.name }).click();
  await page.getByRole('button', { name: 'Cancel this booking' }).click();
  await page.getByRole('button', { name: 'Yes, cancel the booking' }).click();
  await expect(page.getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveCount(0);
});

test('a full slot offers its waitlist instead of seats', async ({ page, request }) => {
  const setup = await labWithSlots(request);
  const other = await tokenOf(request, await newLearner(request));
  await post(request, other, `/v1/labs/${setup.lab.id}/bookings`, { slot_start: setup.slotStarts[1] }); // the one seat at 14:00
  const who = await newLearner(request);
  await signIn(page, who);
  await openLab(page, setup);

  const afternoon = page.getByRole('button', { name: /2:00.*4:00.*Full/ });
  await afternoon.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Join the waitlist' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Book/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Join the waitlist' }).click();
  await expect(page.getByText('You are number 1 on the waitlist.')).toBeVisible();
  await expect(page.getByRole('button', { name: /2:00.*4:00.*Full, 1 waiting/ })).toBeVisible();
  await checkPage(page, 'lab-waitlist');
});
