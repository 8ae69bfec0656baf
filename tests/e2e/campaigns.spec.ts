/**
 * The campaign and market charts on the built site: the tables carry the
 * content's exact figures, the toggles work from the keyboard and live in the
 * URL, the charts read without JavaScript, and axe passes in both themes.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { siteUrl } from './support/env.ts';
import { expect, expectClean, test } from './support/diagnostics.ts';
import { loadContent } from '../unit/support/load-content.ts';
import { campaignsInOrder, eventsInWindow, seriesWindow } from '../../src/lib/views/campaigns.ts';
import { exchangesPerAccount, exchangesPerDay, impliedLevels } from '../../src/lib/story/derive.ts';
import { formatExact } from '../../src/lib/util/format.ts';
import { getById } from '../../src/lib/story/story.ts';

const { story } = loadContent('content');
const campaigns = campaignsInOrder(story);
const series = getById(story.series, 'alibaba-ads', 'series').data;

const ready = (page: Page) => expect(page.locator('chart-controls[data-ready="true"]').first()).toBeAttached();
const scaleFigure = (page: Page) => page.locator('#campaign-scale');
// Several artboards ship, one shown; the island's own render is a single SVG. Either way one is visible.
const scaleSvg = (page: Page) => page.locator('#campaign-scale .chart-canvas svg:visible');

async function openTable(page: Page, figureId: string) {
  const summary = page.locator(`#${figureId} details.chart-table > summary`);
  await summary.click();
  await expect(page.locator(`#${figureId} details.chart-table`)).toHaveAttribute('open', '');
}

async function expectAxeClean(page: Page, where: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect.soft(summary, `axe violations on ${where} (${colorScheme})`).toEqual([]);
  }
}

test.describe('data tables', () => {
  test('the scale table gives each campaign’s exact accounts and exchanges from the content', async ({ page }) => {
    await page.goto(siteUrl('/campaigns/'));
    await openTable(page, 'campaign-scale');
    const table = page.locator('table[data-chart="campaign-scale"]');
    await expect(table.locator('tbody')).toHaveCount(campaigns.length);
    for (const c of campaigns) {
      for (const metric of ['accounts', 'exchanges'] as const) {
        const cell = table.locator(`tbody[data-campaign="${c.id}"] tr[data-metric="${metric}"] td.num`);
        const value = c.data[metric].value;
        await expect(cell, `${c.id} ${metric}`).toHaveAttribute('data-value', value === null ? 'null' : String(value));
        await expect(cell, `${c.id} ${metric}`).toHaveText(formatExact(value));
      }
    }
    await expect(table.locator('tbody[data-campaign="alibaba-linked"] tr[data-metric="exchanges"] td.num')).toHaveText('28,800,000');
    await expect(table.locator('tbody[data-campaign="minimax-february"] tr[data-metric="accounts"] td.num')).toHaveText('not disclosed');
  });

  test('the intensity table gives the rates the derived-figures module computes, with formulas', async ({ page }) => {
    await page.goto(siteUrl('/campaigns/'));
    await openTable(page, 'intensity');
    const table = page.locator('table[data-chart="intensity"]');
    for (const c of campaigns) {
      const perAccount = exchangesPerAccount(c.data);
      const perDay = exchangesPerDay(c.data);
      const row = (rate: string) => table.locator(`tbody[data-campaign="${c.id}"] tr[data-rate="${rate}"]`);
      await expect(row('per-account').locator('td.num')).toHaveAttribute('data-value', perAccount ? String(perAccount.value) : 'null');
      await expect(row('per-day').locator('td.num')).toHaveAttribute('data-value', perDay ? String(perDay.value) : 'null');
      if (perAccount) await expect(row('per-account')).toContainText(perAccount.formula);
    }
    await expect(table.locator('tbody[data-campaign="alibaba-linked"] tr[data-rate="per-account"] td.num')).toHaveText('about 1,152');
    await expect(table.locator('tbody[data-campaign="february-total"] tr[data-rate="per-account"] td.num')).toHaveText('about 666.67');
  });

  test('the market table gives the reported price, the derived level with its formula, the move and the events', async ({ page }) => {
    await page.goto(siteUrl('/markets/'));
    await openTable(page, 'market');
    const table = page.locator('table[data-chart="market"]');
    for (const p of series.points) {
      await expect(table.locator(`tr[data-kind="reported"][data-date="${p.date}"] td.num`)).toHaveAttribute('data-value', String(p.value));
    }
    const [implied] = impliedLevels(series);
    const derived = table.locator(`tr[data-kind="derived"][data-date="${implied!.date}"]`);
    await expect(derived.locator('td.num')).toHaveAttribute('data-value', String(implied!.value));
    await expect(derived.locator('td.num')).toHaveText('about $126.57');
    await expect(derived).toContainText('Derived, not reported');
    await expect(derived).toContainText('94.93 ÷ (1 − 25/100)');
    await expect(table.locator('tr[data-kind="move"] td.num')).toHaveText('about −25%');
    const { from, to } = seriesWindow(story, 'alibaba-ads');
    const ids = eventsInWindow(story, from, to).map((e) => e.id);
    await expect(page.locator('table[data-chart="market-events"] tr[data-event]')).toHaveCount(ids.length);
    for (const id of ids) await expect(page.locator(`table[data-chart="market-events"] tr[data-event="${id}"]`)).toHaveCount(1);
    await expect(page.locator('tr[data-event="alibaba-sues-dod"]')).toContainText('June 23 or 24, 2026');
    await expect(page.locator('tr[data-event="dod-1260h-list-published"]')).toContainText('June 2026 (day not reported)');
  });
});

test.describe('the market chart on event pages', () => {
  test('an event of the period shows the whole chart, its own row marked; an event outside it shows none', async ({ page }) => {
    const { from, to } = seriesWindow(story, 'alibaba-ads');
    const ids = eventsInWindow(story, from, to).map((e) => e.id);
    await page.goto(siteUrl(`/events/${ids[1]}/`));
    const section = page.locator('section[aria-labelledby="market-heading"]');
    await expect(section.locator('table[data-chart="market-events"] tr[data-event]')).toHaveCount(ids.length);
    await expect(section.locator(`tr[data-event="${ids[1]}"]`)).toContainText('(this event)');
    await expect(section.locator(`tr[data-event="${ids[0]}"]`)).not.toContainText('(this event)');
    await expect(section.locator('[data-market-partial]')).toHaveCount(0);
    const outside = story.events.find((e) => e.data.kind !== 'market' && !ids.includes(e.id))!;
    await page.goto(siteUrl(`/events/${outside.id}/`));
    await expect(page.locator('section[aria-labelledby="market-heading"]')).toHaveCount(0);
  });
});

test.describe('what every chart carries', () => {
  test('title, subtitle, source line, allegation note, as-of date and a data-table toggle', async ({ page }) => {
    for (const [path, ids] of [['/campaigns/', ['campaign-scale', 'intensity']], ['/markets/', ['market']]] as const) {
      await page.goto(siteUrl(path));
      for (const id of ids) {
        const fig = page.locator(`figure#${id}`);
        await expect(fig.locator('figcaption .chart-title')).not.toBeEmpty();
        await expect(fig.locator('figcaption .chart-subtitle')).not.toBeEmpty();
        await expect(fig.locator('.chart-source')).toContainText(/^Sources?: /);
        await expect(fig.locator('.chart-source a').first()).toHaveAttribute('href', /\/sources\/#/);
        await expect(fig.locator('.chart-alleged')).toContainText(/alleged by Anthropic; not independently verified/i);
        await expect(fig.locator('.chart-asof')).toContainText('As of June 26, 2026');
        await expect(fig.locator('svg[role="img"]:visible')).toHaveCount(1);
        await expect(fig.locator('svg[role="img"]:visible > desc')).not.toBeEmpty();
        await expect(fig.getByText('Show data table')).toBeVisible();
      }
    }
    await page.goto(siteUrl('/markets/'));
    await expect(page.locator('#market').getByText('Timing, not cause.', { exact: true })).toBeVisible();
  });
});

test.describe('toggles', () => {
  test('metric and scale switch from the keyboard, with visible focus, and go into the URL', async ({ page, diagnostics }) => {
    await page.goto(siteUrl('/campaigns/'));
    await ready(page);
    const exchanges = page.getByRole('radio', { name: 'Exchanges' });
    await exchanges.focus();
    const outline = await exchanges.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Fraudulent accounts' })).toBeChecked();
    await expect(page).toHaveURL(/[?&]metric=accounts/);
    await expect(scaleSvg(page).locator('title')).toContainText('Fraudulent accounts');
    await expect(scaleSvg(page).locator('.c-slot')).toHaveCount(3);
    await expect(scaleFigure(page).getByRole('status')).toHaveText('Showing fraudulent accounts on a linear scale.');

    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: 'Linear' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Log' })).toBeChecked();
    await expect(page).toHaveURL(/[?&]scale=log/);
    await expect(scaleSvg(page)).toHaveClass(/chart-scale--log/);
    expectClean(diagnostics, '/campaigns/');
  });

  test('a link with ?metric=exchanges&scale=log reproduces the view, and Back restores the previous one', async ({ page }) => {
    await page.goto(siteUrl('/campaigns/?metric=exchanges&scale=log'));
    await ready(page);
    await expect(page.getByRole('radio', { name: 'Log' })).toBeChecked();
    const ticks = await scaleSvg(page).locator('.c-tick').allTextContents();
    expect(ticks).toEqual(['100K', '1M', '10M', '100M']);
    await page.getByRole('radio', { name: 'Linear' }).check();
    await expect(scaleSvg(page)).toHaveClass(/chart-scale--linear/);
    await page.goBack();
    await expect(page.getByRole('radio', { name: 'Log' })).toBeChecked();
    await expect(scaleSvg(page)).toHaveClass(/chart-scale--log/);
  });

  test('unknown values in the URL fall back to the default view', async ({ page }) => {
    await page.goto(siteUrl('/campaigns/?metric=users&scale=cubic'));
    await ready(page);
    await expect(page.getByRole('radio', { name: 'Exchanges' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'Linear' })).toBeChecked();
  });

  test('the data table opens and closes from the keyboard', async ({ page }) => {
    await page.goto(siteUrl('/campaigns/'));
    const summary = page.locator('#campaign-scale summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('table[data-chart="campaign-scale"]')).toBeVisible();
    await expect(summary.locator('.when-open')).toBeVisible();
    await expect(summary.locator('.when-closed')).toBeHidden();
    await page.keyboard.press('Enter');
    await expect(page.locator('table[data-chart="campaign-scale"]')).toBeHidden();
  });

  test('hovering a bar shows its tooltip; Escape hides it', async ({ page }) => {
    await page.goto(siteUrl('/campaigns/'));
    await ready(page);
    await scaleSvg(page).locator('[data-id="alibaba-linked"] .c-bar').hover();
    const tip = page.locator('#campaign-scale').locator('xpath=..').locator('.chart-tip');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('Alibaba-linked: 28.8 million exchanges.');
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
  });

  test('the derived market level shows its formula on hover', async ({ page }) => {
    await page.goto(siteUrl('/markets/'));
    await ready(page);
    await page.locator('#market svg:visible .c-derived circle').hover();
    await expect(page.locator('.chart-tip')).toContainText('Derived, not reported: about $126.57 on May 27, 2026 = 94.93 ÷ (1 − 25/100).');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the charts are server-rendered, the controls hidden and the tables open with a click', async ({ page }) => {
    await page.goto(siteUrl('/campaigns/'));
    await expect(page.locator('#campaign-scale svg[role="img"]:visible')).toHaveCount(1);
    await expect(page.locator('#intensity svg[role="img"]:visible')).toHaveCount(1);
    await expect(page.locator('#campaign-scale svg:visible .c-row .c-bar')).toHaveCount(5);
    await expect(page.locator('form.chart-controls')).toBeHidden();
    await page.locator('#campaign-scale summary').click();
    await expect(page.locator('table[data-chart="campaign-scale"]')).toBeVisible();

    await page.goto(siteUrl('/markets/'));
    await expect(page.locator('#market svg[role="img"]:visible')).toHaveCount(1);
    await expect(page.locator('#market svg:visible .c-point--derived')).toBeVisible();
    await page.locator('#market summary').click();
    await expect(page.locator('table[data-chart="market"]')).toBeVisible();
  });

  test('each campaign page shows its figures and the charts', async ({ page }) => {
    for (const c of campaigns) {
      await page.goto(siteUrl(`/campaigns/${c.id}/`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.data.name);
      await expect(page.locator('#campaign-scale svg:visible [data-id="' + c.id + '"]')).toHaveClass(/c-row--highlight/);
    }
  });
});

test.describe('drawn at the width they are shown', () => {
  /** Per chart figure: the visible SVGs, and the visible one's drawn width, shown width and canvas width. */
  const shown = (page: Page, figure: string) =>
    page.locator(`#${figure} .chart-canvas`).evaluate((canvas) => {
      const svgs = [...canvas.querySelectorAll('svg')].filter((s) => s.getClientRects().length > 0);
      const svg = svgs[0]!;
      return {
        visible: svgs.length,
        artboards: canvas.querySelectorAll('.artboard').length,
        drawn: Number(svg.getAttribute('width')),
        shown: svg.getBoundingClientRect().width,
        canvas: canvas.clientWidth,
      };
    });

  for (const js of [false, true]) {
    test.describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
      test.use({ javaScriptEnabled: js });
      test('each chart shows exactly one artboard, never scaled down and at most about 1.2× up, at 320 to 1280 px', async ({ page }) => {
        for (const width of [320, 390, 640, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          for (const [path, figures] of [['/campaigns/', ['campaign-scale', 'intensity']], ['/markets/', ['market']]] as const) {
            await page.goto(siteUrl(path));
            if (js) await ready(page);
            for (const figure of figures) {
              const m = await shown(page, figure);
              expect(m.visible, `${path} #${figure} at ${width} px`).toBe(1);
              // The default view keeps the server's artboards, also with JavaScript (nothing re-renders on load).
              expect(m.artboards, `${path} #${figure} at ${width} px`).toBeGreaterThan(1);
              expect(m.shown, `${path} #${figure} at ${width} px`).toBeGreaterThanOrEqual(m.drawn - 0.5);
              expect(m.shown / m.drawn, `${path} #${figure} at ${width} px`).toBeLessThanOrEqual(1.22);
              expect(m.drawn).toBeLessThanOrEqual(m.canvas);
            }
          }
        }
      });
    });
  }

  test('the default view does not re-render or shift on load', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(siteUrl('/campaigns/'));
    await ready(page);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect((await shown(page, 'campaign-scale')).artboards).toBe(6);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) total += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 300);
        }),
    );
    expect(shift).toBe(0);
  });

  test('a switched view is drawn at the canvas width, and drawn again when the width changes', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto(siteUrl('/campaigns/'));
    await ready(page);
    await page.getByRole('radio', { name: 'Fraudulent accounts' }).check();
    await expect(scaleSvg(page).locator('title')).toContainText('Fraudulent accounts');
    let m = await shown(page, 'campaign-scale');
    expect(m).toMatchObject({ visible: 1, artboards: 0 });
    expect(m.drawn).toBe(m.canvas);
    await expect(scaleSvg(page)).toHaveClass(/chart-scale--labels-above/);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(async () => (await shown(page, 'campaign-scale')).drawn).toBeGreaterThan(600);
    m = await shown(page, 'campaign-scale');
    expect(m.drawn).toBe(m.canvas);
    await expect(scaleSvg(page)).toHaveClass(/chart-scale--labels-beside/);
    await expect(scaleSvg(page).locator('title')).toContainText('Fraudulent accounts');
  });
});

test.describe('accessibility', () => {
  for (const path of ['/campaigns/', '/campaigns/alibaba-linked/', '/campaigns/minimax-february/', '/markets/']) {
    test(`axe passes on ${path} in both themes, with the tables open`, async ({ page, diagnostics }) => {
      // Axe over long pages in two themes on a 2-core machine.
      test.slow();
      await page.goto(siteUrl(path));
      await page.waitForLoadState('networkidle');
      for (const summary of await page.locator('details.chart-table > summary').all()) await summary.click();
      await expectAxeClean(page, path);
      expectClean(diagnostics, path);
    });
  }

  test('axe passes on the switched view (accounts, log scale) in both themes', async ({ page }) => {
    test.slow();
    await page.goto(siteUrl('/campaigns/?metric=accounts&scale=log'));
    await ready(page);
    await expect(scaleSvg(page)).toHaveClass(/chart-scale--log/);
    await expectAxeClean(page, '/campaigns/?metric=accounts&scale=log');
  });

  test('the campaigns page links to every campaign page and to the events', async ({ page }) => {
    await page.goto(siteUrl('/campaigns/'));
    for (const c of campaigns) {
      await expect(page.locator(`#campaign-${c.id} a[href$="/campaigns/${c.id}/"]`).first()).toBeVisible();
      await expect(page.locator(`#campaign-${c.id} a[href$="/events/${c.data.disclosure}/"]`)).toHaveCount(1);
    }
  });
});
