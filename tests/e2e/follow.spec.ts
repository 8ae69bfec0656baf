/**
 * Follow, cite and reuse in the browser: the "Cite this" copy button by
 * keyboard, /changes/?since= filtering with reload and Back, axe on
 * /changes/ in both themes, the subscribe and feed links, and the whole
 * /changes/ list without JavaScript.
 */
import AxeBuilder from '@axe-core/playwright';
import { siteUrl } from './support/env.ts';
import { expect, expectClean, test } from './support/diagnostics.ts';

const CHANGES = '/changes/';

test('the Cite this copy button works by keyboard and says it has copied', async ({ page, context, diagnostics }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(siteUrl('/events/alibaba-sues-dod/'));
  const block = page.locator('cite-this');
  const summary = block.locator('summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(block.locator('details')).toHaveAttribute('open', '');
  const button = block.getByRole('button', { name: 'Copy APA 7 citation' });
  await expect(button).toBeVisible();
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(block.getByRole('status')).toHaveText('Copied the APA 7 citation.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^The Distillation Files\. \(2026, June \d+\)\. .+ Retrieved \[access date\], from http.+\/events\/alibaba-sues-dod\/$/);
  // The date in the citation is the page's "last updated" day.
  const updated = await page.locator('.last-updated time').getAttribute('datetime');
  expect(await block.locator('time').getAttribute('datetime')).toBe(updated);
  // Space works too, on another style.
  await block.getByRole('button', { name: 'Copy MLA 9 citation' }).focus();
  await page.keyboard.press(' ');
  await expect(block.getByRole('status')).toHaveText('Copied the MLA 9 citation.');
  const bib = await page.request.get(siteUrl('/cite/events-alibaba-sues-dod.bib'));
  expect(bib.status()).toBe(200);
  expect(await bib.text()).toContain(`date = {${updated}}`);
  expectClean(diagnostics, 'event page');
});

test('/changes/?since= filters, keeps the day in the URL, reloads to the same view and Back restores the whole list', async ({ page, diagnostics }) => {
  await page.goto(siteUrl(CHANGES));
  const items = page.locator('#changes-list > li');
  const total = await items.count();
  expect(total).toBeGreaterThan(3);
  await expect(page.getByRole('status').filter({ hasText: 'Showing all' })).toHaveText(`Showing all ${total} changes.`);

  await page.locator('#changes-since-day').fill('2026-06-15');
  await page.getByRole('button', { name: 'Show', exact: true }).press('Enter');
  await expect(page).toHaveURL(/\?since=2026-06-15$/);
  const visible = page.locator('#changes-list > li:visible');
  const shown = await visible.count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(total);
  // April's committee vote is out; the June steps (a day, a month, a disputed day) are in.
  await expect(page.locator('#status-hr-8283-2')).toBeHidden();
  await expect(page.locator('#status-nstm-4-1')).toBeHidden();
  await expect(page.locator('#status-dod-1260h-list-1')).toBeVisible();
  await expect(page.locator('#status-alibaba-v-dod-1')).toBeVisible();
  // The undated introduction of H.R. 8283 (on or before April 22) cannot have happened since June 15.
  await expect(page.locator('#status-hr-8283-1')).toBeHidden();
  await expect(page.locator('changes-since [role="status"]')).toHaveText(`Showing ${shown} of ${total} changes that may have happened on or after 2026-06-15.`);

  await page.reload();
  await expect(page.locator('#changes-since-day')).toHaveValue('2026-06-15');
  await expect(visible).toHaveCount(shown);

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${CHANGES.replace(/\//g, '\\/')}$`));
  await expect(visible).toHaveCount(total);
  await page.goForward();
  await expect(visible).toHaveCount(shown);

  // A malformed day is dropped from the address, and the whole list shows.
  await page.goto(siteUrl(`${CHANGES}?since=2026-02-30`));
  await expect(page).toHaveURL(new RegExp(`${CHANGES.replace(/\//g, '\\/')}$`));
  await expect(visible).toHaveCount(total);
  expectClean(diagnostics, CHANGES);
});

test('axe passes on /changes/ in both themes, filtered and not', async ({ page }) => {
  for (const url of [CHANGES, `${CHANGES}?since=2026-06-01`]) {
    await page.goto(siteUrl(url));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), `${url} ${colorScheme}`).toEqual([]);
    }
  }
});

test('instrument pages link their calendar and feed, and declare the feed', async ({ page }) => {
  await page.goto(siteUrl('/tracker/hr-8283/'));
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"][href$="/tracker/hr-8283/feed.xml"]')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'subscribe to the calendar' })).toHaveAttribute('href', /^webcal:\/\/.+\/tracker\/hr-8283\/calendar\.ics$/);
  const ics = await page.request.get(siteUrl('/tracker/hr-8283/calendar.ics'));
  expect(ics.headers()['content-type']).toContain('text/calendar');
  expect(await ics.text()).toContain('UID:step-hr-8283-2@distillation-files');
  await expect(page.locator('#step-2')).toHaveCount(1);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('/changes/ lists every change and hides the filter', async ({ page }) => {
    await page.goto(siteUrl(`${CHANGES}?since=2026-06-15`));
    await expect(page.locator('changes-since')).toBeHidden();
    const items = page.locator('#changes-list > li');
    await expect(items.first()).toBeVisible();
    expect(await page.locator('#changes-list > li:visible').count()).toBe(await items.count());
    await page.goto(siteUrl('/events/alibaba-sues-dod/'));
    await expect(page.locator('cite-this .cite-text').first()).toBeAttached();
    await expect(page.locator('cite-this button').first()).toBeHidden();
  });
});
