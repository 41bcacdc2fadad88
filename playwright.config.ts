import { defineConfig, devices } from '@playwright/test';

/** Port of the built site served by `astro preview` for browser tests (4321 is left to `npm start`). */
export const previewPort = Number(process.env.PREVIEW_PORT ?? 4399);
const baseURL = `http://127.0.0.1:${previewPort}`;

// Debian's Chromium: Playwright's own browser download cannot work here. The background-networking flags
// stop Chromium from flooding the closed network with refused connections.
const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  forbidOnly: true,
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: { baseURL, launchOptions, trace: 'retain-on-failure' },
  projects: [
    { name: 'e2e', testDir: 'tests/e2e', use: { ...devices['Desktop Chrome'], launchOptions } },
    { name: 'a11y', testDir: 'tests/a11y', use: { ...devices['Desktop Chrome'], launchOptions } },
  ],
  webServer: {
    // The built site (dist/), as a static host would serve it; scripts/test.ts builds it first.
    // --ignore-lock: Astro 7 otherwise refuses a second preview server on the machine.
    command: `npx astro preview --host 127.0.0.1 --ignore-lock --port ${previewPort}`,
    url: `${baseURL}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
