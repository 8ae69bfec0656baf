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

test('embed pages carry no site navigation, a footer with sources, the data, the as-of date and a credit linking back', async ({ page }) => {
  await page.goto(siteUrl('/embed/timeline/'));
  await expect(page.locator('nav, header, footer, .site-nav')).toHaveCount(0);
  const credit = page.locator('.embed-credit');
  await expect(credit).toContainText('Source');
  await expect(credit).toContainText('As of June 26, 2026');
  await expect(page.locator('.embed-notes')).toContainText('alleged by Anthropic; not independently verified');
  await expect(credit.getByRole('link', { name: 'The Distillation Files' })).toHaveAttribute('href', /\/timeline\/$/);
  await expect(credit.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', /\/data\/timeline\.csv$/);
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
      expect(svg).toMatch(/As of June 26, 2026/);
    }
  });

  test('each chart page lists its chart\'s PNG, SVG and data, as its embed does (the home page too)', async ({ request }) => {
    const links = (html: string, cls: string) =>
      [...(new RegExp(`<span class="${cls}"[^>]*>([\\s\\S]*?)</span>`).exec(html)?.[1] ?? '').matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`);
    const pages: [string, string][] = [
      ['/', 'timeline'],
      ['/timeline/', 'timeline'],
      ['/campaigns/', 'campaign-scale'],
      ['/markets/', 'market'],
      ['/tracker/', 'tracker'],
      ['/tracker/hr-8283/', 'status-hr-8283'],
    ];
    for (const [path, id] of pages) {
      const html = await (await request.get(siteUrl(path))).text();
      const embed = await (await request.get(siteUrl(`/embed/${id}/`))).text();
      const data = links(embed, 'embed-getdata').filter((l) => !l.startsWith('SVG '));
      expect(data.map((l) => l.split(' ')[0]), `${id} embed`).toEqual(['CSV', 'JSON']);
      // The panel's own button names its dialog; its download list follows it.
      const at = html.indexOf(`popovertarget="embed-${id}"`);
      expect(at, `${path}: the ${id} panel`).toBeGreaterThan(-1);
      const panel = html.slice(at);
      expect(links(panel, 'embed-downloads'), `${path}: the ${id} panel`).toEqual([`PNG ${BASE_PATH}charts/${id}.png`, `SVG ${BASE_PATH}charts/${id}.svg`, ...data]);
    }
  });

  test('the timeline data has one row per event, as in the content', async ({ request }) => {
    const json = await (await request.get(siteUrl('/data/timeline.json'))).json();
    expect(json.meta.as_of).toBe('2026-06-26');
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

test.describe('chart-first embeds', () => {
  const story = loadContent('content').story;
  const paths = ['timeline', 'campaign-scale', 'intensity', 'market', 'tracker', 'status-hr-8283'];
  /** The published snippet's default height per embed, from the previewer at /embed/. */
  async function snippetHeights(page: Page): Promise<Record<string, number>> {
    await page.goto(siteUrl('/embed/'));
    const out: Record<string, number> = {};
    for (const id of paths) out[id] = Number(/height="(\d+)"/.exec(await page.locator(`#pv-${id}-code`).inputValue())![1]);
    return out;
  }

  test('each embed has one title, a description, the chart and a footer: no data table, no dispute boxes, no page chart heading', async ({ page }) => {
    for (const id of paths) {
      await page.goto(siteUrl(`/embed/${id}/`));
      await expect(page.locator('h1'), id).toHaveCount(1);
      await expect(page.locator('h1'), id).toHaveText(/\w/);
      await expect(page.locator('.embed-desc'), id).toHaveCount(1);
      await expect(page.locator('table, .claim, .chart-title, details'), id).toHaveCount(0);
      await expect(page.locator('.embed-chart svg:visible').first(), id).toBeVisible();
    }
  });

  test('the charts come as artboards, and the frame shows only the one that fits, never scaled down', async ({ page }) => {
    for (const width of [320, 390, 640, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(siteUrl('/embed/campaign-scale/'));
      const shown = await page.locator('.chart-canvas > .artboard').evaluateAll((els) =>
        els.filter((e) => getComputedStyle(e).display !== 'none').map((e) => ({ drawn: Number((e as HTMLElement).dataset.width), shown: e.getBoundingClientRect().width })),
      );
      expect(shown, `${width} px`).toHaveLength(1);
      expect(shown[0]!.shown, `${width} px`).toBeGreaterThanOrEqual(Math.min(shown[0]!.drawn, width) - 1);
    }
  });

  test('?title=0 hides the title from sight, for a host with its own headline, and keeps it for screen readers', async ({ page }) => {
    await page.goto(siteUrl('/embed/campaign-scale/?title=0'));
    const box = await page.locator('h1').boundingBox();
    expect(box!.height).toBeLessThanOrEqual(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/campaigns/);
  });

  test('each disputed figure has one short note linking to its dispute, worded from the claim', async ({ page }) => {
    const noted: Record<string, string[]> = {};
    for (const id of paths) {
      await page.goto(siteUrl(`/embed/${id}/`));
      noted[id] = await page.locator('.embed-disputes li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.claim!));
      expect(new Set(noted[id]).size, `${id}: one note per claim`).toBe(noted[id]!.length);
      for (const claimId of noted[id]!) {
        const note = page.locator(`.embed-disputes li[data-claim="${claimId}"]`);
        const claim = story.claims.find((c) => c.id === claimId)!;
        await expect(note.getByRole('link', { name: claim.data.topic }), id).toHaveAttribute('href', new RegExp(`/disputes/#${claimId}$`));
        for (const p of claim.data.positions) await expect(note, `${id} ${claimId}`).toContainText(p.label);
      }
    }
    // Every disputed figure an embed draws has its note: the campaign figures shown (exchanges), the rates' inputs and
    // the campaign's length, the disputed event dates, and the disputes over each instrument.
    const claimOf = (c: { claim?: string | null }) => c.claim ?? null;
    const has = (id: string, claims: (string | null | undefined)[]) => expect(noted[id], id).toEqual(expect.arrayContaining(claims.filter(Boolean)));
    has('campaign-scale', story.campaigns.map((c) => claimOf(c.data.exchanges)));
    has('intensity', [...story.campaigns.flatMap((c) => [claimOf(c.data.exchanges), claimOf(c.data.accounts)]), 'campaign-duration']);
    has('timeline', story.events.map((e) => e.data.dateClaim));
    has('tracker', story.claims.filter((c) => c.data.instruments.length > 0).map((c) => c.id));
    has('status-hr-8283', story.claims.filter((c) => c.data.instruments.includes('hr-8283')).map((c) => c.id));
  });

  test('every link in an embed opens a new tab, and "Get the data" links to files that exist', async ({ page, request }) => {
    for (const id of paths) {
      await page.goto(siteUrl(`/embed/${id}/`));
      const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => ({ target: a.getAttribute('target'), rel: a.getAttribute('rel') })));
      expect(links.length, id).toBeGreaterThan(0);
      for (const l of links) expect(l, id).toEqual({ target: '_blank', rel: 'noopener' });
      for (const href of await page.locator('.embed-getdata a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
        expect((await request.get(href)).ok(), `${id}: ${href}`).toBe(true);
      }
    }
  });

  test('the snippet\'s default height is the embed\'s height at 640 px', async ({ page }) => {
    const heights = await snippetHeights(page);
    await page.setViewportSize({ width: 640, height: 900 });
    for (const id of paths) {
      await page.goto(siteUrl(`/embed/${id}/`));
      const height = await page.evaluate(() => Math.ceil(document.querySelector('.embed-root')!.getBoundingClientRect().height));
      expect(Math.abs(height - heights[id]!), `${id}: ${height} px, snippet ${heights[id]}`).toBeLessThanOrEqual(40);
    }
  });
});

test.describe('a click inside an embed never loads the site inside the frame', () => {
  /** The embed's frame in the host page, by its address. */
  const embedFrame = (page: Page, path: string) => page.frames().find((f) => f.url().includes(path));

  test('with our snippet, two timeline marks and the credit link, clicked in turn in one frame, each open a new tab', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openHost(page, await publishedSnippet(page));
    await expect(page.locator('iframe[data-distillation-embed]')).toHaveAttribute('data-resized', 'true');
    const frame = page.frameLocator('iframe[data-distillation-embed]');
    const before = embedFrame(page, '/embed/timeline/')!.url();
    // Several links in the same frame, one after another: each click opens the site in a new tab of its own.
    // The tabs stay open until the end, as a reader's would: in headless Chromium, closing a popup page stops
    // input reaching this cross-origin frame at all (the host page's hit test lands on the <iframe> element and
    // the frame's document sees no click), which is the browser harness, not the embed.
    const tabs: Page[] = [];
    for (const [target, url] of [
      [frame.locator('a.tl-mark:visible').first(), /\/events\/[^/]+\/$/],
      [frame.locator('.embed-credit-link'), /\/timeline\/$/],
      [frame.locator('a.tl-mark:visible').last(), /\/events\/[^/]+\/$/],
    ] as const) {
      const popup = page.context().waitForEvent('page');
      await target.click();
      const tab = await popup;
      await expect.poll(() => tab.url()).toMatch(url);
      tabs.push(tab);
      expect(embedFrame(page, '/embed/timeline/')?.url()).toBe(before);
    }
    // Three different pages: the second and third clicks were not swallowed or sent to the first tab.
    expect(new Set(tabs.map((t) => t.url())).size).toBe(3);
    for (const tab of tabs) await tab.close();
    expect(page.url()).toContain('/embed-host.html');
  });

  test('in WordPress\'s sandbox (allow-scripts only) it asks the host to navigate with the link message, and answers ready with its height', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${HOST_ORIGIN}/embed-host-wp.html?embed=embed/timeline/`);
    const heights = () => page.evaluate(() => (window as any).__messages.filter((m: any) => m.data?.message === 'height' && m.data.secret === 'wp123').length);
    await expect.poll(heights).toBeGreaterThan(0);
    // The host's script may run after the frame has reported: on "ready" the embed sends its height again.
    const sent = await heights();
    await page.evaluate(() => (window as any).__sendReady());
    await expect.poll(heights).toBeGreaterThan(sent);
    await expect.poll(async () => (await page.locator('iframe').boundingBox())!.height).toBeGreaterThan(300);

    const frame = page.frameLocator('iframe.wp-embedded-content');
    const before = embedFrame(page, '/embed/timeline/')!.url();
    let popups = 0;
    page.context().on('page', () => popups++);
    // Three clicks in the same frame, one after another: one link message each, in order.
    const last = await frame.locator('a.tl-mark:visible').last().getAttribute('href');
    await frame.locator('a.tl-mark:visible').first().click();
    await frame.locator('.embed-credit-link').click();
    await frame.locator('a.tl-mark:visible').last().click();
    await expect.poll(() => page.evaluate(() => (window as any).__links)).toEqual([
      expect.stringMatching(new RegExp(`^${SITE_ORIGIN}${BASE_PATH}events/[^/]+/$`)),
      `${SITE_ORIGIN}${BASE_PATH}timeline/`,
      new URL(last!, `${SITE_ORIGIN}${BASE_PATH}embed/timeline/`).href,
    ]);
    await page.waitForTimeout(200);
    expect(embedFrame(page, '/embed/timeline/')?.url()).toBe(before);
    expect(popups).toBe(0);
  });
});
