// Journey 6, commerce: the cart's price snapshots and totals, checkout by bank
// transfer with a coupon and one Idempotency-Key per attempt (a double click
// or a retry after a dropped connection makes one order), the pending order,
// problems explained (ORDER_PENDING links to the waiting order), orders and
// refunds, sponsorship requests and financial aid.
import type { APIRequestContext, Page } from '@playwright/test';
import { checkPage, expect, test } from './fixtures';
import { demo, newLearner, signIn, type Person } from './people';

// The notification stream stays open while signed in; a reload or page change
// cancels it, which the browser reports as an aborted request.
test.beforeEach(({ problems }) => problems.allow(/notifications\/stream failed: net::ERR_ABORTED/));
// Each test walks a whole journey and checks several screens (axe twice, four screenshots each).
test.describe.configure({ timeout: 60_000 });

async function tokenOf(request: APIRequestContext, who: Person): Promise<string> {
  const resp = await request.post('/v1/auth/login', { data: { email: who.email, password: who.password } });
  expect(resp.status()).toBe(200);
  return ((await resp.json()) as { access_token: string }).access_token;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function courseId(request: APIRequestContext, title: string): Promise<string> {
  const resp = await request.get('/v1/courses', { params: { q: title } });
  const items = ((await resp.json()) as { items: Array<{ id: string; title: string }> }).items;
  const course = items.find((c) => c.title === title);
  expect(course, `course ${title}`).toBeTruthy();
  return course!.id;
}

/** Setup through the API: the course in the learner's cart. */
async function addToCart(request: APIRequestContext, token: string, title: string): Promise<void> {
  const resp = await request.post('/v1/cart/items', {
    headers: bearer(token),
    data: { item_type: 'course', item_id: await courseId(request, title) },
  });
  expect(resp.status()).toBe(201);
}

async function myOrders(request: APIRequestContext, token: string) {
  const resp = await request.get('/v1/orders', { headers: bearer(token) });
  return ((await resp.json()) as { items: Array<{ id: string; number: string; status: string }> }).items;
}

async function openCart(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Cart', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cart' })).toBeVisible();
}

test('the cart shows price snapshots and totals; a double click on Checkout makes one pending bank-transfer order', async ({ page, request }) => {
  const who = await newLearner(request);
  const token = await tokenOf(request, who);
  await addToCart(request, token, 'Web APIs with HTTP and JSON');
  await addToCart(request, token, 'Statistics for Data Science');
  await signIn(page, who);
  await openCart(page);

  const row = page.getByRole('row', { name: /Web APIs with HTTP and JSON/ });
  await expect(row.getByRole('cell').first()).toHaveText('$39.00');
  const totals = page.getByRole('group', { name: 'Cart totals' });
  await expect(totals).toContainText('$88.00');
  await checkPage(page, 'cart-checkout');

  const keys: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/v1/orders')) keys.push(r.headers()['idempotency-key'] ?? '');
  });
  await expect(page.getByRole('radio', { name: /Bank transfer/ })).toBeChecked();
  await page.getByLabel('Coupon code (optional)').fill('WELCOME10');
  // The fastest double click: both clicks land before React re-renders the
  // button busy, so two submits start; the attempt joins them into one request.
  await page.getByRole('button', { name: 'Checkout', exact: true }).evaluate((b: HTMLButtonElement) => {
    b.click();
    b.click();
  });

  await expect(page.getByRole('heading', { level: 1, name: /^Order DL-/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /is placed/ })).toBeVisible();
  await expect(page.getByText('Waiting for your bank transfer')).toBeVisible();
  const summary = page.getByLabel('Order totals');
  await expect(summary).toContainText('−$8.80'); // WELCOME10 takes 10 % off $88.00
  await expect(summary).toContainText('$79.20');
  expect(new Set(keys).size, 'one Idempotency-Key for the attempt').toBe(1);
  const orders = await myOrders(request, token);
  expect(orders, 'exactly one order').toHaveLength(1);
  expect(orders[0]!.status).toBe('pending');
  await checkPage(page, 'order-pending-bank-transfer');

  // The cart is empty now; the order is in the list.
  await openCart(page);
  await expect(page.getByText('Your cart is empty')).toBeVisible();
  await page.getByRole('link', { name: 'My orders' }).click();
  const list = page.getByRole('table', { name: /Your orders/ });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list.getByRole('row').nth(1)).toContainText('Pending payment');
  await checkPage(page, 'orders');
});

test('a retry after a dropped connection keeps the Idempotency-Key and makes one order', async ({ page, request, problems }) => {
  const who = await newLearner(request);
  const token = await tokenOf(request, who);
  await addToCart(request, token, 'Modern C++ in Practice');
  await signIn(page, who);
  await openCart(page);

  // The first answer is lost on the way: the server made the order, the browser never heard.
  problems.allow(/POST .*\/v1\/orders failed/);
  problems.allow(/ERR_CONNECTION_RESET|ERR_FAILED/);
  const keys: string[] = [];
  await page.route('**/v1/orders', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (keys.length === 1) {
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await page.getByRole('button', { name: 'Checkout', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Order DL-/ })).toBeVisible();
  expect(keys.length, 'the attempt was retried').toBeGreaterThanOrEqual(2);
  expect(new Set(keys).size, 'with the same Idempotency-Key').toBe(1);
  const orders = await myOrders(request, token);
  expect(orders, 'exactly one order').toHaveLength(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order ${orders[0]!.number}`);
});

test('checkout problems are explained with their request id; ORDER_PENDING links to the waiting order', async ({ page, request, problems }) => {
  problems.allow(/\/v1\/orders answered (400|409|422)/);
  problems.allow(/Failed to load resource: the server responded with a status of (400|409|422)/);
  const who = await newLearner(request);
  const token = await tokenOf(request, who);
  await addToCart(request, token, 'Rust Systems Programming');
  await signIn(page, who);
  await openCart(page);

  // An unknown coupon: 422 COUPON_INVALID.
  await page.getByLabel('Coupon code (optional)').fill('NOT-A-CODE');
  await page.getByRole('button', { name: 'Checkout', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The order was not placed');
  await expect(alert).toContainText('The coupon code is not valid now.');
  await expect(alert).toContainText(/\(request [0-9a-f-]{36}\)/);

  // Card, chosen with the keyboard. Without a card processor (global-setup's
  // server) the provider is refused; with one, a missing token is.
  await page.getByLabel('Coupon code (optional)').fill('');
  await page.getByRole('radio', { name: /Bank transfer/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /Card/ })).toBeChecked();
  const cardConfigured = Boolean(process.env.DELTALABS_CARD_API_URL);
  if (cardConfigured) {
    // No token: the form asks for it before anything is sent.
    await page.getByLabel('Card payment token').press('Enter');
    await expect(page.getByText('Enter the payment method token the card processor gave you.')).toBeVisible();
  } else {
    await page.getByLabel('Card payment token').fill('pm_card_visa');
    await page.getByLabel('Card payment token').press('Enter');
    await expect(alert).toContainText('The request body is not valid.');
    await expect(
      page.getByRole('listitem').filter({ hasText: 'Payment method: must be one of the configured payment providers' }),
    ).toBeVisible();
  }
  await checkPage(page, 'checkout-problem');

  // An order for the course already waits: 409 ORDER_PENDING names it.
  const first = await request.post('/v1/orders', {
    headers: { ...bearer(token), 'Idempotency-Key': crypto.randomUUID() },
    data: { provider: 'offline' },
  });
  expect(first.status()).toBe(201);
  const waiting = (await first.json()) as { id: string; number: string };
  await addToCart(request, token, 'Rust Systems Programming');
  await page.reload();
  await page.getByRole('radio', { name: /Bank transfer/ }).check();
  await page.getByRole('button', { name: 'Checkout', exact: true }).click();
  await expect(alert).toContainText('is still open');
  await expect(page.getByText('An order for a course in your cart is already waiting')).toBeVisible();
  await page.getByRole('link', { name: 'View the waiting order' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${waiting.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order ${waiting.number}`);
});

test('a learner refunds one item of a paid order, then the rest', async ({ page, request }) => {
  const who = await newLearner(request);
  const token = await tokenOf(request, who);
  await addToCart(request, token, 'UX Research Methods');
  await addToCart(request, token, 'Data Visualisation Essentials');
  await signIn(page, who);
  await openCart(page);
  await page.getByRole('button', { name: 'Checkout', exact: true }).click();
  await expect(page.getByText('Waiting for your bank transfer')).toBeVisible();
  const [order] = await myOrders(request, token);
  // The transfer arrives: an administrator marks the order paid.
  const admin = await tokenOf(request, demo('admin'));
  const paid = await request.post(`/v1/orders/${order!.id}/mark-paid`, {
    headers: { ...bearer(admin), 'Idempotency-Key': crypto.randomUUID() },
  });
  expect(paid.status()).toBe(200);

  await page.reload();
  await expect(page.getByText('Paid', { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Request a refund' }).click();
  await page.getByRole('checkbox', { name: /Data Visualisation Essentials/ }).uncheck();
  await page.getByLabel('Why do you want a refund? (optional)').fill('Bought it by mistake');
  await page.getByRole('button', { name: 'Confirm the refund of $35.00' }).click();
  await expect(page.getByText('$35.00 of $64.00 was refunded.')).toBeVisible();
  const refunds = page.getByRole('table', { name: 'Refunds' });
  await expect(refunds.getByRole('row')).toHaveCount(2);
  await expect(refunds).toContainText('Bought it by mistake');
  await expect(refunds).toContainText('UX Research Methods');
  await checkPage(page, 'order-partly-refunded');

  await page.getByRole('button', { name: 'Request a refund' }).click();
  await page.getByRole('button', { name: 'Confirm the refund of $29.00' }).click();
  await expect(page.getByText('$64.00 was refunded; its enrollments ended.')).toBeVisible();
  await expect(refunds.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Request a refund' })).toHaveCount(0);
  expect((await myOrders(request, token))[0]!.status).toBe('refunded');
});

test('a learner asks a sponsor to cover a course, with the keyboard', async ({ page, request }) => {
  const who = await newLearner(request);
  await signIn(page, who);
  await openCart(page);
  await page.getByRole('link', { name: 'Ask a sponsor' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sponsorships' })).toBeVisible();
  await expect(page.getByText('You have not asked a sponsor yet')).toBeVisible();

  await page.getByLabel('Sponsor', { exact: true }).selectOption({ label: 'Acme Learning Fund' });
  await page.getByLabel('Course', { exact: true }).selectOption({ label: 'Machine Learning Foundations ($99.00)' });
  await page.getByLabel('Message to the sponsor (optional)').fill('My team needs this for a project.');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send the request' })).toBeFocused();
  await page.keyboard.press('Enter');

  const table = page.getByRole('table', { name: /sponsorship requests/ });
  const row = table.getByRole('row', { name: /Machine Learning Foundations/ });
  await expect(row).toContainText('Acme Learning Fund');
  await expect(row).toContainText('Waiting for the sponsor');
  await checkPage(page, 'sponsorships');
});

test('a learner applies for financial aid; once approved the cart takes it off', async ({ page, request }) => {
  const who = await newLearner(request);
  const token = await tokenOf(request, who);
  await signIn(page, who);
  await openCart(page);
  await page.getByRole('link', { name: 'apply for financial aid' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Financial aid' })).toBeVisible();
  await page.getByLabel('Course', { exact: true }).selectOption({ label: 'Statistics for Data Science ($49.00)' });
  await page.getByLabel('Your situation').fill('I am between jobs and learning to switch careers.');
  await page.getByRole('button', { name: 'Submit the application' }).click();
  const row = page.getByRole('table', { name: /financial aid applications/ }).getByRole('row', { name: /Statistics for Data Science/ });
  await expect(row).toContainText('Under review');
  await checkPage(page, 'financial-aid');

  // A reviewer approves half the price; the cart shows it as financial aid.
  const aid = (await (await request.get('/v1/financial-aid', { headers: bearer(token) })).json()) as { items: Array<{ id: string }> };
  const admin = await tokenOf(request, demo('admin'));
  const review = await request.patch(`/v1/financial-aid/${aid.items[0]!.id}`, {
    headers: bearer(admin),
    data: { status: 'approved', discount_percent: 50 },
  });
  expect(review.status()).toBe(200);
  await page.reload();
  await expect(row).toContainText('Approved');
  await expect(row).toContainText('50% off');
  await addToCart(request, token, 'Statistics for Data Science');
  await openCart(page);
  const totals = page.getByLabel('Cart totals');
  await expect(totals).toContainText('−$24.50');
  await expect(totals).toContainText('$24.50');
});

// Card checkout needs a card processor: global-setup starts the server without
// one (then the provider is refused, as the problems test above shows). With
// DELTALABS_CARD_API_URL, _API_KEY and _WEBHOOK_SECRET pointing at a
// Stripe-compatible test processor (e.g. tests/api/card_standin.py, whose
// pm_card_visa succeeds and pm_card_chargeDeclined is declined), this runs.
test('card checkout: a declined card cancels the order, a good card pays it', async ({ page, request }) => {
  test.skip(!process.env.DELTALABS_CARD_API_URL, 'the server has no card processor configured');
  const who = await newLearner(request);
  const token = await tokenOf(request, who);
  await addToCart(request, token, 'Modern C++ in Practice');
  await signIn(page, who);
  await openCart(page);

  await page.getByRole('radio', { name: /Card/ }).check();
  await page.getByLabel('Card payment token').fill('pm_card_chargeDeclined');
  await page.getByRole('button', { name: 'Checkout', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Order DL-/ })).toBeVisible();
  await expect(page.getByText('Cancelled', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Nothing was charged')).toBeVisible();
  await checkPage(page, 'order-card-declined');

  await openCart(page);
  await page.getByRole('radio', { name: /Card/ }).check();
  await page.getByLabel('Card payment token').fill('pm_card_visa');
  await page.getByRole('button', { name: 'Checkout', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Order DL-/ })).toBeVisible();
  await expect(page.getByText('Paid', { exact: true }).first()).toBeVisible();
  await expect(page.getByLabel('Order totals')).toContainText('Card, succeeded');
  const orders = await myOrders(request, token);
  expect(orders.map((o) => o.status).sort()).toEqual(['cancelled', 'paid']);
});
