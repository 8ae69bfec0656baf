/**
 * /admin/: the editors' CMS, end to end in Chromium, in local mode against a
 * temporary copy of content/ (decap-server writes the files there; nothing
 * leaves this machine). Through the UI: add an event with a source picked from
 * the list, add a step to an instrument's history, add a correction; each file
 * is written as the content rules want it and passes `npm run validate`, and
 * the site built from the copy shows each with its source. An
 * impossible date typed into the form is named by validate, file and field.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { validateContent } from '../../src/lib/story/validate.ts';
import { DIST_DIR, SITE_PORT } from './support/env.ts';

const PROXY_PORT = Number(process.env.E2E_PROXY_PORT ?? SITE_PORT + 2);
let repo = '';
let proxy: ChildProcess | undefined;

// The CMS is a 5 MB script: each test opens it afresh.
test.describe.configure({ mode: 'default', timeout: 90_000 });

test.beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), 'admin-e2e-'));
  cpSync('content', join(repo, 'content'), { recursive: true });
  proxy = spawn(process.execPath, ['node_modules/decap-server/dist/index.js'], {
    env: { ...process.env, PORT: String(PROXY_PORT), GIT_REPO_DIRECTORY: repo, MODE: 'fs', LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://localhost:${PROXY_PORT}/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' });
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`decap-server did not answer on port ${PROXY_PORT}`);
});

test.afterAll(() => {
  proxy?.kill();
  if (repo) rmSync(repo, { recursive: true, force: true });
});

/** Console errors, CSP violations and requests to any host but the site and the local proxy. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const { host } = new URL(r.url());
    if (!r.url().startsWith('data:') && host !== `127.0.0.1:${SITE_PORT}` && host !== `localhost:${SITE_PORT}` && host !== `localhost:${PROXY_PORT}`) {
      problems.push(`request to another host: ${r.url()}`);
    }
  });
  return problems;
}

async function open(page: Page, hash: string) {
  await page.goto(`admin/?proxy_port=${PROXY_PORT}`);
  await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`)));
  await page.getByRole('button', { name: 'Login' }).click();
  await page.getByRole('link', { name: 'Events' }).first().waitFor();
  await page.goto(`admin/?proxy_port=${PROXY_PORT}#${hash}`);
}

/** Types into a select or relation field and picks the option named `option`. */
async function pick(page: Page, label: string, typed: string, option: RegExp, which: 'first' | 'last' = 'last') {
  const field = page.getByLabel(label, { exact: true })[which]();
  await field.fill(typed);
  // react-select's options (their ids end in -option-<n>), as the list offers them.
  await page.locator('[id*="-option-"]', { hasText: option }).first().click();
}

async function publish(page: Page) {
  await page.getByRole('button', { name: 'Publish' }).first().click();
  await page.getByText('Publish now').click();
  await expect(page.getByText('Published', { exact: true })).toBeVisible({ timeout: 15_000 });
}

const file = (path: string) => readFileSync(join(repo, path), 'utf8');
const problemsIn = () => validateContent(join(repo, 'content'), repo).problems;

test('adds an event through the form, with a source picked from the list', async ({ page }) => {
  const problems = watch(page);
  await open(page, '/collections/events/new');
  await page.getByLabel('Title', { exact: true }).fill('Senate Banking schedules a hearing on distillation');
  await page.getByLabel('Date', { exact: true }).fill('2026-07-15');
  await pick(page, 'Kind', 'hear', /^hearing$/);
  await page.getByLabel('Summary', { exact: true }).fill('Senate Banking sets a hearing on the campaigns.');
  await pick(page, 'Actors (optional)', 'Banking', /Committee on Banking/);
  await page.getByRole('button', { name: /Add sources/i }).click();
  await pick(page, 'Source', 'Nolan', /Nolan/);
  await page.getByLabel('Body', { exact: true }).fill('Prose in our own words <Cite s="nolan-banking-sanctions" />.');
  await publish(page);

  expect(file('content/events/senate-banking-schedules-a-hearing-on-distillation.mdx')).toBe(
    [
      '---',
      'title: Senate Banking schedules a hearing on distillation',
      'date: "2026-07-15"',
      'kind: hearing',
      'summary: Senate Banking sets a hearing on the campaigns.',
      'actors: [senate-banking]',
      'sources: [nolan-banking-sanctions]',
      '---',
      '',
      'Prose in our own words <Cite s="nolan-banking-sanctions" />.',
      '',
    ].join('\n'),
  );
  expect(problemsIn()).toEqual([]);
  expect(problems).toEqual([]);
});

test('adds a step to an instrument’s history, leaving the rest of the file as it was', async ({ page }) => {
  const problems = watch(page);
  const before = file('content/instruments/hr-8283.yaml');
  await open(page, '/collections/instruments/entries/hr-8283');
  await page.getByRole('button', { name: /Add steps/i }).click();
  // The new step's fields are the last rendered: Decap numbers field ids in render order.
  const newest = async (name: string) => {
    const ids = await page.locator(`[id^="${name}-field-"]`).evaluateAll((els) => els.map((e) => e.id));
    const last = ids.sort((a, b) => Number(a.split('-').pop()) - Number(b.split('-').pop())).at(-1);
    return page.locator(`#${last}`);
  };
  await (await newest('action')).fill('passed-h');
  await page.locator('[id*="-option-"]', { hasText: /^passed-house$/ }).first().click();
  await (await newest('date')).fill('2026-07-20');
  const text = await newest('text');
  await text.fill('The House passed the bill.');
  // The new step's own list of sources: the nearest block around its text that has one.
  await text.locator('xpath=ancestor::div[.//button[contains(., "Add sources")]][1]').getByRole('button', { name: /Add sources/i }).click();
  await (await newest('source')).fill('Flux');
  await page.locator('[id*="-option-"]', { hasText: /Flux/ }).first().click();
  await publish(page);

  const after = file('content/instruments/hr-8283.yaml');
  const added = '  - action: passed-house\n    date: "2026-07-20"\n    text: The House passed the bill.\n    sources: [flux-tokentoday]\n';
  expect(after).toContain(added);
  expect(after.replace(added, '')).toBe(before);
  expect(problemsIn()).toEqual([]);
  expect(problems).toEqual([]);
});

test('adds a correction', async ({ page }) => {
  const problems = watch(page);
  await open(page, '/collections/corrections/new');
  await page.getByLabel('Date', { exact: true }).fill('2026-07-02');
  await page.getByLabel('Page', { exact: true }).fill('/events/alibaba-sues-dod/');
  await page.getByLabel('What', { exact: true }).fill('The page gave the filing date as June 24; it now gives June 23 or 24.');
  await page.getByLabel('Why', { exact: true }).fill('The sources differ on the day.');
  await publish(page);

  const written = readdirSync(join(repo, 'content/corrections')).filter((f) => f.endsWith('.yaml'));
  expect(written).toHaveLength(1);
  expect(file(`content/corrections/${written[0]}`)).toBe(
    [
      'date: "2026-07-02"',
      'page: /events/alibaba-sues-dod/',
      'what: The page gave the filing date as June 24; it now gives June 23 or 24.',
      'why: The sources differ on the day.',
      '',
    ].join('\n'),
  );
  expect(problemsIn()).toEqual([]);
  expect(problems).toEqual([]);
});

test('an impossible date typed into the form is named by npm run validate, file and field', async ({ page }) => {
  await open(page, '/collections/events/new');
  await page.getByLabel('Title', { exact: true }).fill('An event on a day that does not exist');
  await page.getByLabel('Date', { exact: true }).fill('2026-02-30');
  await pick(page, 'Kind', 'rep', /^report$/);
  await page.getByLabel('Summary', { exact: true }).fill('No such day.');
  await page.getByRole('button', { name: /Add sources/i }).click();
  await pick(page, 'Source', 'Flux', /Flux/);
  await page.getByLabel('Body', { exact: true }).fill('Body.');
  await publish(page);
  expect(problemsIn()).toEqual(['content/events/an-event-on-a-day-that-does-not-exist.mdx: date: "2026-02-30" is not a real calendar day']);
  rmSync(join(repo, 'content/events/an-event-on-a-day-that-does-not-exist.mdx'));
});

test('a date not in the form YYYY-MM-DD or YYYY-MM is refused by the form itself', async ({ page }) => {
  await open(page, '/collections/events/new');
  await page.getByLabel('Title', { exact: true }).fill('An event with a free-text date');
  await page.getByLabel('Date', { exact: true }).fill('June 30');
  await page.getByRole('button', { name: 'Publish' }).first().click();
  await page.getByText('Publish now').click();
  await expect(page.getByText('YYYY-MM-DD, or YYYY-MM when the sources give only the month')).toBeVisible();
  expect(existsSync(join(repo, 'content/events/an-event-with-a-free-text-date.mdx'))).toBe(false);
});

test('/admin/ is out of the sitemap, and no page of the site links to it', () => {
  const sitemaps = readdirSync(DIST_DIR).filter((f) => /^sitemap.*\.xml$/.test(f));
  expect(sitemaps.length).toBeGreaterThan(0);
  for (const s of sitemaps) expect(readFileSync(join(DIST_DIR, s), 'utf8')).not.toContain('/admin/');
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && !(dir === DIST_DIR && e.name === 'admin')) walk(join(dir, e.name));
      else if (e.name.endsWith('.html')) pages.push(join(dir, e.name));
    }
  };
  walk(DIST_DIR);
  expect(pages.length).toBeGreaterThan(20);
  expect(pages.filter((p) => /href="[^"]*\/admin\//.test(readFileSync(p, 'utf8')))).toEqual([]);
});

test('the site built from the edited copy shows the new event, step and correction, each with its source', () => {
  test.setTimeout(240_000);
  const out = join(repo, 'dist');
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: {
      ...process.env,
      CONTENT_DIR: join(repo, 'content'),
      OUT_DIR: out,
      ASTRO_CACHE_DIR: join(repo, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      OG_CARDS: 'off',
      BASE_PATH: '',
    },
  });
  expect(run.status, `${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`).toBe(0);
  const text = (page: string) => readFileSync(join(out, page, 'index.html'), 'utf8').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  const event = text('events/senate-banking-schedules-a-hearing-on-distillation');
  expect(event).toContain('Senate Banking schedules a hearing on distillation');
  expect(event).toContain('Kira Nolan');
  const tracker = text('tracker/hr-8283');
  expect(tracker).toContain('The House passed the bill.');
  expect(tracker).toContain('Vera Flux');
  expect(text('corrections')).toContain('it now gives June 23 or 24.');
});
