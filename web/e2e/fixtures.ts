// The fixtures every browser test uses: the server's base URL, a page that
// records console errors, page errors and failed requests (each test fails on
// any it did not expect), axe-core checks, and screenshots at 375 and 1280 px.
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const SCREENSHOTS = resolve(import.meta.dirname, '..', 'artifacts', 'screenshots');

interface Problems {
  list: string[];
  /** Lets a test expect a failing response (e.g. a 401 it provokes). */
  allow(pattern: RegExp): void;
}

export const test = base.extend<{ problems: Problems }>({
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL);
  },
  problems: [
    async ({ page }, use) => {
      const list: string[] = [];
      // Leaving or reloading a signed-in page cancels its open notification
      // stream: the browser reports that as a failed request, and it is not one.
      const allowed: RegExp[] = [/\/v1\/notifications\/stream failed: net::ERR_ABORTED/];
      const ok = (text: string) => allowed.some((p) => p.test(text));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !ok(msg.text())) list.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => list.push(`page error: ${err.message}`));
      page.on('requestfailed', (req) => {
        const text = `${req.method()} ${req.url()} failed: ${req.failure()?.errorText ?? ''}`;
        if (!ok(text)) list.push(text);
      });
      page.on('response', (resp) => {
        const text = `${resp.request().method()} ${resp.url()} answered ${resp.status()}`;
        if (resp.status() >= 400 && !ok(text)) list.push(text);
      });
      await use({ list, allow: (p) => allowed.push(p) });
      expect(list, 'console errors and failed requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Runs axe-core on the page as it is: no serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe violations on ${label}`).toEqual([]);
}

/** Saves full-page screenshots at 375 and 1280 px wide, then restores the viewport. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize();
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: resolve(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}

/** Axe on the page, in the light and the dark theme, plus its screenshots. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await expectAccessible(page, `${name} (light)`);
  await screenshots(page, name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, `${name} (dark)`);
  await screenshots(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}
