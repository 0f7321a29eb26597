// Measures the web app in Debian's chromium against a running server (never
// asserts; bench/web-browser.sh starts the servers and records the figures):
//  - the catalog: milliseconds from navigation start until its first 20
//    courses are on screen;
//  - a search: milliseconds from the last keystroke until the list shows the
//    API's first match for what was typed (the app's debounce included);
//  - Lighthouse (mobile and desktop presets) on the landing, catalog and a
//    course page: performance, accessibility and best-practices scores.
// Usage: node bench/browser-timings.mjs <base URL> [runs] [--no-lighthouse]
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';

const base = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
const withLighthouse = !process.argv.includes('--no-lighthouse');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'];
const QUERIES = ['python testing', 'data visualization', 'machine learning', 'rust performance', 'data pipelines'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)} (n=${xs.length})`;

async function api(path) {
  const resp = await fetch(new URL(path, base));
  if (!resp.ok) throw new Error(`${path} answered ${resp.status}`);
  return resp.json();
}

// Milliseconds from navigation start until 20 courses are listed.
async function catalogOnScreen(page) {
  await page.goto(new URL('/catalog', base).href, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => {
      const list = document.querySelector('[role="list"][aria-label="Courses"], ul[aria-label="Courses"]');
      return list && list.querySelectorAll(':scope > li').length >= 20 ? performance.now() : null;
    },
    null,
    { polling: 'raf', timeout: 30_000 },
  );
  return handle.jsonValue();
}

// Milliseconds from the last keystroke until the list's first course is the API's first match.
async function searchUpdate(page, query) {
  const expected = (await api(`/v1/courses?limit=1&q=${encodeURIComponent(query)}`)).items[0]?.title;
  if (!expected) throw new Error(`no course matches "${query}"`);
  const box = page.getByRole('searchbox', { name: 'Search courses' });
  await box.fill('');
  await page.waitForTimeout(600); // the empty search settles
  await page.evaluate(() => {
    window.__lastKey = 0;
    document.addEventListener('keydown', () => (window.__lastKey = performance.now()), { capture: true });
  });
  await box.pressSequentially(query, { delay: 40 });
  const handle = await page.waitForFunction(
    (title) => {
      const first = document.querySelector('[aria-label="Courses"] > li');
      return first && first.textContent.includes(title) ? performance.now() - window.__lastKey : null;
    },
    expected,
    { polling: 'raf', timeout: 30_000 },
  );
  return handle.jsonValue();
}

async function browserTimings() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const onScreen = [];
  const search = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    onScreen.push(await catalogOnScreen(page));
    search.push(await searchUpdate(page, QUERIES[i % QUERIES.length]));
    await context.close();
  }
  await browser.close();
  console.log(`catalog: first 20 courses on screen after navigation: ${fmt(onScreen)} (bar: 1000 ms)`);
  console.log(`catalog: search list updated after the last keystroke: ${fmt(search)} (bar: 300 ms)`);
}

async function lighthouseScores() {
  const course = (await api('/v1/courses?limit=1')).items[0];
  const pages = { landing: '/', catalog: '/catalog', course: `/courses/${course.id}` };
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    for (const [preset, config] of [['mobile', undefined], ['desktop', desktopConfig]]) {
      for (const [name, path] of Object.entries(pages)) {
        const result = await lighthouse(
          new URL(path, base).href,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] },
          config,
        );
        const c = result.lhr.categories;
        const score = (k) => Math.round((c[k]?.score ?? 0) * 100);
        console.log(
          `lighthouse ${preset.padEnd(7)} ${name.padEnd(8)} performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}` +
            ` (LCP ${result.lhr.audits['largest-contentful-paint'].displayValue}, TBT ${result.lhr.audits['total-blocking-time'].displayValue}, CLS ${result.lhr.audits['cumulative-layout-shift'].displayValue})`,
        );
      }
    }
  } finally {
    chrome.kill();
  }
}

await browserTimings();
if (withLighthouse) await lighthouseScores();
