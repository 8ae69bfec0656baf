/**
 * Byte budgets of the built site: which pages may ship JavaScript, how much,
 * and what a page weighs (gzip bytes of its HTML, JS, CSS and fonts).
 *
 * Pure functions over a dist folder (they only read files), so
 * tests/quality/budgets.test.ts asserts them and scripts/bench.mjs can print
 * the same figures. Sizes are gzip level 9, each file compressed on its own
 * (as a server sends it). 1 KB = 1000 bytes.
 *
 * JS of a page = every executable <script src>, <link rel=modulepreload> and
 * <link rel=preload as=script>, plus every chunk those import statically
 * (followed through dist/_astro with es-module-lexer), plus inline scripts.
 * Dynamic import() chunks load later, on demand: listed, not counted.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';
import { cssUrls, fileToPagePath, isJsScript, listHtmlFiles, normaliseBase, pagePathToFile, scanHtml } from './html.mjs';

await init; // es-module-lexer is WebAssembly: ready it once, then parse() is synchronous.

export const KB = 1000;

/**
 * The pages allowed to ship JavaScript: the interactive-chart pages, search,
 * and embeds. `subpages: true` also allows everything below the path.
 * Any other page may ship JS only when it carries an interactive chart (one
 * of ISLAND_TAGS, e.g. an event page showing the market chart); otherwise it
 * must ship 0 bytes of JS.
 */
export const JS_PAGES = Object.freeze([
  { path: '/timeline/', subpages: false },
  { path: '/tracker/', subpages: false },
  { path: '/campaigns/', subpages: true },
  { path: '/markets/', subpages: false },
  { path: '/search/', subpages: false },
  { path: '/embed/', subpages: true },
  // The editors' CMS (src/integrations/admin.ts): a deliberate exception, never linked from the site.
  { path: '/admin/', subpages: false },
]);

/**
 * Custom elements that make a page interactive; a page carrying one may ship
 * JS. Besides the charts: the "Cite this" copy buttons (cite-this, on event,
 * instrument, dispute, chart and data pages) and the ?since= filter of
 * /changes/ (changes-since), two small islands.
 */
export const ISLAND_TAGS = Object.freeze(['chart-controls', 'timeline-view', 'tracker-controls', 'cite-this', 'changes-since']);

/** Budgets for pages that do ship JS. Absent pages are reported as skipped, never as passed. */
export const BUDGETS = Object.freeze({
  /** The timeline's JS (external + inline), gzip. */
  timelineJs: { page: '/timeline/', limit: 30 * KB },
  /** Each embed page in total: HTML + JS + CSS + fonts, gzip. */
  embedTotal: { prefix: '/embed/', limit: 20 * KB },
});

/** True if the page (base-free path such as `/campaigns/x/`) may ship JS; pass its HTML to allow pages with an interactive chart. */
export function jsAllowed(/** @type {string} */ pagePath, /** @type {string} */ html = '') {
  return (
    JS_PAGES.some((p) => pagePath === p.path || (p.subpages && pagePath.startsWith(p.path))) ||
    ISLAND_TAGS.some((tag) => html.includes(`<${tag}`))
  );
}

/** gzip -9 size of a file's bytes or of a string. */
export function gzipSize(/** @type {Buffer | string} */ data) {
  return gzipSync(data, { level: 9 }).length;
}

const FONT_RE = /\.(woff2?|ttf|otf|eot)$/i;
const ORIGIN = 'http://site.invalid';

/**
 * The dist file an internal URL names, or null for external, out-of-base or
 * unparsable URLs. Does not check that the file exists.
 * @param {string} distDir
 * @param {string} basePath
 * @param {string} ref      the URL as written
 * @param {string} baseUrl  URL of the referring document (under ORIGIN)
 */
function refToFile(distDir, basePath, ref, baseUrl) {
  let url;
  try {
    url = new URL(ref.trim(), baseUrl);
    if (url.origin !== ORIGIN) return null;
    const pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(basePath)) return null;
    return path.join(distDir, pathname.slice(basePath.length));
  } catch {
    return null;
  }
}

/** The URL under ORIGIN of a file in dist (to resolve relative imports inside it). */
function fileToUrl(/** @type {string} */ distDir, /** @type {string} */ basePath, /** @type {string} */ file) {
  return `${ORIGIN}${basePath}${path.relative(distDir, file).split(path.sep).join('/')}`;
}

/**
 * Follow static imports from entry scripts through the built chunks.
 * @param {string} distDir
 * @param {string} basePath
 * @param {{ code: string, url: string }[]} entries  module sources and their URLs
 * @returns {{ files: string[], lazy: string[], missing: string[] }} static chunk files (entries' own files included by the caller), dynamic-import chunks, unresolvable imports
 */
export function jsGraph(distDir, basePath, entries) {
  const files = new Set();
  const lazy = new Set();
  const missing = new Set();
  const queue = [...entries];
  while (queue.length) {
    const { code, url } = /** @type {{ code: string, url: string }} */ (queue.shift());
    let imports;
    try {
      [imports] = parse(code);
    } catch (err) {
      missing.add(`${url} (cannot be lexed: ${err instanceof Error ? err.message : err})`);
      continue;
    }
    for (const imp of imports) {
      if (!imp.n) continue; // import.meta, or a computed dynamic import()
      const isStatic = imp.d === -1; // -1 = static import/export-from; >= 0 dynamic; -2 import.meta
      if (imp.d === -2) continue;
      const file = refToFile(distDir, basePath, imp.n, url);
      if (!file || !existsSync(file)) {
        if (isStatic) missing.add(`${imp.n} (imported by ${url.slice(ORIGIN.length)})`);
        continue;
      }
      if (!isStatic) {
        lazy.add(file);
        continue;
      }
      if (files.has(file)) continue;
      files.add(file);
      queue.push({ code: readFileSync(file, 'utf8'), url: fileToUrl(distDir, basePath, file) });
    }
  }
  for (const f of files) lazy.delete(f);
  return { files: [...files], lazy: [...lazy], missing: [...missing] };
}

/**
 * @typedef {object} PageWeight
 * @property {number} html       gzip bytes of the HTML file (inline scripts and styles included)
 * @property {number} js         gzip bytes of external JS: entries + static chunk graph
 * @property {number} inlineJs   gzip bytes of inline executable <script> text (already inside `html`)
 * @property {number} css        gzip bytes of external stylesheets, plus the sheets they import
 * @property {number} fonts      gzip bytes of fonts the page's CSS or preloads reference
 * @property {number} total      html + js + css + fonts
 * @property {number} scripts    number of executable <script> elements (inline or not)
 * @property {string[]} jsFiles  dist-relative
 * @property {string[]} lazyJsFiles  dynamic-import chunks (not counted)
 * @property {string[]} cssFiles
 * @property {string[]} fontFiles
 * @property {string[]} missing  referenced assets that are not in dist
 */

/**
 * Weigh one page of the built site.
 * @param {string} distDir
 * @param {string} pagePath  base-free, e.g. `/` or `/timeline/`
 * @param {{ basePath?: string }} [options]
 * @returns {PageWeight}
 */
export function pageWeight(distDir, pagePath, options = {}) {
  const basePath = normaliseBase(options.basePath);
  const htmlFile = pagePathToFile(distDir, pagePath);
  const html = readFileSync(htmlFile);
  const elements = scanHtml(html.toString('utf8'));
  const pageUrl = `${ORIGIN}${basePath}${pagePath.slice(1)}`;
  const baseEl = elements.find((el) => el.name === 'base' && el.attribs.href !== undefined);
  const docUrl = baseEl ? new URL(baseEl.attribs.href ?? '', pageUrl).href : pageUrl;

  const missing = new Set();
  /** Resolve a reference to an existing dist file (null = external or missing, recorded). */
  const local = (/** @type {string} */ ref, /** @type {string} */ from) => {
    const file = refToFile(distDir, basePath, ref, from);
    if (file && existsSync(file) && statSync(file).isFile()) return file;
    if (file) missing.add(ref);
    return null;
  };

  const jsEntries = new Set();
  const inlineModules = [];
  let inlineJsText = '';
  let scripts = 0;
  const cssFiles = new Set();
  const fontFiles = new Set();
  for (const el of elements) {
    const rel = ` ${(el.attribs.rel ?? '').toLowerCase()} `;
    if (isJsScript(el)) {
      scripts++;
      if (el.attribs.src !== undefined) {
        const file = local(el.attribs.src, docUrl);
        if (file) jsEntries.add(file);
      } else {
        inlineJsText += el.text;
        if ((el.attribs.type ?? '').trim().toLowerCase() === 'module') inlineModules.push({ code: el.text, url: docUrl });
      }
    } else if (el.name === 'link' && el.attribs.href) {
      const as = (el.attribs.as ?? '').toLowerCase();
      if (rel.includes(' modulepreload ') || (rel.includes(' preload ') && as === 'script')) {
        const file = local(el.attribs.href, docUrl);
        if (file) jsEntries.add(file);
      } else if (rel.includes(' stylesheet ')) {
        const file = local(el.attribs.href, docUrl);
        if (file) cssFiles.add(file);
      } else if (rel.includes(' preload ') && as === 'font') {
        const file = local(el.attribs.href, docUrl);
        if (file) fontFiles.add(file);
      }
    }
  }

  // Stylesheets: follow @import; collect fonts from url() (inline <style> too).
  const cssQueue = [...cssFiles];
  const scanCss = (/** @type {string} */ css, /** @type {string} */ from) => {
    for (const { value } of cssUrls(css)) {
      if (value.startsWith('data:')) continue;
      const file = refToFile(distDir, basePath, value, from);
      if (!file) continue;
      if (!existsSync(file)) missing.add(value);
      else if (FONT_RE.test(file)) fontFiles.add(file);
      else if (file.endsWith('.css') && !cssFiles.has(file)) {
        cssFiles.add(file);
        cssQueue.push(file);
      }
    }
  };
  for (const el of elements) if (el.name === 'style') scanCss(el.text, docUrl);
  while (cssQueue.length) {
    const file = /** @type {string} */ (cssQueue.shift());
    scanCss(readFileSync(file, 'utf8'), fileToUrl(distDir, basePath, file));
  }

  // JS: entries plus their static import graph (inline module scripts may import too).
  const entries = [...jsEntries].map((file) => ({ code: readFileSync(file, 'utf8'), url: fileToUrl(distDir, basePath, file) }));
  const graph = jsGraph(distDir, basePath, [...entries, ...inlineModules]);
  for (const m of graph.missing) missing.add(m);
  const jsFiles = new Set([...jsEntries, ...graph.files]);

  const sum = (/** @type {Iterable<string>} */ files) => [...files].reduce((n, f) => n + gzipSize(readFileSync(f)), 0);
  const relList = (/** @type {Iterable<string>} */ files) => [...files].map((f) => path.relative(distDir, f).split(path.sep).join('/')).sort();
  const weight = {
    html: gzipSize(html),
    js: sum(jsFiles),
    inlineJs: inlineJsText.trim() ? gzipSize(inlineJsText) : 0,
    css: sum(cssFiles),
    fonts: sum(fontFiles),
    total: 0,
    scripts,
    jsFiles: relList(jsFiles),
    lazyJsFiles: relList(graph.lazy),
    cssFiles: relList(cssFiles),
    fontFiles: relList(fontFiles),
    missing: [...missing].sort(),
  };
  weight.total = weight.html + weight.js + weight.css + weight.fonts;
  return weight;
}

/**
 * @typedef {object} BudgetResult
 * @property {'no-js' | 'timeline-js' | 'embed-total'} rule
 * @property {string} page       base-free page path ('' when the page is absent)
 * @property {'pass' | 'fail' | 'skipped'} status
 * @property {number} actual     bytes (gzip), or -1 when skipped
 * @property {number} limit      bytes (gzip)
 * @property {string} message    human-readable verdict
 */

/**
 * Check every budget against a built site. An absent /timeline/ or /embed/
 * yields a 'skipped' result for that budget only.
 * @param {string} distDir
 * @param {{ basePath?: string }} [options]
 * @returns {BudgetResult[]}
 */
export function evaluateBudgets(distDir, options = {}) {
  const pages = listHtmlFiles(distDir).map((f) => fileToPagePath(distDir, f));
  /** @type {BudgetResult[]} */
  const results = [];
  const kb = (/** @type {number} */ n) => `${(n / KB).toFixed(1)} KB`;
  const missingNote = (/** @type {PageWeight} */ w) => (w.missing.length ? `; referenced but missing: ${w.missing.join(', ')}` : '');

  const htmlOf = (/** @type {string} */ p) => readFileSync(pagePathToFile(distDir, p), 'utf8');
  for (const page of pages.filter((p) => !jsAllowed(p, htmlOf(p)))) {
    const w = pageWeight(distDir, page, options);
    const bytes = w.js + w.inlineJs;
    const ok = w.scripts === 0 && bytes === 0 && w.jsFiles.length === 0;
    results.push({
      rule: 'no-js',
      page,
      status: ok ? 'pass' : 'fail',
      actual: bytes,
      limit: 0,
      message: ok
        ? `${page} ships no JS`
        : `${page} must ship 0 bytes of JS (not in JS_PAGES) but has ${w.scripts} script element(s), ${bytes} gzip bytes: ${[...w.jsFiles, w.inlineJs ? 'inline script' : ''].filter(Boolean).join(', ')}`,
    });
  }

  const { page: timeline, limit: timelineLimit } = BUDGETS.timelineJs;
  if (!pages.includes(timeline)) {
    results.push({ rule: 'timeline-js', page: '', status: 'skipped', actual: -1, limit: timelineLimit, message: `${timeline} is not built yet: timeline JS budget skipped` });
  } else {
    const w = pageWeight(distDir, timeline, options);
    const bytes = w.js + w.inlineJs;
    const ok = bytes <= timelineLimit && w.missing.length === 0;
    results.push({
      rule: 'timeline-js',
      page: timeline,
      status: ok ? 'pass' : 'fail',
      actual: bytes,
      limit: timelineLimit,
      message: `${timeline} JS is ${kb(bytes)} gzip (limit ${kb(timelineLimit)}; ${w.jsFiles.length} file(s): ${w.jsFiles.join(', ') || 'none'})${missingNote(w)}`,
    });
  }

  const { prefix, limit: embedLimit } = BUDGETS.embedTotal;
  const embeds = pages.filter((p) => p.startsWith(prefix));
  if (embeds.length === 0) {
    results.push({ rule: 'embed-total', page: '', status: 'skipped', actual: -1, limit: embedLimit, message: `no ${prefix} pages are built yet: embed budget skipped` });
  }
  for (const page of embeds) {
    const w = pageWeight(distDir, page, options);
    const ok = w.total <= embedLimit && w.missing.length === 0;
    results.push({
      rule: 'embed-total',
      page,
      status: ok ? 'pass' : 'fail',
      actual: w.total,
      limit: embedLimit,
      message: `${page} weighs ${kb(w.total)} gzip (limit ${kb(embedLimit)}: html ${w.html} + js ${w.js} + css ${w.css} + fonts ${w.fonts} bytes)${missingNote(w)}`,
    });
  }
  return results;
}
