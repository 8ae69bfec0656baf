/**
 * Playwright config for the e2e suite (tests/e2e).
 *
 * - Tests run against the already-built site in dist/ (`npm test` builds
 *   first); Playwright never builds. tests/e2e/support/serve.mjs serves dist/
 *   on SITE_ORIGIN (+ BASE_PATH) and tests/e2e/fixtures-host/ on a second,
 *   cross-origin HOST_ORIGIN. Ports/origins live in tests/e2e/support/env.ts.
 * - Chromium only. The system Chromium (CHROMIUM_PATH, else /usr/bin/chromium)
 *   is preferred because CI cannot download Playwright's browsers; without
 *   one, Playwright's own downloaded Chromium is used.
 */
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import {
  BASE_PATH,
  DIST_DIR,
  HEALTH_PATH,
  HOST_FIXTURES_DIR,
  HOST_PORT,
  SITE_ORIGIN,
  SITE_PORT,
  SITE_URL,
} from './tests/e2e/support/env.ts';

const isCI = !!process.env.CI;

function systemChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const executablePath = systemChromium();
const isRoot = process.getuid?.() === 0;

const chromiumArgs = [
  // Chromium's sandbox cannot start as root (CI runs as root).
  ...(isRoot ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // The CI network is closed: stop Chromium phoning home (component updates,
  // sync, field trials…); those connections get refused and add noise/latency.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
  workers: 2, // the CI machine has 2 cores
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],

  use: {
    baseURL: SITE_URL, // includes BASE_PATH — use siteUrl() for absolute page URLs
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Reproducible rendering/dates in tests.
    locale: 'en-US',
    timezoneId: 'UTC',
  },

  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath, // undefined -> Playwright's bundled Chromium
          args: chromiumArgs,
        },
      },
    },
  ],

  webServer: {
    command: 'node tests/e2e/support/serve.mjs',
    // Health endpoint answers even if dist/ is missing, so the specs (not a
    // webServer timeout) report a missing build.
    url: `${SITE_ORIGIN}${HEALTH_PATH}`,
    reuseExistingServer: !isCI,
    timeout: 20_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DIST_DIR,
      HOST_DIR: HOST_FIXTURES_DIR,
      BASE_PATH,
      E2E_SITE_PORT: String(SITE_PORT),
      E2E_HOST_PORT: String(HOST_PORT),
    },
  },
});
