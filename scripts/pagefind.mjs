#!/usr/bin/env node
/**
 * Builds the search index after `astro build` (npm run build): Pagefind over
 * the pages of events, instruments (tracker), actors and sources in OUT_DIR
 * (default ./dist), written to <OUT_DIR>/pagefind/. Site chrome (header,
 * footer, "as of" line, page history, pagers) and the charts' embed panels
 * are left out of the index (EXCLUDE_SELECTORS) so every page does not match
 * the navigation's words. Pagefind reads each page through
 * separateElements() (scripts/lib/pagefind-text.mjs), so the words of two
 * elements that touch in the markup (a <dt> and its <dd>, table cells) stay
 * apart in the index and its excerpts.
 *
 *   node scripts/pagefind.mjs            # after astro build
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { fileToPagePath, listHtmlFiles } from './lib/html.mjs';
import { EXCLUDE_SELECTORS, separateElements } from './lib/pagefind-text.mjs';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const dist = path.resolve(root, process.env.OUT_DIR ?? 'dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`[pagefind] no built site at ${dist}: run astro build first`);
  process.exit(1);
}

const t0 = performance.now();
const { index, errors } = await pagefind.createIndex({
  forceLanguage: 'en',
  excludeSelectors: EXCLUDE_SELECTORS,
});
if (!index) throw new Error(`[pagefind] could not create the index: ${errors.join('; ')}`);
/** The pages searched: events, instruments (tracker), actors and sources, with their index pages. */
const INDEXED = /^\/(events|tracker|actors|sources)\//;
let pageCount = 0;
for (const file of listHtmlFiles(dist)) {
  const url = fileToPagePath(dist, file);
  if (!INDEXED.test(url)) continue;
  const added = await index.addHTMLFile({ url, content: separateElements(readFileSync(file, 'utf8')) });
  if (added.errors.length) throw new Error(`[pagefind] ${url}: ${added.errors.join('; ')}`);
  pageCount += 1;
}
const written = await index.writeFiles({ outputPath: path.join(dist, 'pagefind') });
if (written.errors.length) throw new Error(`[pagefind] ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`[pagefind] indexed ${pageCount} pages in ${((performance.now() - t0) / 1000).toFixed(2)} s → ${path.relative(root, written.outputPath) || written.outputPath}`);
