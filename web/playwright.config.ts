import { defineConfig } from '@playwright/test';

// Browser tests: headless Chromium from Debian's `chromium` package (Playwright's
// own browser download does not work here) against the real binary, started by
// e2e/global-setup.ts on a fresh SQLite database with the demo data.
// E2E_BASE_URL points them at a server that is already running instead.
// JUnit XML goes to E2E_JUNIT (scripts/test sets it).
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  outputDir: 'test-results',
  reporter: [['list'], ['junit', { outputFile: process.env.E2E_JUNIT ?? 'test-results/junit.xml' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    // No colour transitions half-way through when a test switches the theme.
    contextOptions: { reducedMotion: 'reduce' },
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage', // containers often have a small /dev/shm
      ],
    },
  },
});
