/**
 * With JavaScript switched off, the pages still tell the whole story: text,
 * sources, dispute boxes and labels are server-rendered.
 */
import { expect, test } from './support/diagnostics.ts';
import { siteUrl } from './support/env.ts';

test.use({ javaScriptEnabled: false });

test('the home page gives the story in brief and the latest status', async ({ page }) => {
  await page.goto(siteUrl('/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Distillation Files');
  await expect(page.getByText('Status as of June 26, 2026')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'H.R. 8283' })).toBeVisible();
  await expect(page.getByText('28.8 million exchanges').first()).toBeVisible();
});

test('an event page shows its disputed date, both positions with sources, and its source list', async ({ page }) => {
  await page.goto(siteUrl('/events/alibaba-sues-dod/'));
  await expect(page.getByText('June 23 or 24, 2026').first()).toBeVisible();
  const dispute = page.locator('.claim', { hasText: 'On what day did Alibaba file' });
  await expect(dispute.getByText('Disputed', { exact: true })).toBeVisible();
  await expect(dispute.getByRole('listitem')).toHaveCount(3);
  await expect(dispute.getByRole('link', { name: /Kira Nolan/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sources', level: 2, exact: true })).toBeVisible();
  await expect(page.locator('.source-list > li')).toHaveCount(3);
});

test('a month-only date says what the month stands for', async ({ page }) => {
  await page.goto(siteUrl('/events/dod-1260h-list-published/'));
  await expect(page.locator('article > .meta')).toContainText('June 2026 (the sources give only the month)');
  // The plan's month is that of the coverage, not of the announcement: the entry's dateNote says so instead.
  await page.goto(siteUrl('/events/hagerty-kim-amendment-plan/'));
  await expect(page.locator('article > .meta')).toContainText('June 2026 (the month of the coverage that reports the plan; no source dates the announcement itself)');
  await expect(page.locator('article > .meta')).not.toContainText('give only the month');
});

test('an alleged event says who alleges it', async ({ page }) => {
  await page.goto(siteUrl('/events/alibaba-linked-campaign/'));
  await expect(page.getByText('Alleged by Anthropic').first()).toBeVisible();
  await expect(page.getByText(/have not been independently verified/)).toBeVisible();
});

test('inline citations jump to the source list', async ({ page }) => {
  await page.goto(siteUrl('/events/press-reports-letter/'));
  const cite = page.locator('a.cite').first();
  const target = await cite.getAttribute('href');
  expect(target).toMatch(/^#source-/);
  await expect(page.locator(target!)).toHaveCount(1);
});

test('the sources page lists the five articles with what each credits', async ({ page }) => {
  await page.goto(siteUrl('/sources/'));
  await expect(page.locator('section.source')).toHaveCount(5);
  await expect(page.getByText('Bloomberg (June 24, 2026)').first()).toBeVisible();
});

test('pages without an island ship no script: everything is readable without JavaScript', async ({ page }) => {
  for (const path of ['/', '/events/', '/sources/', '/method/', '/actors/alibaba/']) {
    await page.goto(siteUrl(path));
    await expect(page.locator('script[src], script:not([type="application/ld+json"])')).toHaveCount(0);
    await expect(page.locator('main')).toBeVisible();
  }
  // /disputes/ carries one small island, the "Cite this" copy buttons: its one script; the citations are text without it.
  await page.goto(siteUrl('/disputes/'));
  await expect(page.locator('cite-this')).toHaveCount(1);
  await expect(page.locator('script[src], script:not([type="application/ld+json"])')).toHaveCount(1);
  await expect(page.locator('cite-this .cite-text').first()).toBeAttached();
  await expect(page.locator('main')).toBeVisible();
});
