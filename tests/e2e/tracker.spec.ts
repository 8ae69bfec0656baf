/**
 * The policy tracker in a browser: the server-rendered table and watchlist,
 * filters and sort (kept in the URL), expanding a row, the print view, the
 * narrow layout, the instrument pages and the downloads, and axe in both themes.
 */
import { test as plainTest, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { siteUrl } from './support/env.ts';
import { expect, expectClean, test } from './support/diagnostics.ts';

const TRACKER = '/tracker/';
const rows = (page: Page) => page.locator('#tracker-table > tbody');
const visibleIds = (page: Page) =>
  page.locator('#tracker-table > tbody:not([hidden])').evaluateAll((els) => els.map((e) => e.id.replace(/^row-/, '')));

async function expectNoAxeViolations(page: Page, where: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect.soft(summary, `axe violations on ${where} in the ${colorScheme} theme`).toEqual([]);
  }
}

test('the tracker gives every instrument a row with its stage bar, status, last action and sources, as of June 26, 2026', async ({ page, diagnostics }) => {
  await page.goto(siteUrl(TRACKER));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Policy tracker');
  await expect(page.locator('#tracker-table caption')).toContainText('status as of June 26, 2026');
  await expect(rows(page)).toHaveCount(9);
  for (const name of ['H.R. 8283', 'Hagerty–Kim amendment', 'NSTM-4', 'DoD 1260H list', 'Alibaba v. DoD', 'Entity List', 'Extraction Attackers List', 'IEEPA sanctions', 'OFAC action']) {
    await expect(page.getByRole('rowheader', { name: new RegExp(`^${name.replace(/\./g, '\\.')}`) })).toHaveCount(1);
  }
  const bill = page.locator('#row-hr-8283');
  await expect(bill.getByRole('img', { name: 'H.R. 8283. Stage 2 of 7: Passed committee' })).toBeVisible();
  await expect(bill.getByText('Passed committee', { exact: true }).first()).toBeVisible();
  await expect(bill.locator('.last-date')).toHaveText('April 22, 2026');
  await expect(bill.getByText('REPORTED')).toBeVisible();
  await expect(page.locator('#row-state-extraction-attackers-list')).toContainText('Proposed, not law');
  await expect(page.locator('#row-ofac-action')).toContainText('Not applied');
  await expect(page.locator('#row-hagerty-kim-amendment')).toContainText('As of June 25, 2026: Not formally introduced');
  await expect(page.locator('#row-alibaba-v-dod')).toContainText('June 23 or 24, 2026 (sources differ)');
  // Every source number links to its entry on the sources page.
  const cites = page.locator('#tracker-table a.cite');
  expect(await cites.count()).toBeGreaterThan(9);
  for (const target of await cites.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(target).toMatch(/\/sources\/#[a-z0-9-]+$/);
  }
  expectClean(diagnostics, TRACKER);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the whole table, every history and the watchlist are there, and the controls stay hidden', async ({ page }) => {
    await page.goto(siteUrl(TRACKER));
    await expect(page.locator('tracker-controls')).toBeHidden();
    await expect(page.locator('#tracker-table > tbody:visible')).toHaveCount(9);
    const lawsuit = page.locator('#row-alibaba-v-dod');
    await lawsuit.getByText(/^History of Alibaba v\. DoD/).click();
    await expect(lawsuit.getByText('Disputed date')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Watchlist', level: 2 })).toBeVisible();
    await expect(page.locator('.signpost')).toHaveCount(10);
  });
});

test('filtering by kind and stage narrows the rows, announces the count and keeps the view in the URL', async ({ page, diagnostics }) => {
  await page.goto(siteUrl(TRACKER));
  const status = page.getByRole('status');
  await expect(status).toHaveText('Showing all 9 instruments, by kind.');

  await page.getByLabel('Kind', { exact: true }).selectOption('tool');
  expect(await visibleIds(page)).toEqual(['bis-entity-list', 'state-extraction-attackers-list', 'ieepa-sanctions', 'ofac-action']);
  await expect(status).toHaveText('Showing 4 of 9 instruments, by kind.');
  await expect(page).toHaveURL(/\/tracker\/\?kind=tool$/);
  // Only the tools' stages are offered now.
  await expect(page.getByLabel('Stage', { exact: true }).locator('option:not([disabled])')).toHaveText(['Any stage', 'No step recorded', 'Available (enforcement tools)', 'Applied (enforcement tools)']);

  await page.getByLabel('Kind', { exact: true }).selectOption('bill');
  await page.getByLabel('Stage', { exact: true }).selectOption('committee');
  expect(await visibleIds(page)).toEqual(['hr-8283']);
  await expect(page).toHaveURL(/\?kind=bill&stage=committee$/);

  await page.getByLabel('Stage', { exact: true }).selectOption('passed-house');
  expect(await visibleIds(page)).toEqual([]);
  await expect(page.getByText('No instrument matches these filters.')).toBeVisible();

  // Back restores the previous view, controls included.
  await page.goBack();
  await expect(page).toHaveURL(/\?kind=bill&stage=committee$/);
  await expect(page.getByLabel('Stage', { exact: true })).toHaveValue('committee');
  expect(await visibleIds(page)).toEqual(['hr-8283']);

  // A stage that the chosen kind lacks is dropped.
  await page.getByLabel('Kind', { exact: true }).selectOption('lawsuit');
  await expect(page.getByLabel('Stage', { exact: true })).toHaveValue('');
  expect(await visibleIds(page)).toEqual(['alibaba-v-dod']);

  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(status).toHaveText('Showing all 9 instruments, by kind.');
  await expect(page).toHaveURL(/\/tracker\/$/);
  expectClean(diagnostics, TRACKER);
});

test('a link with a filter reproduces the view; a stage shared by two kinds matches both', async ({ page }) => {
  await page.goto(siteUrl(`${TRACKER}?stage=filed`));
  await expect(page.getByLabel('Stage', { exact: true })).toHaveValue('filed');
  expect(await visibleIds(page)).toEqual(['alibaba-v-dod']);
  await page.goto(siteUrl(`${TRACKER}?kind=tool&stage=none&sort=last-action`));
  expect(await visibleIds(page)).toHaveLength(4);
  await page.goto(siteUrl(`${TRACKER}?kind=nonsense`));
  await expect(page).toHaveURL(/\/tracker\/$/);
  expect(await visibleIds(page)).toHaveLength(9);
});

test('sorting by last action puts the newest first, rows with no action last, and marks the column as sorted', async ({ page }) => {
  await page.goto(siteUrl(TRACKER));
  await page.getByLabel('Order', { exact: true }).selectOption('last-action');
  await expect(page).toHaveURL(/\?sort=last-action$/);
  await expect(page.getByRole('columnheader', { name: 'Last action' })).toHaveAttribute('aria-sort', 'descending');
  expect(await visibleIds(page)).toEqual([
    'alibaba-v-dod',
    'hagerty-kim-amendment',
    'dod-1260h-list',
    'nstm-4',
    'hr-8283',
    'bis-entity-list',
    'state-extraction-attackers-list',
    'ieepa-sanctions',
    'ofac-action',
  ]);
  const keys = await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-last') ?? ''));
  expect(keys).toEqual([...keys].sort().reverse());
  await expect(page.getByRole('status')).toHaveText('Showing all 9 instruments, newest last action first.');
  await page.goBack();
  await expect(page.getByRole('columnheader', { name: 'Last action' })).not.toHaveAttribute('aria-sort', /.*/);
  expect((await visibleIds(page))[0]).toBe('hr-8283');
});

test('the controls are labelled and work from the keyboard', async ({ page }) => {
  await page.goto(siteUrl(TRACKER));
  const kind = page.getByLabel('Kind', { exact: true });
  await kind.focus();
  await page.keyboard.press('ArrowDown');
  await expect(kind).toHaveValue('bill');
  expect(await visibleIds(page)).toEqual(['hr-8283']);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Stage', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Order', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Show all' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(kind).toHaveValue('');
});

test("expanding a row shows its history: each step's date and sources, and a disputed date with every source's day", async ({ page }) => {
  await page.goto(siteUrl(TRACKER));
  const lawsuit = page.locator('#row-alibaba-v-dod');
  const summary = lawsuit.locator('summary');
  await expect(lawsuit.getByText('Disputed date')).toBeHidden();
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(lawsuit.locator('details')).toHaveAttribute('open', '');
  const history = lawsuit.locator('.step-history');
  await expect(history.getByText('Filed', { exact: true })).toBeVisible();
  await expect(history.getByText('June 23 or 24, 2026')).toBeVisible();
  await expect(history.locator('.date-dispute li')).toHaveText([/^June 23, 2026 ?Source: Unsigned/, /^June 24, 2026 ?Source: Kira Nolan/, /^No date given ?Source: Awais Khalid/]);
  await expect(history.getByRole('link', { name: /See the dispute/ })).toHaveAttribute('href', /\/disputes\/#lawsuit-filing-date$/);
  await expect(history.getByRole('link', { name: /Source: / })).toHaveCount(6);

  const bill = page.locator('#row-hr-8283');
  await bill.locator('summary').click();
  await expect(bill.locator('.step-history > li')).toHaveCount(2);
  await expect(bill.getByText('(on or before April 22, 2026)')).toBeVisible();
  await expect(bill.getByText('The sources do not give the day the bill was introduced.')).toBeVisible();
});

test('the watchlist gives each signpost its deadline and its state as of the newest source', async ({ page }) => {
  await page.goto(siteUrl(TRACKER));
  const buildDay = await page.locator('.build-day').getAttribute('datetime');
  expect(buildDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const ofac = page.locator('#signpost-ofac-action-90-days');
  await expect(ofac).toContainText('within the next ninety days');
  await expect(ofac.locator('time')).toHaveAttribute('datetime', '2026-09-22');
  if (buildDay! > '2026-09-22') {
    await expect(ofac.locator('.badge')).toHaveText('Deadline passed, no outcome recorded');
    await expect(ofac).toContainText('The sources end on June 26, 2026 and record no outcome');
  } else {
    await expect(ofac.locator('.badge')).toHaveText('Open');
  }
  await expect(ofac).not.toContainText('missed');
  const hearing = page.locator('#signpost-senate-banking-hearing');
  await expect(hearing).toContainText('before the August recess');
  await expect(hearing.locator('.badge')).toHaveText('No outcome recorded');
  for (const id of ['alibaba-on-record-response', 'openai-comparable-disclosure', 'anthropic-technical-detail', 'committees-testimony-logs']) {
    await expect(page.locator(`#signpost-${id}`)).toContainText('No outcome recorded as of June 26, 2026');
  }
});

test('the print view hides the controls and navigation and fits the tracker on one A4 or Letter page', async ({ page }) => {
  // Printable area at 96 dpi with 12 mm margins: A4 is the narrower page, Letter the shorter.
  const printable = { width: Math.floor(((210 - 24) / 25.4) * 96), height: Math.floor((11 - 24 / 25.4) * 96) };
  await page.setViewportSize(printable);
  await page.goto(siteUrl(TRACKER));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('tracker-controls')).toBeHidden();
  await expect(page.locator('.site-nav')).toBeHidden();
  await expect(page.locator('.history-row').first()).toBeHidden();
  await expect(page.locator('.asof-banner')).toContainText('June 26, 2026');
  await expect(page.locator('.stage-bar')).toHaveCount(9);
  await expect(page.locator('#row-hr-8283 .stage-bar')).toBeVisible();
  await expect(page.locator('#tracker-sources')).toBeVisible();
  const box = await page.locator('#tracker-sheet').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { bottom: r.bottom + window.scrollY, width: r.width };
  });
  expect(box.width).toBeLessThanOrEqual(printable.width);
  expect(box.bottom, 'the tracker (title, table and source key) ends on the first page').toBeLessThanOrEqual(printable.height);
  const watchBreak = await page.locator('#watchlist').evaluate((el) => getComputedStyle(el).breakBefore);
  expect(watchBreak).toBe('page');
});

test('at 320 px wide the tracker reflows into cards without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(siteUrl(TRACKER));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.locator('#row-hr-8283 td[data-label="Last action"]')).toBeVisible();
  await expect(page.getByRole('img', { name: /^H\.R\. 8283\. Stage 2 of 7/ })).toBeVisible();
});

test('each instrument has its own page with status, history, disputes and signposts', async ({ page, diagnostics }) => {
  await page.goto(siteUrl('/tracker/alibaba-v-dod/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Alibaba's lawsuit against the Department of Defense");
  await expect(page.getByRole('heading', { name: 'Where it stands, as of June 26, 2026' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Alibaba v. DoD. Stage 1 of 3: Filed, awaiting ruling' }).first()).toBeVisible();
  await expect(page.locator('#claim-lawsuit-filing-date')).toBeVisible();
  await expect(page.getByRole('link', { name: /See the dispute/ })).toHaveAttribute('href', '#claim-lawsuit-filing-date');
  await page.goto(siteUrl('/tracker/ofac-action/'));
  await expect(page.locator('#signpost-ofac-action-90-days')).toBeVisible();
  await expect(page.getByText('No step is recorded in the sources')).toBeVisible();
  await page.goto(siteUrl('/tracker/hagerty-kim-amendment/'));
  await expect(page.getByText('Not formally introduced; in pre-filing status.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bill Hagerty' })).toHaveAttribute('href', /\/actors\/bill-hagerty\/$/);
  expectClean(diagnostics, 'instrument pages');
});

test.describe('axe (WCAG 2.2 AA), light and dark themes', () => {
  // Each check runs axe twice on a long page; the CI machine has two cores.
  test.describe.configure({ timeout: 90_000 });

  test('the tracker with every history open and sorted by last action', async ({ page }) => {
    await page.goto(siteUrl(`${TRACKER}?sort=last-action`));
    for (const summary of await page.locator('.history-row summary').all()) await summary.click();
    await expectNoAxeViolations(page, TRACKER);
  });

  test('the tracker filtered down to no rows', async ({ page }) => {
    await page.goto(siteUrl(`${TRACKER}?kind=bill&stage=passed-house`));
    await expect(page.getByText('No instrument matches these filters.')).toBeVisible();
    await expectNoAxeViolations(page, `${TRACKER} with no matching rows`);
  });

  test('the tracker at 320 px wide', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(siteUrl(TRACKER));
    await expectNoAxeViolations(page, `${TRACKER} at 320 px`);
  });

  test('an instrument page', async ({ page }) => {
    await page.goto(siteUrl('/tracker/alibaba-v-dod/'));
    await expectNoAxeViolations(page, '/tracker/alibaba-v-dod/');
  });
});

plainTest('the downloads are served as JSON and CSV and carry the same instruments and statuses', async ({ request }) => {
  const json = await request.get(siteUrl('/data/instruments.json'));
  expect(json.ok()).toBe(true);
  expect(json.headers()['content-type']).toMatch(/^application\/json/);
  const items = (await json.json()).rows as { id: string; status: string; stage_index: number; status_code: string | null; as_of: string }[];
  expect(items).toHaveLength(9);
  expect(items[0]).toMatchObject({ id: 'hr-8283', status: 'Passed committee', stage_index: 1, status_code: 'REPORTED', as_of: '2026-06-26' });

  const csv = await request.get(siteUrl('/data/instruments.csv'));
  expect(csv.ok()).toBe(true);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  const lines = (await csv.text()).split('\r\n').filter(Boolean);
  expect(lines[0]).toMatch(/^id,name,short_name,kind,status,stage_index,/);
  expect(lines).toHaveLength(10);
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(items.map((i) => i.id));
});
