#!/usr/bin/env node
/**
 * npm run test:links: zero broken internal links, assets and #fragments in
 * the built site, checked offline against the files in dist/ (no server).
 *
 *   node scripts/check-links.mjs            # DIST_DIR / OUT_DIR / ./dist, BASE_PATH (default /)
 *
 * For every page it reads each URL-bearing attribute (href, src, srcset,
 * poster, data, action, meta refresh, …) and every url()/@import in the CSS
 * the pages use, then:
 *   - internal URLs must resolve to a file in dist (directory URLs need their
 *     trailing slash, as the site uses trailingSlash: 'always'), must stay
 *     inside BASE_PATH (a root-relative `/events/` in a /sub/ build escapes
 *     it), and any #fragment must be an id (or <a name>) in the target page;
 *   - external http(s) URLs are checked for form only (absolute, http or
 *     https, has a hostname): nothing outside this machine can be reached;
 *     but a page may not *load* anything from another host (img/script src,
 *     stylesheet/preconnect/dns-prefetch links, CSS url()): the site is
 *     self-contained, and the CSP does not cover preconnect or dns-prefetch;
 *   - javascript: URLs and unknown schemes fail (the CSP would block them);
 *   - rel=canonical must be absolute and its path a page in dist, under the base.
 *
 * Why not linkinator: it crawls over HTTP, cannot apply a base path to a
 * folder it serves itself, and has no notion of "escapes the base"; a file
 * walk with a real HTML tokenizer is simpler, offline and takes well under a
 * second here.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  cssUrls,
  fileToPagePath,
  fragmentTargets,
  listHtmlFiles,
  normaliseBase,
  resolveDistDir,
  scanHtml,
} from './lib/html.mjs';

/** Placeholder origin the site is resolved against; any internal URL keeps it. */
const ORIGIN = 'http://site.invalid';

/** Schemes that never point into dist and need no check. */
// webcal: is the subscribe link of the calendars (/calendar.ics): the same file as its https: link beside it, which is checked.
const IGNORED_SCHEMES = new Set(['mailto:', 'tel:', 'sms:', 'data:', 'blob:', 'webcal:']);

/**
 * @typedef {object} Problem
 * @property {string} file     path relative to dist (page or stylesheet)
 * @property {number} line
 * @property {number} col
 * @property {string} where    e.g. `<a href>`
 * @property {string} url      the URL as written
 * @property {string} message
 */

/**
 * URLs of an HTML `srcset` (image candidate strings), per the HTML spec's
 * parsing rules: URLs may contain commas, descriptors follow whitespace.
 * @param {string} srcset
 * @returns {string[]}
 */
export function parseSrcset(srcset) {
  const urls = [];
  let i = 0;
  const n = srcset.length;
  const isSpace = (/** @type {string | undefined} */ c) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  while (i < n) {
    while (i < n && (isSpace(srcset[i]) || srcset[i] === ',')) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(srcset[i])) i++;
    let url = srcset.slice(start, i);
    // A URL that ends in commas has no descriptors: the commas separate candidates.
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      // Skip descriptors ("2x", "100w") up to the next comma outside parentheses.
      let depth = 0;
      while (i < n && !(srcset[i] === ',' && depth === 0)) {
        if (srcset[i] === '(') depth++;
        else if (srcset[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

/**
 * The URLs one element carries, as `{ attr, value }` pairs.
 * @param {import('./lib/html.mjs').HtmlElement} el
 * @returns {{ attr: string, value: string }[]}
 */
export function elementUrls(el) {
  const a = el.attribs;
  /** @type {{ attr: string, value: string }[]} */
  const out = [];
  const add = (/** @type {string} */ attr) => {
    if (a[attr] !== undefined) out.push({ attr, value: a[attr] });
  };
  for (const attr of ['href', 'xlink:href', 'src', 'poster', 'data', 'action', 'formaction', 'cite']) {
    if (attr === 'data' && el.name !== 'object') continue;
    // <base href> only changes how the other URLs resolve.
    if (attr === 'href' && el.name === 'base') continue;
    add(attr);
  }
  for (const attr of ['srcset', 'imagesrcset']) {
    if (a[attr] !== undefined) for (const value of parseSrcset(a[attr])) out.push({ attr, value });
  }
  if (el.name === 'meta') {
    const equiv = (a['http-equiv'] ?? '').toLowerCase();
    const content = a.content ?? '';
    // <meta http-equiv="refresh" content="0;url=/x/">
    const refresh = equiv === 'refresh' ? /^\s*\d+(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?['"]?([^'"]*)/i.exec(content) : null;
    if (refresh?.[1]) out.push({ attr: 'content', value: refresh[1].trim() });
    const prop = (a.property ?? a.name ?? '').toLowerCase();
    if (/^(og|twitter):(url|image)(:url|:secure_url)?$/.test(prop) && content) out.push({ attr: 'content', value: content });
  }
  return out;
}

/** <link rel> values whose href the browser fetches or connects to by itself. */
const FETCHED_LINK_RELS = new Set(['stylesheet', 'icon', 'apple-touch-icon', 'mask-icon', 'manifest', 'modulepreload', 'preload', 'prefetch', 'prerender', 'preconnect', 'dns-prefetch']);

/**
 * True if the browser requests this attribute's URL without a click: these
 * may not name another host. The CSP blocks most such requests, but not
 * preconnect/dns-prefetch/prefetch, which the browser tests cannot see.
 * @param {import('./lib/html.mjs').HtmlElement} el
 * @param {string} attr
 */
export function loadsOnOpen(el, attr) {
  if (el.name === 'a' || el.name === 'area' || el.name === 'form' || attr === 'cite' || attr === 'action' || attr === 'formaction') return false;
  if (el.name === 'link') return (el.attribs.rel ?? '').toLowerCase().split(/\s+/).some((r) => FETCHED_LINK_RELS.has(r));
  if (el.name === 'meta') return (el.attribs['http-equiv'] ?? '').toLowerCase() === 'refresh';
  return true; // src, srcset, poster, data, SVG href: fetched as the page loads
}

/**
 * Form check of an absolute URL that leaves the site: it must parse, be
 * http(s) and name a host. Returns an error message or null.
 * @param {string} value
 */
export function externalUrlProblem(value) {
  let url;
  try {
    url = new URL(value.startsWith('//') ? `https:${value}` : value);
  } catch {
    return 'external URL does not parse';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `external URL must be http(s), not ${url.protocol}`;
  if (!url.hostname) return 'external URL has no hostname';
  return null;
}

/**
 * Check every page in distDir. Pure apart from reading files.
 * @param {string} distDir
 * @param {{ basePath?: string }} [options]
 * @returns {{ problems: Problem[], pages: number, urls: number, external: number }}
 */
export function checkLinks(distDir, options = {}) {
  const basePath = normaliseBase(options.basePath);
  const files = listHtmlFiles(distDir);
  /** @type {Problem[]} */
  const problems = [];
  let urls = 0;
  let external = 0;

  /** Parsed pages by absolute file path (each page is parsed once). */
  const parsed = new Map(files.map((f) => [f, scanHtml(readFileSync(f, 'utf8'))]));
  /** Fragment targets by absolute file path, filled lazily (SVGs included). */
  const targetsCache = new Map();
  const targetsOf = (/** @type {string} */ file) => {
    if (!targetsCache.has(file)) {
      const elements = parsed.get(file) ?? scanHtml(readFileSync(file, 'utf8'));
      targetsCache.set(file, fragmentTargets(elements));
    }
    return targetsCache.get(file);
  };
  const checkedCss = new Set();
  const isFile = (/** @type {string} */ p) => existsSync(p) && statSync(p).isFile();
  const isDir = (/** @type {string} */ p) => existsSync(p) && statSync(p).isDirectory();

  /**
   * Resolve one internal URL to a dist file; returns an error message or null.
   * @param {URL} url  resolved against ORIGIN
   * @param {string} selfFile  the document the link is in (for same-page fragments)
   */
  const internalProblem = (url, selfFile) => {
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return 'path is not valid percent-encoding';
    }
    if (!pathname.startsWith(basePath)) return `escapes the base path ${basePath} (root-relative link without the base?)`;
    const rel = pathname.slice(basePath.length);
    const candidate = path.join(distDir, rel);
    if (candidate !== distDir && !candidate.startsWith(distDir + path.sep)) return 'points outside dist';
    /** @type {string | null} */
    let target = null;
    if (rel === '' || rel.endsWith('/')) {
      target = path.join(candidate, 'index.html');
      if (!isFile(target)) return `no such page in dist (${path.relative(distDir, target)} missing)`;
    } else if (isFile(candidate)) {
      target = candidate;
    } else if (isDir(candidate)) {
      return "folder URL without its trailing slash (the site uses trailingSlash: 'always')";
    } else if (isFile(`${candidate}.html`)) {
      target = `${candidate}.html`;
    } else {
      return `no such file in dist (${rel || '/'})`;
    }
    const fragment = url.hash.slice(1);
    // `#` and `#top` scroll to the top of any page (HTML spec); other
    // fragments must name an element. Only HTML and SVG have checkable ids.
    if (fragment && fragment.toLowerCase() !== 'top' && /\.(html|svg)$/.test(target)) {
      let id;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        return `fragment #${fragment} is not valid percent-encoding`;
      }
      if (!targetsOf(target).has(id)) {
        const where = target === selfFile ? 'this page' : path.relative(distDir, target);
        return `no element with id="${id}" in ${where}`;
      }
    }
    return null;
  };

  /**
   * Classify and check one URL as written in a document at docUrl.
   * @returns {string | null} error message
   */
  const urlProblem = (/** @type {string} */ raw, /** @type {string} */ docUrl, /** @type {string} */ selfFile, loads = false) => {
    // Browsers strip leading/trailing ASCII whitespace from URL attributes.
    const value = raw.trim();
    urls++;
    const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(value)?.[1]?.toLowerCase();
    if (value.startsWith('//') || scheme === 'http:' || scheme === 'https:') {
      external++;
      const formProblem = externalUrlProblem(value);
      if (formProblem || !loads) return formProblem;
      return `loads a resource from another host (${new URL(value, 'https://x').host}) when the page opens: the site must be self-contained`;
    }
    if (scheme === 'javascript:') return 'javascript: URL (blocked by the CSP; use a real link or button)';
    if (scheme) return IGNORED_SCHEMES.has(scheme) ? null : `unsupported URL scheme ${scheme}`;
    let url;
    try {
      url = new URL(value, docUrl);
    } catch {
      return 'URL does not parse';
    }
    return internalProblem(url, selfFile);
  };

  /**
   * Check a stylesheet's url() and import references, relative to the sheet's own URL.
   * `at` = position of an inline <style> tag, reported instead of the position in its text.
   */
  const checkCss = (
    /** @type {string} */ css,
    /** @type {string} */ cssUrl,
    /** @type {string} */ label,
    /** @type {string} */ selfFile,
    /** @type {{ line: number, col: number } | null} */ at,
  ) => {
    for (const { value, line, col } of cssUrls(css)) {
      const message = urlProblem(value, cssUrl, selfFile, true);
      if (message) problems.push({ file: label, ...(at ?? { line, col }), where: at ? '<style> url()' : 'css url()', url: value, message });
    }
  };

  for (const file of files) {
    const elements = parsed.get(file) ?? [];
    const rel = path.relative(distDir, file).split(path.sep).join('/');
    const pagePath = fileToPagePath(distDir, file);
    const pageUrl = `${ORIGIN}${basePath}${pagePath.slice(1)}`;
    // <base href> (if any) changes how every other URL in the page resolves.
    const baseEl = elements.find((el) => el.name === 'base' && el.attribs.href !== undefined);
    const docUrl = baseEl ? new URL(baseEl.attribs.href ?? '', pageUrl).href : pageUrl;

    for (const el of elements) {
      for (const { attr, value } of elementUrls(el)) {
        const message = urlProblem(value, docUrl, file, loadsOnOpen(el, attr));
        if (message) problems.push({ file: rel, line: el.line, col: el.col, where: `<${el.name} ${attr}>`, url: value, message });
      }
      if (el.name === 'link' && /(^|\s)canonical(\s|$)/i.test(el.attribs.rel ?? '')) {
        const href = el.attribs.href ?? '';
        let message = canonicalProblem(href);
        if (!message) {
          const canonical = new URL(new URL(href.trim()).pathname, ORIGIN);
          message = internalProblem(canonical, file);
          // Astro names a file-format page (404.html) by its folder form (/404/): accept either.
          const asFile = new URL(`${canonical.pathname.replace(/\/$/, '')}.html`, ORIGIN);
          if (message && canonical.pathname.endsWith('/') && !internalProblem(asFile, file)) message = null;
        }
        if (message) problems.push({ file: rel, line: el.line, col: el.col, where: '<link rel=canonical>', url: el.attribs.href ?? '', message });
      }
      if (el.name === 'style') checkCss(el.text, docUrl, rel, file, el);
      // Stylesheets the page loads: check the url()s inside them too (fonts, images).
      if (el.name === 'link' && /(^|\s)stylesheet(\s|$)/i.test(el.attribs.rel ?? '') && el.attribs.href) {
        let cssUrl;
        try {
          cssUrl = new URL(el.attribs.href.trim(), docUrl);
        } catch {
          continue; // already reported as a broken href above
        }
        if (cssUrl.origin !== ORIGIN || checkedCss.has(cssUrl.pathname)) continue;
        checkedCss.add(cssUrl.pathname);
        let cssPath;
        try {
          cssPath = decodeURIComponent(cssUrl.pathname);
        } catch {
          continue; // already reported as a broken href above
        }
        const cssFile = path.join(distDir, cssPath.slice(basePath.length));
        if (cssPath.startsWith(basePath) && isFile(cssFile)) {
          checkCss(readFileSync(cssFile, 'utf8'), cssUrl.href, path.relative(distDir, cssFile), cssFile, null);
        }
      }
    }
  }
  return { problems, pages: files.length, urls, external };
}

/**
 * rel=canonical must be an absolute http(s) URL; returns a form problem or
 * null. Its path is then checked like an internal link (it must exist in
 * dist, under the base): an embed may name its full page, but a sub-path
 * build whose canonical drops the base fails.
 */
export function canonicalProblem(/** @type {string} */ href) {
  const value = href.trim();
  if (value.startsWith('//')) return 'canonical must be an absolute http(s) URL, not protocol-relative';
  const formProblem = externalUrlProblem(value);
  return formProblem ? `canonical must be an absolute http(s) URL (${formProblem})` : null;
}

/** One line per problem: `file:line:col  <tag attr> "url"  message`. */
export function formatProblem(/** @type {Problem} */ p) {
  return `${p.file}:${p.line}:${p.col}  ${p.where} "${p.url}"  ${p.message}`;
}

// CLI: node scripts/check-links.mjs
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const distDir = resolveDistDir();
  const basePath = normaliseBase(process.env.BASE_PATH);
  const t0 = performance.now();
  try {
    const { problems, pages, urls, external } = checkLinks(distDir, { basePath });
    const ms = Math.round(performance.now() - t0);
    for (const p of problems) console.error(formatProblem(p));
    const summary = `${pages} pages, ${urls} URLs (${external} external: checked for form, never fetched), base ${basePath}, ${ms} ms`;
    if (problems.length) {
      console.error(`\ncheck-links: ${problems.length} broken link(s) in ${distDir} (${summary})`);
      process.exitCode = 1;
    } else {
      console.log(`check-links: OK, no broken links or anchors in ${distDir} (${summary})`);
    }
  } catch (err) {
    console.error(`check-links: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 2;
  }
}
