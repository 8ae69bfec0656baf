/**
 * Byte budgets (scripts/lib/budgets.mjs), asserted on the built site, and
 * proven able to fail on fixture sites.
 *
 *   - pages outside JS_PAGES ship 0 bytes of JS;
 *   - /timeline/ ships at most 30 KB gzip of JS (entries + static chunk graph);
 *   - each /embed/ page weighs at most 20 KB gzip (HTML + JS + CSS + fonts).
 *
 * A budget whose page is not built yet is reported as skipped, with the
 * reason; the 0-JS rule still runs over every page that exists.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUDGETS, evaluateBudgets, jsAllowed, jsGraph, pageWeight } from '../../scripts/lib/budgets.mjs';
import { BASE_PATH, DIST_DIR, fixture, fixtureCopy } from './support.ts';

describe(`byte budgets of the built site (${DIST_DIR})`, () => {
  // Evaluated (once) inside the tests, so a missing build fails a test rather than collection.
  let cached: ReturnType<typeof evaluateBudgets> | undefined;
  const results = () => (cached ??= evaluateBudgets(DIST_DIR, { basePath: BASE_PATH }));

  it('pages outside the JS list ship 0 bytes of JS', () => {
    const noJs = results().filter((r) => r.rule === 'no-js');
    expect(noJs.length, 'number of pages checked by the 0-JS rule').toBeGreaterThan(0);
    expect(noJs.filter((r) => r.status !== 'pass').map((r) => r.message)).toEqual([]);
  });

  it(`${BUDGETS.timelineJs.page} ships at most ${BUDGETS.timelineJs.limit / 1000} KB gzip of JS`, (ctx) => {
    const [r] = results().filter((x) => x.rule === 'timeline-js');
    if (!r || r.status === 'skipped') return ctx.skip(r?.message ?? 'no timeline result');
    expect(r.status, r.message).toBe('pass');
  });

  it(`each ${BUDGETS.embedTotal.prefix} page weighs at most ${BUDGETS.embedTotal.limit / 1000} KB gzip`, (ctx) => {
    const embeds = results().filter((x) => x.rule === 'embed-total');
    if (embeds.every((r) => r.status === 'skipped')) return ctx.skip(embeds[0]?.message ?? 'no embed result');
    expect(embeds.filter((r) => r.status !== 'pass').map((r) => r.message)).toEqual([]);
  });
});

describe('the JS allow-list', () => {
  it.each([
    ['/timeline/', true],
    ['/tracker/', true],
    ['/campaigns/', true],
    ['/campaigns/alibaba-linked/', true],
    ['/markets/', true],
    ['/embed/timeline/', true],
    ['/', false],
    ['/events/', false],
    ['/timeline/extra/', false],
    ['/markets/x/', false],
    ['/campaignsx/', false],
  ])('%s may ship JS: %s', (page, allowed) => {
    expect(jsAllowed(page)).toBe(allowed);
  });

  it('an ordinary page may ship JS only when it carries an interactive chart', () => {
    expect(jsAllowed('/events/x/', '<main><p>text</p></main>')).toBe(false);
    expect(jsAllowed('/events/x/', '<main><chart-controls data-chart="market"></chart-controls></main>')).toBe(true);
    // The two small non-chart islands: the "Cite this" copy buttons and the /changes/ filter.
    expect(jsAllowed('/events/x/', '<main><cite-this class="cite-this"></cite-this></main>')).toBe(true);
    expect(jsAllowed('/changes/', '<main><changes-since hidden></changes-since></main>')).toBe(true);
    expect(jsAllowed('/sources/', '<main><p>cite-this</p></main>')).toBe(false);
  });
});

describe('budget functions on fixture sites', () => {
  const tmpDirs: string[] = [];
  afterAll(() => {
    for (const d of tmpDirs) rmSync(path.dirname(d), { recursive: true, force: true });
  });
  const copy = (name: 'good' | 'broken') => {
    const dir = fixtureCopy(name);
    tmpDirs.push(dir);
    return dir;
  };

  it('follows static imports transitively, lists dynamic imports apart', () => {
    const w = pageWeight(fixture('good'), '/timeline/');
    expect(w.jsFiles).toEqual(['_astro/chunk-a.js', '_astro/chunk-b.js', '_astro/entry.js']);
    expect(w.lazyJsFiles).toEqual(['_astro/lazy.js']);
    expect(w.scripts).toBe(1); // the application/json block is data, not JS
    expect(w.js).toBeGreaterThan(0);
    expect(w.missing).toEqual([]);
  });

  it('weighs an embed with its CSS (relative href) and the fonts that CSS uses', () => {
    const w = pageWeight(fixture('good'), '/embed/timeline/');
    expect(w.cssFiles).toEqual(['_astro/style.css']);
    expect(w.fontFiles).toEqual(['_astro/font.woff2']);
    expect(w.total).toBe(w.html + w.js + w.css + w.fonts);
  });

  it('passes a site within budget', () => {
    const results = evaluateBudgets(fixture('good'));
    expect(results.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(results.map((r) => r.rule)).toEqual(expect.arrayContaining(['no-js', 'timeline-js', 'embed-total']));
  });

  it('fails a page outside the JS list that loads a script', () => {
    const r = evaluateBudgets(fixture('broken')).find((x) => x.rule === 'no-js' && x.page === '/');
    expect(r?.status).toBe('fail');
    expect(r?.message).toContain('_astro/x.js');
  });

  it('skips only the absent budgets, and still checks 0-JS on every page', () => {
    const results = evaluateBudgets(fixture('broken'));
    expect(results.find((r) => r.rule === 'timeline-js')).toMatchObject({ status: 'skipped', message: expect.stringContaining('not built yet') });
    expect(results.find((r) => r.rule === 'embed-total')).toMatchObject({ status: 'skipped' });
    expect(results.filter((r) => r.rule === 'no-js').map((r) => r.page).sort()).toEqual(['/', '/a/', '/bad-html/']);
  });

  it('fails a timeline whose statically imported chunk is over budget', () => {
    const dir = copy('good');
    // Random bytes do not compress: 40 KB of them (as base64) is > 30 KB gzip.
    writeFileSync(path.join(dir, '_astro/chunk-b.js'), `export const b=${JSON.stringify(randomBytes(40_000).toString('base64'))};\n`);
    const r = evaluateBudgets(dir).find((x) => x.rule === 'timeline-js');
    expect(r?.status).toBe('fail');
    expect(r?.actual).toBeGreaterThan(BUDGETS.timelineJs.limit);
    expect(r?.message).toContain('_astro/chunk-b.js');
  });

  it('fails an embed whose font pushes it over budget', () => {
    const dir = copy('good');
    writeFileSync(path.join(dir, '_astro/font.woff2'), randomBytes(25_000));
    const r = evaluateBudgets(dir).find((x) => x.rule === 'embed-total');
    expect(r?.status).toBe('fail');
    expect(r?.message).toMatch(/weighs \d+\.\d KB gzip \(limit 20\.0 KB/);
  });

  it('fails a budget when a static import is missing from dist', () => {
    const dir = copy('good');
    rmSync(path.join(dir, '_astro/chunk-b.js'));
    const r = evaluateBudgets(dir).find((x) => x.rule === 'timeline-js');
    expect(r?.status).toBe('fail');
    expect(r?.message).toContain('./chunk-b.js (imported by /_astro/chunk-a.js)');
  });

  it('resolves chunk imports under a base path', () => {
    const graph = jsGraph('/nowhere', '/sub/', [{ code: 'import "/sub/_astro/a.js"; import "./b.js"; import("/sub/_astro/c.js")', url: 'http://site.invalid/sub/_astro/entry.js' }]);
    expect(graph.missing).toEqual(['/sub/_astro/a.js (imported by /sub/_astro/entry.js)', './b.js (imported by /sub/_astro/entry.js)']);
    expect(graph.lazy).toEqual([]);
  });
});
