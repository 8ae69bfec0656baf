/** The interactive timeline on the built site: keyboard, filters, URL state, zoom, selection, no-JS and narrow layouts. */
import { expect, test } from './support/diagnostics.ts';
import { siteUrl } from './support/env.ts';

const ready = (page: import('@playwright/test').Page) => expect(page.locator('timeline-view[data-ready="true"]')).toHaveCount(1);
const marks = (page: import('@playwright/test').Page) => page.locator('.tl-plot-h a.tl-mark');

test.describe('wide layout', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('arrow keys move between events in time order, with visible focus', async ({ page }) => {
    await page.goto(siteUrl('/timeline/'));
    await ready(page);
    const first = marks(page).filter({ has: page.locator('title', { hasText: 'Copyright Office' }) });
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator(':focus')).toHaveAttribute('data-id', /google-raises-concerns|openai-reports-deepseek/);
    await page.keyboard.press('End');
    await expect(page.locator(':focus')).toHaveAttribute('data-id', 'alibaba-ads-low');
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator(':focus')).not.toHaveAttribute('data-id', 'alibaba-ads-low');
    // The focused mark draws a focus ring (a thicker stroke in the focus colour).
    const width = await page.locator(':focus .tl-dot, :focus .tl-bar').first().evaluate((el) => getComputedStyle(el).strokeWidth);
    expect(parseFloat(width)).toBeGreaterThanOrEqual(3);
  });

  test('a wheel zoom moves the chart as one layer under pinned lane labels, then redraws it crisp', async ({ page }) => {
    await page.goto(siteUrl('/timeline/'));
    await ready(page);
    const during = await page.evaluate(async () => {
      const plot = document.querySelector('.tl-plot-h')!;
      const box = plot.getBoundingClientRect();
      plot.dispatchEvent(new WheelEvent('wheel', { deltaY: -120, clientX: box.left + box.width * 0.8, clientY: box.top + 60, bubbles: true, cancelable: true }));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const svg = plot.querySelector<SVGSVGElement>('svg:not(.tl-pin)')!;
      return {
        transform: svg.style.transform,
        pinned: [...plot.querySelectorAll('.tl-pin .tl-lane-label')].map((t) => t.textContent),
        marksUntouched: [...svg.querySelectorAll('.tl-zoom')].every((g) => !g.hasAttribute('transform')),
      };
    });
    expect(during.transform).toMatch(/^translateX\(-?[\d.]+px\) scaleX\([\d.]+\)$/);
    expect(during.pinned).toContain('Litigation');
    expect(during.marksUntouched).toBe(true);
    // The render that ends the gesture replaces both, and the view goes into the URL.
    await expect(page).toHaveURL(/from=/);
    await expect(page.locator('.tl-plot-h .tl-pin')).toHaveCount(0);
    await expect(page.locator('.tl-plot-h > svg')).not.toHaveAttribute('style', /transform/);
  });

  test('each event is announced with its title and date', async ({ page }) => {
    await page.goto(siteUrl('/timeline/'));
    const mark = page.locator('.tl-plot-h a.tl-mark[data-id="alibaba-sues-dod"]');
    await expect(mark).toHaveAccessibleName(/Alibaba sues the Pentagon.*June 23 or 24, 2026/);
  });

  test('Enter selects an event, shows its date, summary and sources, and puts it in the URL', async ({ page }) => {
    await page.goto(siteUrl('/timeline/'));
    await ready(page);
    await page.locator('.tl-plot-h a.tl-mark[data-id="hr-8283-committee-vote"]').focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('.tl-detail');
    await expect(panel).toBeVisible();
    await expect(panel.locator('h2')).toHaveText('House Foreign Affairs Committee passes H.R. 8283');
    await expect(panel).toContainText('April 22, 2026');
    await expect(panel).toContainText('unanimously');
    // Date and standing from /data/events/<id>.json, once it has loaded.
    await expect(panel.locator('.tl-detail-meta')).toHaveText('April 22, 2026 · Reported');
    await expect(panel.getByRole('link', { name: /Vera Flux/ })).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Read the full event' })).toHaveAttribute('href', /\/events\/hr-8283-committee-vote\/$/);
    expect(new URL(page.url()).searchParams.get('event')).toBe('hr-8283-committee-vote');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    expect(new URL(page.url()).searchParams.get('event')).toBeNull();
  });

  test('filters live in the URL, survive a reload, and the back button undoes them', async ({ page }) => {
    await page.goto(siteUrl('/timeline/'));
    await ready(page);
    const total = await marks(page).count();
    await page.getByLabel('Litigation', { exact: true }).uncheck();
    await expect(page).toHaveURL(/kinds=/);
    await expect(page.locator('.tl-plot-h a.tl-mark[data-id="alibaba-sues-dod"]')).toHaveCount(0);
    await page.getByLabel('Actor').selectOption('alibaba');
    await expect(page).toHaveURL(/actor=alibaba/);
    const filtered = await marks(page).count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(total);
    // The list below the chart follows the filter.
    await expect(page.locator('.event-index li:not([hidden])')).toHaveCount(filtered);
    // A month left with no events is hidden with its heading.
    await expect(page.locator('.event-index > section:not([hidden]) li:not([hidden])')).toHaveCount(filtered);
    expect(await page.locator('.event-index > section[hidden]').count()).toBeGreaterThan(0);

    await page.reload();
    await ready(page);
    await expect(marks(page)).toHaveCount(filtered);
    await expect(page.getByLabel('Litigation', { exact: true })).not.toBeChecked();
    await expect(page.getByLabel('Actor')).toHaveValue('alibaba');

    await page.goBack();
    await expect(page).not.toHaveURL(/actor=/);
    await expect(page.getByLabel('Actor')).toHaveValue('');
    await page.goBack();
    await expect(page).not.toHaveURL(/kinds=/);
    await expect(marks(page)).toHaveCount(total);
  });

  test('a shared link reproduces the view: range, filter and selection', async ({ page }) => {
    await page.goto(siteUrl('/timeline/?from=2026-06-01&to=2026-06-30&kinds=litigation,report&event=press-reports-letter'));
    await ready(page);
    await expect(page.locator('.tl-plot-h > svg:not(.tl-pin)')).toHaveAttribute('data-domain', '2026-06-01/2026-06-30');
    await expect(page.locator('.tl-plot-h a.tl-mark[data-id="press-reports-letter"]')).toHaveClass(/is-selected/);
    await expect(page.locator('.tl-detail h2')).toHaveText('The letter becomes public through press reports');
    await expect(page.locator('.tl-plot-h a.tl-mark[data-id="hr-8283-committee-vote"]')).toHaveCount(0);
  });

  test('zoom buttons, keys and the wheel change the range; Show all restores it', async ({ page }) => {
    await page.goto(siteUrl('/timeline/'));
    await ready(page);
    const svg = page.locator('.tl-plot-h > svg:not(.tl-pin)');
    const full = await svg.getAttribute('data-domain');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(svg).not.toHaveAttribute('data-domain', full!);
    await expect(page).toHaveURL(/from=.*to=/);
    const afterButton = await svg.getAttribute('data-domain');
    await page.locator('.tl-plot-h a.tl-mark').first().focus();
    await page.keyboard.press('+');
    await expect(svg).not.toHaveAttribute('data-domain', afterButton!);
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect(svg).toHaveAttribute('data-domain', full!);
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
    await page.mouse.wheel(0, -600);
    await expect(svg).not.toHaveAttribute('data-domain', full!);
    await expect(page).toHaveURL(/from=/);
  });

  test('the empty stretch of 2025 is behind an axis break; zoom, pan and the URL work across it', async ({ page }) => {
    await page.goto(siteUrl('/timeline/'));
    await ready(page);
    const svg = page.locator('.tl-plot-h > svg:not(.tl-pin)');
    await expect(svg).toHaveAttribute('data-break', /^\d+\/\d+\/0\.\d+$/);
    await expect(svg.locator('.tl-break')).toHaveCount(1);
    await expect(svg.locator('desc')).toContainText('The time axis is compressed from');
    // February to June 2026 takes most of the plot: its marks spread over more than half the width.
    const xs = await svg.locator('a.tl-mark .tl-hit').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().x));
    const box = (await svg.boundingBox())!;
    const sorted = xs.sort((a, b) => a - b);
    expect((sorted[sorted.length - 1]! - sorted[1]!) / box.width).toBeGreaterThan(0.5);
    // A range across the break, from a shared link, is drawn with the break and its marks either side.
    await page.goto(siteUrl('/timeline/?from=2025-01-01&to=2026-03-31'));
    await ready(page);
    await expect(svg).toHaveAttribute('data-domain', '2025-01-01/2026-03-31');
    await expect(svg.locator('.tl-break')).toHaveCount(1);
    await expect(svg.locator('a.tl-mark[data-id="copyright-office-guidance"]')).toHaveCount(1);
    await expect(svg.locator('a.tl-mark[data-id="anthropic-february-disclosure"]')).toHaveCount(1);
    // The keyboard steps from the 2025 event over the break to the next one.
    await svg.locator('a.tl-mark[data-id="copyright-office-guidance"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator(':focus')).toHaveAttribute('data-id', /google-raises-concerns|openai-reports-deepseek/);
    // A wheel zoom over the break narrows the range; the URL keeps real days either side of it.
    await svg.scrollIntoViewIfNeeded();
    const b = (await svg.boundingBox())!;
    await page.mouse.move(b.x + b.width * 0.3, b.y + 60);
    await page.mouse.wheel(0, -300);
    await expect(svg).not.toHaveAttribute('data-domain', '2025-01-01/2026-03-31');
    await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    const [from, to] = (await svg.getAttribute('data-domain'))!.split('/');
    expect(from! >= '2025-01-01' && to! <= '2026-03-31' && from! < to!).toBe(true);
    // Shift+arrow pans; Show all (0) restores the full view exactly, with no from/to in the URL.
    await page.keyboard.press('0');
    await expect(page).not.toHaveURL(/from=/);
    await expect(svg).toHaveAttribute('data-domain', '2024-12-18/2026-07-10');
  });

  test('drag pans the zoomed view', async ({ page }) => {
    await page.goto(siteUrl('/timeline/?from=2026-03-01&to=2026-04-30'));
    await ready(page);
    const svg = page.locator('.tl-plot-h > svg:not(.tl-pin)');
    await svg.scrollIntoViewIfNeeded();
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + 600, box.y + box.height - 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 300, box.y + box.height - 20, { steps: 5 });
    await page.mouse.up();
    await expect(svg).not.toHaveAttribute('data-domain', '2026-03-01/2026-04-30');
    const [from] = (await svg.getAttribute('data-domain'))!.split('/');
    expect(from! > '2026-03-01').toBe(true);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });

  test('the SVG and an ordered list of every event are there, each linking to its page', async ({ page }) => {
    await page.goto(siteUrl('/timeline/'));
    // One artboard per width ships; the container query shows the one that fits.
    const shown = page.locator('.tl-plot .artboard:visible');
    await expect(shown).toHaveCount(1);
    await expect(shown.locator('svg')).toHaveAttribute('width', '960');
    await expect(page.locator('.tl-toolbar')).toBeHidden();
    const items = page.locator('.event-index ol > li');
    const count = await items.count();
    expect(count).toBeGreaterThanOrEqual(15);
    // One ordered list per month, numbered on from the month before, with every day machine-readable.
    const starts = await page.locator('.event-index ol').evaluateAll((ols) => ols.map((ol) => (ol as HTMLOListElement).start));
    expect(starts[0]).toBe(1);
    expect(starts.length).toBeGreaterThan(3);
    await expect(page.locator('.event-index time[datetime]')).toHaveCount(count);
    await expect(items.first().locator('time')).toHaveAttribute('datetime', '2025-01');
    await expect(shown.locator('a.tl-mark')).toHaveCount(count);
    await expect(items.first().getByRole('link')).toHaveAttribute('href', /\/events\/copyright-office-guidance\/$/);
    await expect(shown.locator('.tl-asof-label')).toHaveText('As of June 26, 2026');
  });
});

test.describe('narrow layout', () => {
  test.use({ viewport: { width: 320, height: 720 } });

  test('at 320 px the vertical timeline shows and nothing overflows sideways', async ({ page }) => {
    await page.goto(siteUrl('/timeline/'));
    await ready(page);
    await expect(page.locator('.tl-plot-v svg')).toBeVisible();
    await expect(page.locator('.tl-plot-h')).toBeHidden();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('.tl-plot-v a.tl-mark').first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator(':focus')).toHaveAttribute('data-id', /.+/);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(page.locator('.tl-plot-v svg')).not.toHaveAttribute('data-domain', /2024/);
  });

  test('the rail gives every title in full beside its mark, with its date and lane in words', async ({ page }) => {
    await page.goto(siteUrl('/timeline/'));
    await ready(page);
    const svg = page.locator('.tl-plot-v svg');
    await expect(svg).toHaveAttribute('width', /^(28[0-9]|29[0-9])$/);
    const titles = await svg.locator('text.tl-label').evaluateAll((ts) => ts.map((t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ')));
    const listed = await page.locator('.event-index li a').allTextContents();
    expect(titles.sort()).toEqual(listed.sort());
    await expect(svg.locator('.tl-meta', { hasText: 'Hearings' }).first()).toBeVisible();
    await expect(svg.locator('.tl-asof-label')).toHaveText('As of June 26, 2026');
    await expect(svg.locator('.tl-break')).toHaveCount(1);
  });
});
