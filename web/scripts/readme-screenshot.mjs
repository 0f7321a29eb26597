// The README's picture of the app: `deltalabs serve` on a fresh demo database,
// learner1 signed in, the dashboard and the catalog at 1280 px, written to
// docs/images/. Run after scripts/build: node web/scripts/readme-screenshot.mjs
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const binary = resolve(root, process.env.BUILD_DIR ?? 'build', 'deltalabs');
const dir = mkdtempSync(join(tmpdir(), 'deltalabs-shot-'));
const database = `sqlite:${join(dir, 'db.sqlite')}`;
const port = 18000 + Math.floor(Math.random() * 1000);
const base = `http://127.0.0.1:${port}`;
const out = resolve(root, 'docs', 'images');

spawnSync(binary, ['--database', database, '--log-level', 'warn', 'seed', '--demo'], { stdio: 'inherit' });
const server = spawn(binary, ['--database', database, '--listen', `127.0.0.1:${port}`, '--log-level', 'warn',
  '--web-dir', resolve(root, 'web', 'dist'), 'serve'], { stdio: 'inherit' });
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${base}/sign-in?next=%2Fmy-learning`);
  await page.getByLabel('Email or username').fill('learner1@deltalabs.local');
  await page.getByLabel('Password', { exact: true }).fill('deltalabs-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'My learning' }).waitFor();
  await page.waitForLoadState('networkidle').catch(() => undefined);
  mkdirSync(out, { recursive: true });
  await page.screenshot({ path: join(out, 'dashboard.png') });
  await page.getByRole('link', { name: 'Catalog', exact: true }).click();
  await page.getByRole('list', { name: 'Courses' }).getByRole('listitem').first().waitFor();
  await page.screenshot({ path: join(out, 'catalog.png') });
  await browser.close();
  console.log(`wrote ${out}/dashboard.png and catalog.png`);
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
