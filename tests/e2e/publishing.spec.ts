/**
 * Publishing, on the built site: the RSS feed and the sitemap are well-formed
 * XML with the right item counts and base-path links; every page carries its
 * canonical URL, description, Open Graph and Twitter tags with a 1200×630 card;
 * JSON-LD parses and names the right types; the downloads round-trip (CSV =
 * JSON) and their numbers equal the pages'; search finds a known phrase in the
 * browser under the CSP and loads Pagefind only when used; the new pages are
 * axe-clean in both themes; the index never runs together text the page
 * shows apart (a definition's label and value, table cells, blocks); event
 * and instrument pages say when they were last updated. (The correction fixture is built and checked by
 * tests/unit/corrections.test.ts, which needs its own content folder.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { BASE_PATH, DIST_DIR, siteUrl } from './support/env.ts';
import { expect, expectClean, test } from './support/diagnostics.ts';
import { listBuiltPageFiles } from './support/pages.ts';
import { csvCell, type CsvValue } from '../../src/lib/util/csv.ts';
import { parseCsv } from '../support/csv.ts';
import { EXCLUDE_SELECTORS } from '../../scripts/lib/pagefind-text.mjs';

type Json = Record<string, any>;

const getText = async (request: APIRequestContext, sitePath: string, type?: RegExp) => {
  const res = await request.get(siteUrl(sitePath));
  expect(res.status(), `GET ${sitePath}`).toBe(200);
  if (type) expect(res.headers()['content-type'], `content type of ${sitePath}`).toMatch(type);
  return res.text();
};

/** Parses XML in the browser (strict); throws on the first well-formedness error. */
async function parseXml(page: Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror');
    if (error) throw new Error(`not well-formed: ${error.textContent}`);
    const all = (name: string) => [...doc.getElementsByTagName(name)].map((n) => n.textContent ?? '');
    return {
      root: doc.documentElement.nodeName,
      items: doc.getElementsByTagName('item').length,
      links: [...doc.querySelectorAll('item > link')].map((n) => n.textContent ?? ''),
      guids: all('guid'),
      pubDates: all('pubDate'),
      locs: all('loc'),
    };
  }, xml);
}

const sitePathOf = (url: string) => {
  const { pathname } = new URL(url);
  expect(pathname.startsWith(BASE_PATH), `${url} carries the base path ${BASE_PATH}`).toBe(true);
  return `/${pathname.slice(BASE_PATH.length)}`;
};
const distFileOf = (sitePath: string) => path.join(DIST_DIR, sitePath, sitePath.endsWith('/') ? 'index.html' : '');

async function jsonLdOf(page: Page): Promise<Json[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.flatMap((b) => {
    const parsed = JSON.parse(b);
    return Array.isArray(parsed) ? parsed : [parsed];
  });
}

async function axeBothThemes(page: Page, where: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect.soft(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), `axe on ${where} (${colorScheme})`).toEqual([]);
  }
}

test.describe('feed and sitemap', () => {
  test('the RSS feed is well-formed, with one item per event and per dated status change', async ({ page, request }) => {
    const xml = await getText(request, '/rss.xml', /xml/);
    await page.goto(siteUrl('/'));
    const feed = await parseXml(page, xml);
    expect(feed.root).toBe('rss');
    const events = JSON.parse(await getText(request, '/data/events.json')).rows as Json[];
    const instruments = JSON.parse(await getText(request, '/data/instruments.json')).rows as Json[];
    const datedSteps = instruments.reduce((n, i) => n + (i.steps as Json[]).filter((s) => s.date !== null).length, 0);
    expect(datedSteps).toBeGreaterThan(0);
    expect(feed.items).toBe(events.length + datedSteps);
    expect(new Set(feed.guids).size).toBe(feed.items);
    for (const link of feed.links) {
      const p = sitePathOf(link);
      expect(readFileSync(distFileOf(p)).length, `${link} is a built page`).toBeGreaterThan(0);
    }
    for (const d of feed.pubDates) expect(Number.isNaN(Date.parse(d)), d).toBe(false);
  });

  test('the sitemap is well-formed and lists every page once, with the base path', async ({ page, request }) => {
    await page.goto(siteUrl('/'));
    const index = await parseXml(page, await getText(request, '/sitemap-index.xml', /xml/));
    expect(index.root).toBe('sitemapindex');
    const locs: string[] = [];
    for (const sitemap of index.locs) {
      const map = await parseXml(page, await getText(request, sitePathOf(sitemap), /xml/));
      expect(map.root).toBe('urlset');
      locs.push(...map.locs);
    }
    const listed = locs.map(sitePathOf).sort();
    const expected = listBuiltPageFiles()
      .filter((p) => !p.isRedirect && p.path.endsWith('/') && !p.path.startsWith('/embed/'))
      .map((p) => p.path)
      .sort();
    expect(listed).toEqual(expected);
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', `${BASE_PATH}rss.xml`);
  });
});

test.describe('chart social cards', () => {
  for (const [p, id] of [['/timeline/', 'timeline'], ['/campaigns/', 'campaign-scale'], ['/markets/', 'market']] as const) {
    test(`${p} shares the chart's own export (1,200 px wide, its declared height)`, async ({ page, request }) => {
      await page.goto(siteUrl(p));
      const image = (await page.locator('meta[property="og:image"]').getAttribute('content'))!;
      expect(sitePathOf(image)).toBe(`/charts/${id}.png`);
      const png = await (await request.get(siteUrl(sitePathOf(image)))).body();
      const height = Number(await page.locator('meta[property="og:image:height"]').getAttribute('content'));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, height]);
      expect(await page.locator('meta[property="og:image:width"]').getAttribute('content')).toBe('1200');
    });
  }
});

test.describe('page metadata', () => {
  const PAGES = ['/', '/events/alibaba-sues-dod/', '/tracker/hr-8283/', '/disputes/', '/data/', '/corrections/', '/search/', '/method/'];
  for (const p of PAGES) {
    test(`${p} has a canonical URL, a description and Open Graph / Twitter tags with a 1200×630 card`, async ({ page, request }) => {
      await page.goto(siteUrl(p));
      const meta = (sel: string) => page.locator(sel).first().getAttribute('content');
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(sitePathOf(canonical!)).toBe(p);
      expect((await meta('meta[name="description"]'))!.length).toBeGreaterThan(20);
      expect(await meta('meta[property="og:url"]')).toBe(canonical);
      expect(await meta('meta[property="og:title"]')).toBe(await page.title());
      expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
      const image = (await meta('meta[property="og:image"]'))!;
      expect(await meta('meta[name="twitter:image"]')).toBe(image);
      expect((await meta('meta[property="og:image:alt"]'))!.length).toBeGreaterThan(10);
      const res = await request.get(siteUrl(sitePathOf(image)));
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
      const png = await res.body();
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    });
  }

  test('event and instrument pages get their own card; an event page is an article', async ({ page }) => {
    await page.goto(siteUrl('/events/alibaba-linked-campaign/'));
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(/\/og\/events\/alibaba-linked-campaign\.png$/);
    expect(await page.locator('meta[property="og:image:alt"]').getAttribute('content')).toContain('Alleged by Anthropic');
    expect(await page.locator('meta[property="og:type"]').getAttribute('content')).toBe('article');
    await page.goto(siteUrl('/tracker/hr-8283/'));
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(/\/og\/instruments\/hr-8283\.png$/);
  });
});

test.describe('structured data', () => {
  test('every JSON-LD block parses, with the schema.org context and the fitting type', async ({ page, request }) => {
    const claims = new Set((JSON.parse(await getText(request, '/data/claims.json')).rows as Json[]).map((r) => r.claim_id)).size;
    const cases: [string, (ld: Json[]) => void][] = [
      ['/', (ld) => expect(ld.map((x) => x['@type'])).toEqual(['WebSite'])],
      [
        '/events/alibaba-sues-dod/',
        (ld) => {
          expect(ld[0]!['@type']).toBe('NewsArticle');
          expect(ld[0]!.headline).toBe('Alibaba sues the Pentagon over its military-company designation');
          expect(ld.slice(1).map((x) => x['@type'])).toEqual(['ClaimReview']);
        },
      ],
      [
        '/tracker/hr-8283/',
        (ld) => {
          expect(ld[0]!['@type']).toBe('Legislation');
          expect(ld[0]!.legislationIdentifier).toBe('H.R. 8283');
        },
      ],
      ['/tracker/hagerty-kim-amendment/', (ld) => expect(ld[0]!['@type']).toBe('Legislation')],
      [
        '/disputes/',
        (ld) => {
          expect(ld).toHaveLength(claims);
          for (const r of ld) {
            expect(r['@type']).toBe('ClaimReview');
            expect(r.reviewRating.alternateName).toBe('Disputed — sources disagree');
          }
        },
      ],
      [
        '/data/',
        (ld) => {
          // One Dataset per table of the registry (events, campaigns, instruments, sources, claims, timeline, market), CSV and JSON each.
          expect(ld.map((x) => x['@type'])).toEqual(['Dataset', 'Dataset', 'Dataset', 'Dataset', 'Dataset', 'Dataset', 'Dataset']);
          expect(ld.flatMap((x) => x.distribution)).toHaveLength(14);
        },
      ],
    ];
    for (const [p, check] of cases) {
      await page.goto(siteUrl(p));
      const ld = await jsonLdOf(page);
      expect(ld.length, `JSON-LD on ${p}`).toBeGreaterThan(0);
      for (const block of ld) expect(block['@context'], p).toBe('https://schema.org');
      check(ld);
    }
  });
});

test.describe('data downloads', () => {
  for (const id of ['events', 'campaigns', 'sources', 'claims', 'timeline', 'market'] as const) {
    test(`${id}: CSV and JSON hold the same rows, and the JSON names its licence`, async ({ request }) => {
      const doc = JSON.parse(await getText(request, `/data/${id}.json`, /application\/json/));
      const csv = parseCsv(await getText(request, `/data/${id}.csv`, /text\/csv/));
      expect(doc.meta.licence.id).toBe('CC-BY-4.0');
      expect(doc.meta.row_count).toBe(doc.rows.length);
      expect(csv).toHaveLength(doc.rows.length);
      const names = (doc.meta.columns as Json[]).map((c) => c.name);
      csv.forEach((record, i) => {
        expect(Object.keys(record)).toEqual(names);
        for (const n of names) expect(record[n], `${id}[${i}].${n}`).toBe(csvCell(doc.rows[i][n] as CsvValue));
      });
    });
  }

  test('the counts and numbers in the files equal those on the pages', async ({ page, request }) => {
    const events = JSON.parse(await getText(request, '/data/events.json')).rows as Json[];
    await page.goto(siteUrl('/events/'));
    await expect(page.locator('.event-list > li')).toHaveCount(events.length);
    for (const e of events) await expect(page.locator(`.event-list a[href="${BASE_PATH}events/${e.id}/"]`)).toHaveCount(1);

    const claims = JSON.parse(await getText(request, '/data/claims.json')).rows as Json[];
    await page.goto(siteUrl('/disputes/'));
    await expect(page.locator('.dispute')).toHaveCount(new Set(claims.map((c) => c.claim_id)).size);

    const sources = JSON.parse(await getText(request, '/data/sources.json')).rows as Json[];
    await page.goto(siteUrl('/sources/'));
    for (const s of sources) await expect(page.locator(`section#${s.id} h2`)).toContainText(`[${s.number}]`);

    const exact = (v: number | null) => (v === null ? 'not disclosed' : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));
    for (const c of JSON.parse(await getText(request, '/data/campaigns.json')).rows as Json[]) {
      await page.goto(siteUrl(`/campaigns/${c.id}/`));
      // textContent, not innerText: the exact figures sit in the chart's collapsed data table.
      const text = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
      for (const v of [c.accounts, c.exchanges, c.exchanges_per_account]) expect(text, `${c.id}: ${v}`).toContain(exact(v));
      if (c.exchanges_per_account_formula) expect(text, `${c.id}: formula`).toContain(c.exchanges_per_account_formula);
    }

    for (const i of JSON.parse(await getText(request, '/data/instruments.json')).rows as Json[]) {
      const html = readFileSync(distFileOf(`/tracker/${i.id}/`), 'utf8');
      const status = new RegExp(`<strong[^>]*>${String(i.status).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</strong>`);
      expect(status.test(html), `${i.id} shows the status "${i.status}"`).toBe(true);
    }
  });

  test('/data/ documents every column of every file and states the licence', async ({ page, request }) => {
    await page.goto(siteUrl('/data/'));
    await expect(page.getByRole('link', { name: /CC BY 4\.0/ })).toHaveAttribute('href', 'https://creativecommons.org/licenses/by/4.0/');
    for (const id of ['events', 'campaigns', 'sources', 'claims'] as const) {
      const doc = JSON.parse(await getText(request, `/data/${id}.json`));
      const documented = await page.locator(`section#${id} table`).first().locator('tbody th code').allTextContents();
      expect(documented).toEqual((doc.meta.columns as Json[]).map((c) => c.name));
    }
    const header = (await getText(request, '/data/instruments.csv')).split('\r\n')[0]!.split(',');
    expect(await page.locator('section#instruments table').first().locator('tbody th code').allTextContents()).toEqual(header);
    for (const ds of ['events', 'campaigns', 'instruments', 'sources', 'claims', 'timeline', 'market']) {
      for (const ext of ['csv', 'json']) await expect(page.locator(`table.downloads a[href="${BASE_PATH}data/${ds}.${ext}"]`)).toHaveCount(1);
    }
    for (const id of ['timeline', 'market'] as const) {
      const header = (await getText(request, `/data/${id}.csv`)).split('\r\n')[0]!.split(',');
      expect(await page.locator(`section#${id} table`).first().locator('tbody th code').allTextContents()).toEqual(header);
    }
  });
});

test.describe('last updated', () => {
  test('every event and instrument page says when it was last updated', async ({ request }) => {
    const events = JSON.parse(await getText(request, '/data/events.json')).rows as Json[];
    for (const e of events) {
      const html = readFileSync(distFileOf(`/events/${e.id}/`), 'utf8');
      expect(html.includes(`Last updated <time datetime="${e.last_updated}"`), `${e.id} is last updated ${e.last_updated}`).toBe(true);
    }
    for (const i of JSON.parse(await getText(request, '/data/instruments.json')).rows as Json[]) {
      expect(/Last updated <time datetime="\d{4}-\d{2}-\d{2}"/.test(readFileSync(distFileOf(`/tracker/${i.id}/`), 'utf8')), `${i.id} says when it was last updated`).toBe(true);
    }
  });
});

test.describe('search', () => {
  test('finds a known phrase, under the CSP, loading Pagefind only when used', async ({ page, diagnostics }) => {
    const pagefind: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/pagefind/')) pagefind.push(r.url());
    });
    await page.goto(siteUrl('/search/'));
    await page.waitForLoadState('networkidle');
    expect(pagefind, 'nothing of Pagefind loads before a search').toEqual([]);

    const box = page.getByRole('searchbox', { name: /Search events/ });
    await box.focus();
    await page.keyboard.type('Greenberg Traurig');
    await page.keyboard.press('Enter');
    const hit = page.locator(`.search-results a[href="${BASE_PATH}events/alibaba-ends-lobbying-engagement/"]`);
    await expect(hit).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('status')).toContainText('for “Greenberg Traurig”');
    expect(new URL(page.url()).searchParams.get('q')).toBe('Greenberg Traurig');
    expect(pagefind.length).toBeGreaterThan(0);
    await expect(hit.locator('xpath=..').locator('mark').first()).toBeVisible();

    // The results are reachable by keyboard from the form.
    await box.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.locator('.search-results a').first()).toBeFocused();

    await page.waitForLoadState('networkidle');
    expectClean(diagnostics, '/search/');
    await axeBothThemes(page, '/search/ with results');
  });

  test('a ?q= link searches on arrival and finds an instrument page', async ({ page, diagnostics }) => {
    await page.goto(siteUrl('/search/?q=Defending%20Against%20AI%20Model%20Theft'));
    await expect(page.locator(`.search-results a[href="${BASE_PATH}tracker/hr-8283/"]`)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('searchbox')).toHaveValue('Defending Against AI Model Theft');
    // A source is found on the sources page, under its own heading.
    await page.goto(siteUrl('/search/?q=cybersecurity%20analysis%20arguing'));
    await expect(page.locator(`.search-results a[href^="${BASE_PATH}sources/#flux-tokentoday"]`).first()).toBeVisible({ timeout: 15_000 });
    expectClean(diagnostics, '/search/?q=');
  });

  test('every page links to search in its header; pages without a chart ship no script but the Cite this island', async ({ page }) => {
    for (const p of ['/', '/data/', '/corrections/', '/disputes/', '/method/']) {
      await page.goto(siteUrl(p));
      await expect(page.locator('.site-header').getByRole('link', { name: 'Search' })).toHaveAttribute('href', `${BASE_PATH}search/`);
      // /data/ and /disputes/ carry the "Cite this" copy buttons, one small island with one script.
      const island = p === '/data/' || p === '/disputes/' ? 1 : 0;
      await expect(page.locator('cite-this'), `${p} has a Cite this block`).toHaveCount(island);
      await expect(page.locator('script:not([type="application/ld+json"])'), `${p} ships ${island ? 'only the Cite this script' : 'no JS'}`).toHaveCount(island);
    }
  });
});

/** Every page in the built Pagefind index: base-free path → the text Pagefind stored (and shows excerpts from). */
function pagefindTexts(): Map<string, string> {
  const dir = path.join(DIST_DIR, 'pagefind', 'fragment');
  const texts = new Map<string, string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.pf_fragment'))) {
    // A fragment is gzip'd "pagefind_dcd" followed by JSON.
    const raw = gunzipSync(readFileSync(path.join(dir, name))).toString('utf8');
    const fragment = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; content: string };
    texts.set(`/${fragment.url.replace(/^\/+/, '')}`.replace(BASE_PATH === '/' ? /^$/ : new RegExp(`^${BASE_PATH}`), '/'), fragment.content);
  }
  return texts;
}

/**
 * Every place in a page where two pieces of text sit in different boxes (a
 * <dt> and its <dd>, two table cells, a block label and its value…) with no
 * whitespace between them in the markup: a browser shows them apart, but an
 * indexer reading the text alone runs them together. Returns, for each, the
 * word pair as it would read glued ("KindLawmaker") and the two boxes' tags.
 * Runs in the page; skips what Pagefind does not index.
 */
function textBoundaries(excluded: string) {
  const inline = new Set(['inline', 'contents']);
  const boxOf = (node: Node): Element | null => {
    for (let el = node.parentElement; el; el = el.parentElement) {
      if (!inline.has(getComputedStyle(el).display)) return el;
    }
    return null;
  };
  // (A TreeWalker filter is a callback, which a page without JavaScript will not run: walk by hand.)
  const skip = `${excluded}, style, svg, form, template, [data-pagefind-ignore]`;
  const texts: Text[] = [];
  const collect = (node: Node) => {
    for (const child of node.childNodes) {
      if (child instanceof Text) {
        if (child.textContent?.trim()) texts.push(child);
      } else if (child instanceof Element && !child.matches(skip)) collect(child);
    }
  };
  collect(document.body);
  const out: { glued: string; between: string }[] = [];
  let prev: Text | null = null;
  for (const n of texts) {
    if (prev) {
      // Whitespace-only text between the two (already collapsed by the HTML compressor) would separate them.
      const range = document.createRange();
      range.setStartAfter(prev);
      range.setEndBefore(n);
      const between = range.toString();
      const a = prev.textContent ?? '';
      const b = n.textContent ?? '';
      const boxA = boxOf(prev);
      const boxB = boxOf(n);
      if (!/\s/.test(between) && /[\p{L}\p{N}]$/u.test(a) && /^[\p{L}\p{N}]/u.test(b) && boxA !== boxB) {
        const last = a.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u)?.[0] ?? '';
        const first = b.match(/^[\p{L}\p{N}][\p{L}\p{N}'’-]*/u)?.[0] ?? '';
        out.push({ glued: last + first, between: `${boxA?.tagName.toLowerCase()}|${boxB?.tagName.toLowerCase()}` });
      }
    }
    prev = n;
  }
  return out;
}

test.describe('search index text', () => {
  // The index is built from the static HTML, so the page is read as it arrives.
  test.use({ javaScriptEnabled: false });
  test.describe.configure({ timeout: 120_000 });

  test('no excerpt runs together words the page shows apart (a <dt> and its <dd>, table cells, blocks)', async ({ page }) => {
    const excluded = EXCLUDE_SELECTORS.join(', ');
    const texts = pagefindTexts();
    expect(texts.size, 'pages in the Pagefind index').toBeGreaterThan(10);
    const glued: string[] = [];
    let definitionBoundaries = 0;
    for (const [sitePath, content] of texts) {
      await page.goto(siteUrl(sitePath.split('#')[0] ?? sitePath));
      const boundaries = await page.evaluate(textBoundaries, excluded);
      for (const { glued: word, between } of boundaries) {
        if (/^d[td]\|d[td]$/.test(between)) definitionBoundaries += 1;
        // Glued: the two words appear as one in the index text.
        if (new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u').test(content)) {
          glued.push(`${sitePath}: "${word}" (${between})`);
        }
      }
    }
    // The check must have seen definition lists, or it proves nothing about them.
    expect(definitionBoundaries, 'label/value boundaries of <dl>s checked').toBeGreaterThan(20);
    expect(glued, 'words the index runs together').toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('/search/ says search needs JavaScript and offers the events list and the sitemap', async ({ page }) => {
    await page.goto(siteUrl('/search/'));
    const note = page.locator('.search-nojs');
    await expect(note).toContainText('Search needs JavaScript');
    await expect(note.getByRole('link', { name: 'list of events' })).toHaveAttribute('href', `${BASE_PATH}events/`);
    await expect(note.getByRole('link', { name: 'sitemap' })).toHaveAttribute('href', `${BASE_PATH}sitemap-index.xml`);
  });
});

test.describe('new pages', () => {
  for (const p of ['/data/', '/corrections/']) {
    test(`${p} loads cleanly, has one h1 and is axe-clean in both themes`, async ({ page, diagnostics }) => {
      await page.goto(siteUrl(p));
      await expect(page.locator('h1')).toHaveCount(1);
      expectClean(diagnostics, p);
      await axeBothThemes(page, p);
    });
  }

  test('/corrections/ says when there is nothing to correct, and the footer links to it, the data and the feed', async ({ page }) => {
    await page.goto(siteUrl('/corrections/'));
    await expect(page.getByText('No corrections have been made.')).toBeVisible();
    const footer = page.locator('.site-footer');
    await expect(footer.getByRole('link', { name: 'Corrections' })).toHaveAttribute('href', `${BASE_PATH}corrections/`);
    await expect(footer.getByRole('link', { name: 'Data downloads' })).toHaveAttribute('href', `${BASE_PATH}data/`);
    await expect(footer.getByRole('link', { name: 'RSS feed' })).toHaveAttribute('href', `${BASE_PATH}rss.xml`);
  });
});
