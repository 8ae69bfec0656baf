/**
 * Shared helpers for the quality gates (check-links, budgets, CSP): where the
 * built site is, which pages it has, and a flat, parsed view of one page.
 *
 * Pure Node + htmlparser2 (a real HTML tokenizer, so attribute quoting,
 * entities and `<script>` contents are handled as a browser would).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'htmlparser2';

/** Absolute path of the repository root (this file is scripts/lib/html.mjs). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The built site: $DIST_DIR, else $OUT_DIR (what astro.config.mjs builds into), else ./dist. */
export function resolveDistDir(env = process.env) {
  return path.resolve(REPO_ROOT, env.DIST_DIR || env.OUT_DIR || 'dist');
}

/** `/` or `/a/b/` (leading + trailing slash); same rule as tests/e2e/support/env.ts. */
export function normaliseBase(/** @type {string | undefined} */ raw) {
  const trimmed = (raw ?? '').trim();
  if (trimmed === '' || trimmed === '/') return '/';
  return `/${trimmed.split('/').filter(Boolean).join('/')}/`;
}

/** Folders of dist/ that hold assets, never pages. */
const SKIP_DIRS = new Set(['_astro', '.vite']);

/**
 * Every *.html file under distDir, sorted. Throws if there is no build, so a
 * gate can never pass vacuously on a missing or empty dist/.
 * @param {string} distDir
 * @returns {string[]}
 */
export function listHtmlFiles(distDir) {
  if (!existsSync(distDir) || !statSync(distDir).isDirectory()) {
    throw new Error(`Built site not found: ${distDir} does not exist. Run the build first (or set DIST_DIR).`);
  }
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.html')) out.push(full);
    }
  };
  walk(distDir);
  if (out.length === 0) throw new Error(`Built site is empty: no *.html under ${distDir}.`);
  return out.sort();
}

/** `index.html` -> `/`, `a/b/index.html` -> `/a/b/`, `a/x.html` -> `/a/x.html` (base-free). */
export function fileToPagePath(/** @type {string} */ distDir, /** @type {string} */ file) {
  const rel = path.relative(distDir, file).split(path.sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

/** `/a/` -> dist/a/index.html, `/x.html` -> dist/x.html (inverse of fileToPagePath). */
export function pagePathToFile(/** @type {string} */ distDir, /** @type {string} */ pagePath) {
  const rel = pagePath.replace(/^\/+/, '');
  return path.join(distDir, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
}

/**
 * @typedef {object} HtmlElement
 * @property {string} name        lower-cased tag name
 * @property {Record<string, string>} attribs  lower-cased names, entity-decoded values
 * @property {number} line        1-based line of the start tag
 * @property {number} col         1-based column of the start tag (built pages are minified onto few lines)
 * @property {string} text        text content, collected for <script> and <style> only
 */

/** Elements whose raw text content the gates need (JS/CSS bytes, CSP). */
const TEXT_ELEMENTS = new Set(['script', 'style']);

/**
 * Tokenise a page into a flat, document-ordered list of start tags.
 * @param {string} html
 * @returns {HtmlElement[]}
 */
export function scanHtml(html) {
  // Offsets of line starts, for turning a tag's index into a line number.
  const lineStarts = [0];
  for (let i = html.indexOf('\n'); i !== -1; i = html.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  /** 0-based index of the line holding `index`. */
  const lineAt = (/** @type {number} */ index) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  /** @type {HtmlElement[]} */
  const elements = [];
  /** @type {HtmlElement | null} */
  let textTarget = null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const line = lineAt(parser.startIndex);
        const el = { name, attribs, line: line + 1, col: parser.startIndex - (lineStarts[line] ?? 0) + 1, text: '' };
        elements.push(el);
        if (TEXT_ELEMENTS.has(name)) textTarget = el;
      },
      ontext(data) {
        if (textTarget) textTarget.text += data;
      },
      onclosetag(name) {
        if (TEXT_ELEMENTS.has(name)) textTarget = null;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return elements;
}

/** Fragment targets of a page: every `id`, plus `name` on <a> (HTML's legacy anchors). */
export function fragmentTargets(/** @type {HtmlElement[]} */ elements) {
  const ids = new Set();
  for (const el of elements) {
    if (el.attribs.id) ids.add(el.attribs.id);
    if (el.name === 'a' && el.attribs.name) ids.add(el.attribs.name);
  }
  return ids;
}

/** `url(...)` and CSS import references in a stylesheet, with their 1-based line and column. */
export function cssUrls(/** @type {string} */ css) {
  // Blank out comments but keep their newlines so line numbers stay right.
  const src = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const out = [];
  const re = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;
  for (const m of src.matchAll(re)) {
    const value = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    // url(#id) points into the SVG/HTML document that uses it, not at a file.
    if (value && !value.startsWith('#')) {
      const before = src.slice(0, m.index);
      out.push({ value, line: before.split('\n').length, col: m.index - before.lastIndexOf('\n') });
    }
  }
  return out;
}

/**
 * True for <script> elements a browser executes as JavaScript (classic or
 * module), false for data blocks such as application/ld+json or importmap.
 */
export function isJsScript(/** @type {HtmlElement} */ el) {
  if (el.name !== 'script') return false;
  const type = (el.attribs.type ?? '').trim().toLowerCase();
  return type === '' || type === 'module' || /^(text|application)\/(x-)?(java|ecma)script$/.test(type);
}
