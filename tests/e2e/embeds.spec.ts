/**
 * Embeds in a host page on another origin (the HOST server, another port),
 * using the snippet the site publishes: self-resizing with no inner
 * scrollbar at desktop width and at 360 px, re-measuring on width changes,
 * themes, the WordPress and AMP height messages, and no site navigation.
 */
import { expect, test } from './support/diagnostics.ts';
import { type Page } from '@playwright/test';
import { HOST_ORIGIN, SITE_ORIGIN, BASE_PATH, siteUrl } from './support/env.ts';
import { loadContent } from '../unit/support/load-content.ts';

/** The published snippet from the chart's page, pointed at the local server. */
async function publishedSnippet(page: Page, id = 'timeline', from = '/timeline/'): Promise<string> {
  await page.goto(siteUrl(from));
  const code = await page.locator(`#embed-${id}-code`).inputValue();
  // Snippets carry the production origin; swap it for the local one.
  return code.replace(/https?:\/\/[^/"]+\//g, `${SITE_ORIGIN}${BASE_PATH}`);
}

/** Opens the host page on the other origin (tests/e2e/fixtures-host/embed-host.html) with the snippet pasted in. */
async function openHost(page: Page, snippet: string): Promise<void> {
  await page.goto(`${HOST_ORIGIN}/embed-host.html?snippet=${encodeURIComponent(snippet)}`);
}

async function frameFits(page: Page) {
  const frame = page.locator('iframe[data-distillation-embed]').first();
  await expect(frame).toHaveAttribute('data-resized', 'true', { timeout: 10_000 });
  const handle = await frame.elementHandle();
  const inner = await (await handle!.contentFrame())!.evaluate(() => ({
    content: Math.ceil(document.querySelector('.embed-root')!.getBoundingClientRect().height),
    scroll: document.documentElement.scrollHeight,
    client: document.documentElement.clientHeight,
  }));
  const outer = (await frame.boundingBox())!.height;
  return { inner, outer };
}

test('the timeline embed sizes itself to its content on another origin, with no inner scrollbar', async ({ page }) => {
  const snippet = await publishedSnippet(page);
  expect(snippet).toContain('sandbox="allow-scripts');
  await openHost(page, snippet);
  await page.setViewportSize({ width: 1280, height: 900 });
  const wide = await frameFits(page);
  expect(Math.abs(wide.outer - wide.inner.content)).toBeLessThanOrEqual(2);
  expect(wide.inner.scroll).toBeLessThanOrEqual(wide.inner.client + 1);

  // Narrow: the vertical layout is taller; the frame must follow.
  await page.setViewportSize({ width: 360, height: 800 });
  await expect.poll(async () => (await frameFits(page)).outer).toBeGreaterThan(wide.outer + 50);
  const narrow = await frameFits(page);
  expect(Math.abs(narrow.outer - narrow.inner.content)).toBeLessThanOrEqual(2);
  expect(narrow.inner.scroll).toBeLessThanOrEqual(narrow.inner.client + 1);

  // And back: it re-measures when the width changes again.
  await page.setViewportSize({ width: 1100, height: 900 });
  await expect.poll(async () => (await frameFits(page)).outer).toBeLessThan(narrow.outer);
});

test('the campaign-scale embed sizes itself too, at desktop width and at 360 px', async ({ page }) => {
  await openHost(page, await publishedSnippet(page, 'campaign-scale', '/campaigns/'));
  await page.setViewportSize({ width: 1280, height: 900 });
  const wide = await frameFits(page);
  expect(Math.abs(wide.outer - wide.inner.content)).toBeLessThanOrEqual(2);
  expect(wide.inner.scroll).toBeLessThanOrEqual(wide.inner.client + 1);
  await page.setViewportSize({ width: 360, height: 800 });
  await expect.poll(async () => (await frameFits(page)).outer).not.toBe(wide.outer);
  const narrow = await frameFits(page);
  expect(narrow.inner.scroll).toBeLessThanOrEqual(narrow.inner.client + 1);
});

test('the embed also speaks the WordPress and AMP height messages', async ({ page }) => {
  const snippet = (await publishedSnippet(page)).replace('/embed/timeline/"', '/embed/timeline/#?secret=abc123"');
  await openHost(page, snippet);
  await expect
    .poll(() => page.evaluate(() => (window as any).__messages.map((m: any) => m.data)))
    .toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'distillation-files:resize', height: expect.any(Number) }),
        expect.objectContaining({ message: 'height', value: expect.any(Number), secret: 'abc123' }),
        expect.objectContaining({ sentinel: 'amp', type: 'embed-size', height: expect.any(Number) }),
      ]),
    );
});

test('the loader ignores messages from frames it did not load and impossible heights', async ({ page }) => {
  const snippet = await publishedSnippet(page);
  await openHost(page, snippet);
  const frame = page.locator('iframe[data-distillation-embed]');
  await expect(frame).toHaveAttribute('data-resized', 'true');
  const before = (await frame.boundingBox())!.height;
  // A message from the host window itself is not from the frame: ignored.
  await page.evaluate(() => window.postMessage({ type: 'distillation-files:resize', height: 4321 }, '*'));
  await page.waitForTimeout(200);
  expect((await frame.boundingBox())!.height).toBeCloseTo(before, 0);
});

test('?theme=dark and ?theme=light override the system setting', async ({ page }) => {
  for (const [theme, scheme, dark] of [['dark', 'light', true], ['light', 'dark', false]] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(siteUrl(`/embed/timeline/?theme=${theme}`));
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    expect(((r! + g! + b!) / 3 < 128) === dark, `${theme} theme background ${bg}`).toBe(true);
  }
});

test('?kinds= and ?from=&to= set the initial filter and range of the timeline embed', async ({ page }) => {
  await page.goto(siteUrl('/embed/timeline/?kinds=litigation,hearing&from=2026-06-01&to=2026-06-30'));
  await expect(page.locator('a.tl-mark.kind-litigation:visible').first()).toBeVisible();
  await expect(page.locator('a.tl-mark.kind-disclosure:visible')).toHaveCount(0);
  await expect(page.locator('.embed-range')).toHaveText('Showing 2026-06-01 to 2026-06-30.');
  await expect(page.locator('.tl-plot .artboard:visible .tl-zoom').first()).toHaveAttribute('transform', /scale\(/);
});

test('embed pages carry no site navigation, a credit line linking back, and the as-of date', async ({ page }) => {
  await page.goto(siteUrl('/embed/timeline/'));
  await expect(page.locator('nav, header, footer, .site-nav')).toHaveCount(0);
  const credit = page.locator('.embed-credit');
  await expect(credit).toContainText('Source:');
  await expect(credit).toContainText('As of June 26, 2026');
  await expect(credit).toContainText('alleged by Anthropic');
  await expect(credit.getByRole('link', { name: 'The Distillation Files' })).toHaveAttribute('href', /\/timeline\/$/);
});

test('the Embed button opens the snippet dialog without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(siteUrl('/timeline/'));
  await page.getByRole('button', { name: 'Embed this chart' }).click();
  const dialog = page.getByRole('dialog', { name: /Embed/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('textarea').first()).toHaveValue(/data-distillation-embed/);
  await context.close();
});

test.describe('downloads', () => {
  const content = loadContent('content').story;

  test('every chart has a valid PNG and SVG', async ({ request }) => {
    for (const id of ['timeline', 'campaign-scale', 'intensity', 'market', 'tracker', 'status-hr-8283', 'status-alibaba-v-dod']) {
      const png = await request.get(siteUrl(`/charts/${id}.png`));
      expect(png.ok(), `${id}.png`).toBe(true);
      expect((await png.body()).subarray(0, 8).toString('hex'), `${id}.png signature`).toBe('89504e470d0a1a0a');
      const svg = await (await request.get(siteUrl(`/charts/${id}.svg`))).text();
      expect(svg, `${id}.svg`).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>$/);
      expect(svg).toContain('as of June 26, 2026');
    }
  });

  test('the timeline data has one row per event, as in the content', async ({ request }) => {
    const json = await (await request.get(siteUrl('/data/timeline.json'))).json();
    expect(json.as_of).toBe('2026-06-26');
    expect(json.rows.map((r: { id: string }) => r.id).sort()).toEqual(content.events.map((e) => e.id).sort());
    const csv = await (await request.get(siteUrl('/data/timeline.csv'))).text();
    expect(csv.trimEnd().split('\r\n')).toHaveLength(content.events.length + 1);
    const lawsuit = json.rows.find((r: { id: string }) => r.id === 'alibaba-sues-dod');
    expect([lawsuit.start, lawsuit.end, lawsuit.precision]).toEqual(['2026-06-23', '2026-06-24', 'uncertain']);
  });

  test('the market data gives the reported price, the reported move and the derived level with its formula', async ({ request }) => {
    const { rows } = await (await request.get(siteUrl('/data/market.json'))).json();
    const series = content.series.find((s) => s.id === 'alibaba-ads')!.data;
    expect(rows.find((r: { kind: string }) => r.kind === 'reported').value).toBe(series.points[0]!.value);
    expect(rows.find((r: { kind: string }) => r.kind.startsWith('reported move')).value).toBe(series.moves[0]!.percent);
    const derived = rows.find((r: { kind: string }) => r.kind === 'derived');
    expect(derived.value).toBe(126.57);
    expect(derived.formula).toBe('94.93 ÷ (1 − 25/100)');
  });
});
