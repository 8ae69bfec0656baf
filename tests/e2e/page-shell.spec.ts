/**
 * The page around the charts, as a phone reader meets it (issue 13).
 *
 * - Navigation at 390 px: one row that scrolls sideways, every link one Tab
 *   (or tap) away and wholly in view when it has keyboard focus (the row
 *   wraps then), with a visible focus ring and a 2.5rem-tall target; this
 *   page's link marked and in view; no script.
 * - The page's own content starts near the top: the h1 within 200 px at
 *   390 px, the as-of line still on every page.
 * - No layout shift: the layout-shift entries (PerformanceObserver,
 *   buffered) of the main pages at 390 and 1280 px add up to 0 once the
 *   page and its islands have settled.
 * - No sideways scrolling at 320 px on any page that has no chart (the chart
 *   pages and embeds are swept by readability.spec.ts).
 * - Print: the chart and its source line, without navigation or controls.
 */
import type { Page } from '@playwright/test';
import { DIST_DIR, siteUrl } from './support/env.ts';
import { expect, expectClean, test } from './support/diagnostics.ts';
import { listBuiltPageFiles } from './support/pages.ts';
import { chartPages } from '../../scripts/readability.mjs';

const NAV = ['Home', 'Timeline', 'Tracker', 'Campaigns', 'Markets', 'Events', 'Disputes', 'Actors', 'Sources', 'Method', 'Search'];
const EVENT = '/events/anthropic-letter-to-senate-banking/';

const builtPages = listBuiltPageFiles().filter((p) => !p.isRedirect && p.path.endsWith('/'));
/** Every top-level page (/, /timeline/, …, /embed/) and one page of each kind below them. */
const TOP_PAGES = [
  ...builtPages.map((p) => p.path).filter((p) => /^\/([^/]+\/)?$/.test(p)),
  EVENT,
  '/tracker/hr-8283/',
  '/campaigns/deepseek-february/',
  '/actors/bill-hagerty/',
];

test.describe('navigation at 390 px', () => {
  // Nothing here needs JavaScript.
  test.use({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });

  test('is one row that scrolls sideways, every link a Tab away and wholly in view when focused, with a visible focus ring', async ({ page }) => {
    await page.goto(siteUrl('/'));
    const links = page.locator('.site-nav a');
    await expect(links).toHaveText(NAV);
    const row = await page.locator('.site-nav ul').evaluate((ul) => ({
      scrolls: ul.scrollWidth > ul.clientWidth && getComputedStyle(ul).overflowX === 'auto',
      tops: [...ul.querySelectorAll('a')].map((a) => Math.round(a.getBoundingClientRect().top)),
    }));
    expect(row.scrolls, 'the row is wider than the screen and scrolls').toBe(true);
    expect(new Set(row.tops).size, `one row (link tops: ${row.tops.join(', ')})`).toBe(1);

    await page.locator('.site-name').focus();
    for (const label of NAV) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        const ul = a.closest('ul');
        const r = a.getBoundingClientRect();
        const box = ul?.getBoundingClientRect();
        const style = getComputedStyle(a);
        return {
          text: a.textContent,
          // Whole, inside the row's visible box and the screen (so not under an edge fade either).
          inView: !!box && !!ul && r.left >= box.left + 2 && r.right <= box.right - 2 && r.left >= 0 && r.right <= innerWidth && (ul.scrollWidth <= ul.clientWidth || getComputedStyle(ul).maskImage === 'none'),
          height: r.height,
          outline: `${style.outlineStyle} ${parseFloat(style.outlineWidth)}`,
        };
      });
      expect(focused.text, 'Tab moves to the next link').toBe(label);
      expect(focused.inView, `${label} is wholly in view, clear of the fades, when focused`).toBe(true);
      expect(focused.height, `${label} is at least 40 px tall to tap`).toBeGreaterThanOrEqual(40);
      expect(focused.outline, `${label} shows its focus ring`).toMatch(/^solid [2-9]/);
    }
  });

  for (const [path, label] of [['/', 'Home'], ['/disputes/', 'Disputes'], ['/search/', 'Search'], [EVENT, 'Events']] as const) {
    test(`on ${path} the link to ${label} is marked as this page and starts in view`, async ({ page }) => {
      await page.goto(siteUrl(path));
      const current = page.locator('.site-nav a[aria-current="page"]');
      await expect(current).toHaveText(label);
      const inView = await current.evaluate((a) => {
        const r = a.getBoundingClientRect();
        const box = a.closest('ul')!.getBoundingClientRect();
        return r.left >= box.left - 1 && r.right <= box.right + 1;
      });
      expect(inView, `${label} is visible in the row without scrolling it`).toBe(true);
    });
  }

  test('the page starts near the top: the h1 within 200 px, under the as-of line', async ({ page }) => {
    const tops: string[] = [];
    for (const path of TOP_PAGES) {
      await page.goto(siteUrl(path));
      const m = await page.evaluate(() => ({
        h1: document.querySelector('h1')?.getBoundingClientRect().top ?? Infinity,
        asOf: document.querySelector('.asof-banner')?.textContent ?? '',
      }));
      tops.push(`${path} ${Math.round(m.h1)}`);
      expect.soft(m.h1, `top of the h1 on ${path} at 390 px`).toBeLessThan(200);
      expect.soft(m.asOf, `the as-of line on ${path}`).toContain('Status as of June 26, 2026');
      await expect.soft(page.locator('.asof-banner a[href$="/method/#as-of"]'), `the as-of line on ${path} links to what it means`).toBeVisible();
    }
    console.log(`h1 top at 390 px: ${tops.join(' · ')}`);
  });
});

/** Sum of the page's layout-shift scores so far (none follows input here), with what moved. */
async function layoutShift(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ total: number; moved: string[] }>((resolve) => {
        const entries: (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] })[] = [];
        new PerformanceObserver((list) => entries.push(...(list.getEntries() as typeof entries))).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => {
          const counted = entries.filter((e) => !e.hadRecentInput);
          const name = (n?: Node | null) => (n instanceof Element ? `${n.localName}${n.id ? `#${n.id}` : ''}${n.classList.length ? `.${[...n.classList].join('.')}` : ''}` : String(n?.nodeName));
          resolve({
            total: counted.reduce((sum, e) => sum + e.value, 0),
            moved: counted.map((e) => `${e.value.toFixed(4)}: ${(e.sources ?? []).map((s) => name(s.node)).join(', ')}`),
          });
        }, 100);
      }),
  );
}


test.describe('no layout shift', () => {
  for (const width of [390, 1280]) {
    for (const path of ['/', '/timeline/', '/campaigns/', '/tracker/', EVENT, '/markets/']) {
      test(`${path} at ${width} px does not move once shown`, async ({ page, diagnostics }) => {
        await page.setViewportSize({ width, height: 844 });
        await page.goto(siteUrl(path), { waitUntil: 'load' });
        await page.waitForLoadState('networkidle');
        // Islands start on load and draw in the next frames; give them time to settle.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500)))));
        const { total, moved } = await layoutShift(page);
        console.log(`CLS ${path} ${width} px: ${total.toFixed(4)}${moved.length ? ` (${moved.join('; ')})` : ''}`);
        expect(total, `cumulative layout shift on ${path} at ${width} px: ${moved.join('; ')}`).toBe(0);
        expectClean(diagnostics, path);
      });
    }
  }
});

test.describe('no sideways scrolling at 320 px', () => {
  test.use({ viewport: { width: 320, height: 700 } });
  test.describe.configure({ timeout: 120_000 });

  test('no page without a chart is wider than the screen (chart pages and embeds: readability.spec.ts)', async ({ page }) => {
    const charts = new Set(chartPages(DIST_DIR));
    const paths = builtPages.map((p) => p.path).filter((p) => !charts.has(p));
    expect(paths.length, 'pages checked').toBeGreaterThan(40);
    const wide: string[] = [];
    for (const path of paths) {
      await page.goto(siteUrl(path), { waitUntil: 'load' });
      const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (m.scroll > m.client) wide.push(`${path}: ${m.scroll} px of content in ${m.client} px`);
    }
    expect(wide, 'pages that scroll sideways at 320 px').toEqual([]);
  });
});

test.describe('print', () => {
  for (const path of ['/campaigns/', '/events/alibaba-sues-dod/', '/markets/']) {
    test(`${path} prints its charts with their source lines, without navigation or controls`, async ({ page }) => {
      await page.goto(siteUrl(path), { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      await page.emulateMedia({ media: 'print' });
      const charts = page.locator('figure.chart-figure');
      expect(await charts.count(), 'charts on the page').toBeGreaterThan(0);
      for (const chart of await charts.all()) {
        // One artboard of each chart shows, the one that fits the printed column.
        await expect(chart.locator('svg:visible'), 'the chart').not.toHaveCount(0);
        await expect(chart.locator('.chart-source').first(), 'its source line').toBeVisible();
      }
      await expect(page.locator('.asof-banner'), 'the as-of line').toBeVisible();
      await expect(page.locator('h1')).toBeVisible();
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('nav, form, button, select, input, summary, [popover], .site-nav a, .embed-panel')]
          .filter((el) => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0)
          .map((el) => `${el.localName}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}: ${el.textContent?.trim().slice(0, 40)}`),
      );
      expect(shown, 'navigation and controls shown in print').toEqual([]);
    });
  }
});
