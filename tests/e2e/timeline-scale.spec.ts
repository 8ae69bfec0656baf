/**
 * The site at scale. The real story has 15 events, too few to reach the
 * timeline's density view and packed list, the event pages' cut-down market
 * chart or the month pages of /events/, so this spec builds a synthetic site of
 * the real content plus 600 generated events (scripts/lib/synthetic.mjs,
 * seeded) into a temporary folder, never under content/, and serves it on
 * its own port. One build, in one worker (serial): two Astro builds in one
 * checkout would collide, and this one runs after the main build finished.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/diagnostics.ts';
import { writeSyntheticContent } from '../../scripts/lib/synthetic.mjs';
import { serveDist } from '../../scripts/lib/serve.mjs';
import { MARKET_PAGE_MARKS } from '../../src/lib/views/campaigns.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SYNTHETIC = 600;
const PORT = 4430;

test.describe.configure({ mode: 'serial' });

let tmp = '';
let origin = '';
let stop = () => {};
let total = 0;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  tmp = mkdtempSync(join(tmpdir(), 'timeline-scale-'));
  writeSyntheticContent(ROOT, join(tmp, 'content'), SYNTHETIC);
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: {
      ...process.env,
      CONTENT_DIR: join(tmp, 'content'),
      OUT_DIR: join(tmp, 'dist'),
      ASTRO_CACHE_DIR: join(tmp, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      OG_CARDS: 'off',
      BASE_PATH: '',
    },
  });
  if (run.status !== 0) throw new Error(`synthetic build failed:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
  const server = await serveDist(ROOT, join(tmp, 'dist'), PORT);
  origin = server.origin;
  stop = server.stop;
  total = SYNTHETIC + 15;
});

test.afterAll(() => {
  stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const ready = (page: import('@playwright/test').Page) => expect(page.locator('timeline-view[data-ready="true"]')).toHaveCount(1);
const plot = (page: import('@playwright/test').Page) => page.locator('.tl-plot-h');

test.use({ viewport: { width: 1280, height: 900 } });

test('the full view is a density view: merged marks, a note, and the plot itself takes focus', async ({ page }) => {
  await page.goto(`${origin}/timeline/`);
  await ready(page);
  await expect(plot(page).locator('svg.is-dense')).toHaveCount(1);
  await expect(plot(page).locator('a.tl-mark')).toHaveCount(0);
  expect(await plot(page).locator('.tl-cluster').count()).toBeGreaterThan(5);
  await expect(plot(page).locator('.tl-dense-note')).toContainText(`${total} events in view, too many to mark one by one`);
  await expect(plot(page)).toHaveAttribute('tabindex', '0');
  await expect(plot(page)).toHaveAccessibleName(/too many events in view.*arrow key/i);
  const results = await new AxeBuilder({ page }).include('timeline-view').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('an arrow key on the density view zooms in to single marks and focuses the first event', async ({ page }) => {
  await page.goto(`${origin}/timeline/`);
  await ready(page);
  await plot(page).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveAttribute('data-id', 'copyright-office-guidance');
  await expect(plot(page).locator('svg.is-dense')).toHaveCount(0);
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  // From there, arrows step event by event in time order.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveAttribute('data-id', /^synthetic-/);
  // Back to the full view: dense again, and focus moves from the vanished mark to the plot.
  await page.keyboard.press('0');
  await expect(plot(page).locator('svg.is-dense')).toHaveCount(1);
  await expect(plot(page)).toBeFocused();
});

test('a click on the merged marks zooms in there', async ({ page }) => {
  await page.goto(`${origin}/timeline/`);
  await ready(page);
  const before = await plot(page).locator('svg:not(.tl-pin)').getAttribute('data-domain');
  // Click on the first dot of a merged path (its stroke is what takes the click).
  const at = await plot(page)
    .locator('.tl-cluster path.tl-dot')
    .first()
    .evaluate((path) => {
      const [x, y0, , y1] = (path.getAttribute('d') ?? '').match(/[\d.]+/g)!.map(Number) as [number, number, number, number];
      const point = new DOMPoint(x, (y0 + y1) / 2).matrixTransform((path as SVGGraphicsElement).getScreenCTM()!);
      return { x: point.x, y: point.y };
    });
  await page.mouse.click(at.x, at.y);
  await expect(plot(page).locator('svg:not(.tl-pin)')).not.toHaveAttribute('data-domain', before!);
  await expect(page).toHaveURL(/from=/);
});

test('the long list ships unparsed and is moved into the page, one ordered list per month', async ({ page, request }) => {
  const html = await (await request.get(`${origin}/timeline/`)).text();
  expect(html).toContain('<noscript class="event-index-packed">');
  await page.goto(`${origin}/timeline/`);
  await ready(page);
  await expect(page.locator('.event-index li')).toHaveCount(total);
  await expect(page.locator('noscript.event-index-packed')).toHaveCount(0);
  const starts = await page.locator('.event-index ol').evaluateAll((ols) => ols.map((ol) => (ol as HTMLOListElement).start));
  expect(starts[0]).toBe(1);
  // Filters reach the unpacked list too.
  await page.getByLabel('Market', { exact: true }).uncheck();
  await expect(page.locator('.event-index li[data-kind="market"]:not([hidden])')).toHaveCount(0);
});

test('an event page in a busy market period marks its own event and those around it, and says so', async ({ page }) => {
  // /markets/ marks every event of the period; take one from the middle of its table.
  await page.goto(`${origin}/markets/`);
  const rows = page.locator('table[data-chart="market-events"] tr[data-event]');
  const count = await rows.count();
  expect(count).toBeGreaterThan(MARKET_PAGE_MARKS);
  const id = await rows.nth(Math.floor(count / 2)).getAttribute('data-event');
  await page.goto(`${origin}/events/${id}/`);
  const figure = page.locator('section[aria-labelledby="market-heading"]');
  await expect(figure.locator('[data-market-partial]')).toContainText(`${count} events fall between`);
  await expect(figure.locator('[data-market-partial] a')).toHaveAttribute('href', '/markets/');
  const own = figure.locator('table[data-chart="market-events"] tr[data-event]');
  await expect(own).toHaveCount(MARKET_PAGE_MARKS);
  await expect(figure.locator(`tr[data-event="${id}"]`)).toContainText('(this event)');
  await expect(figure.locator('table[data-chart="market-events"] caption')).toContainText(`${MARKET_PAGE_MARKS} of the period's ${count}`);
  // One artboard shows at a time (the others are drawn for other widths).
  await expect(figure.locator('.artboard:visible .c-events .c-marker-text')).toHaveCount(MARKET_PAGE_MARKS);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('/events/ lists the months, and each month page lists its events, numbered on, with axe passing', async ({ page }) => {
  await page.goto(`${origin}/events/`);
  await expect(page.locator('.lede')).toContainText(`${total} events from`);
  await expect(page.locator('.event-list')).toHaveCount(0);
  const links = page.locator('.month-list a');
  const texts = await page.locator('.month-list li').allInnerTexts();
  expect(texts.length).toBeGreaterThan(12);
  const counts = texts.map((t) => Number(/\(([\d,]+) events?\)/.exec(t)![1]!.replace(/,/g, '')));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
  // The second month: its list starts where the first month's ended, and links both ways.
  const first = (await links.nth(0).textContent())!;
  const second = (await links.nth(1).textContent())!;
  await links.nth(1).click();
  await expect(page.locator('h1')).toHaveText(`Events of ${second}`);
  await expect(page.locator('.event-list > li')).toHaveCount(counts[1]!);
  await expect(page.locator('.event-list')).toHaveAttribute('start', String(counts[0]! + 1));
  await expect(page.locator('.event-list > li h2 a').first()).toHaveAttribute('href', /^\/events\/[^/]+\/$/);
  await expect(page.locator('.pager a[rel="prev"]')).toContainText(first);
  await expect(page.locator('.pager a[rel="next"]')).toHaveCount(1);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the density view and the whole list are there', async ({ page }) => {
    await page.goto(`${origin}/timeline/`);
    await expect(page.locator('.tl-plot .artboard:visible svg.is-dense')).toBeVisible();
    await expect(page.locator('.event-index li')).toHaveCount(total);
    await expect(page.locator('.event-index li').first()).toBeVisible();
  });
});
