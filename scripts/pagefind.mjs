#!/usr/bin/env node
/**
 * Builds the search index after `astro build` (npm run build): Pagefind over
 * the pages of events, instruments (tracker), actors and sources in OUT_DIR
 * (default ./dist), written to <OUT_DIR>/pagefind/. Site chrome (header,
 * footer, "as of" line, page history, pagers) is left out of the index so
 * every page does not match the navigation's words.
 *
 *   node scripts/pagefind.mjs            # after astro build
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const dist = path.resolve(root, process.env.OUT_DIR ?? 'dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`[pagefind] no built site at ${dist}: run astro build first`);
  process.exit(1);
}

const t0 = performance.now();
const { index, errors } = await pagefind.createIndex({
  forceLanguage: 'en',
  excludeSelectors: ['.site-header', '.site-footer', '.skip-link', '.asof-banner', '.page-history', '.pager', 'script', 'noscript'],
});
if (!index) throw new Error(`[pagefind] could not create the index: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: dist, glob: '{events,tracker,actors,sources}/**/*.html' });
if (added.errors.length) throw new Error(`[pagefind] ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: path.join(dist, 'pagefind') });
if (written.errors.length) throw new Error(`[pagefind] ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`[pagefind] indexed ${added.page_count} pages in ${((performance.now() - t0) / 1000).toFixed(2)} s → ${path.relative(root, written.outputPath) || written.outputPath}`);
