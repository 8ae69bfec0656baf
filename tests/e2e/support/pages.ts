/**
 * Enumerate the HTML pages of the built site (dist/), so specs can iterate
 * over every page without a hand-maintained list.
 *
 * Paths are site-relative and base-path-free: `/`, `/timeline/`, `/404.html`.
 * Turn them into URLs with `siteUrl()` from ./env.ts (which adds BASE_PATH).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DIST_DIR } from './env.ts';

export interface BuiltPage {
  /** Site-relative URL path, e.g. `/` or `/events/foo/` or `/404.html`. */
  path: string;
  /** Absolute path of the HTML file on disk. */
  file: string;
  /**
   * True for Astro `redirects` stubs (`<meta http-equiv="refresh">` pages);
   * they have no real content (no <h1>) and immediately navigate away.
   */
  isRedirect: boolean;
}

/** Directories inside dist/ that never contain pages. */
const SKIP_DIRS = new Set(['_astro', '.vite']);

/** Thrown when dist/ is missing or has no HTML pages. */
export class NoBuiltPagesError extends Error {
  override name = 'NoBuiltPagesError';
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(full, out);
    } else if (entry.isFile() && entry.name.endsWith('.html')) {
      out.push(full);
    }
  }
}

/** `index.html` -> `/`, `a/b/index.html` -> `/a/b/`, `a/x.html` -> `/a/x.html`. */
export function fileToPagePath(distDir: string, file: string): string {
  const rel = path.relative(distDir, file).split(path.sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

const REDIRECT_RE = /<meta\s[^>]*http-equiv=["']?refresh["']?/i;

/**
 * Every built HTML page in `distDir` (default DIST_DIR), sorted by path.
 * Throws NoBuiltPagesError with an actionable message if dist/ is missing or
 * contains no HTML, so a missing build can never pass silently.
 */
export function listBuiltPageFiles(distDir: string = DIST_DIR): BuiltPage[] {
  if (!existsSync(distDir) || !statSync(distDir).isDirectory()) {
    throw new NoBuiltPagesError(
      `Built site not found: ${distDir} does not exist. Run \`npm run build\` before the e2e tests ` +
        '(`npm test` does this), or point DIST_DIR at the build output.',
    );
  }
  const files: string[] = [];
  walk(distDir, files);
  if (files.length === 0) {
    throw new NoBuiltPagesError(
      `Built site is empty: no *.html files under ${distDir}. Did \`astro build\` fail or output elsewhere?`,
    );
  }
  return files
    .map((file) => ({
      path: fileToPagePath(distDir, file),
      file,
      // Redirect stubs are tiny; only sniff the head of the file.
      isRedirect: REDIRECT_RE.test(readFileSync(file, 'utf8').slice(0, 2048)),
    }))
    // /admin/ is the editors' CMS, not a page of the site: tests/e2e/admin.spec.ts tests it.
    .filter((p) => p.path !== '/admin/')
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Site-relative paths of every built HTML page (see listBuiltPageFiles). */
export function listBuiltPages(distDir: string = DIST_DIR): string[] {
  return listBuiltPageFiles(distDir).map((p) => p.path);
}
