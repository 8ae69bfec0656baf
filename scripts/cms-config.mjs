#!/usr/bin/env node
/**
 * npm run cms:config [-- --check]
 *
 * Writes the CMS configuration generated from the zod schemas and
 * src/cms/hints.ts (src/cms/config.ts) to src/admin/config.yml, and the
 * formatter's save rules to src/admin/save-rules.json. With --check it
 * writes nothing and exits 1 when either committed file is out of date.
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { importTs, root } from './lib/import-ts.mjs';

const { renderCmsFiles } = await importTs('src/cms/render.ts');
const files = renderCmsFiles();
const check = process.argv.includes('--check');
let stale = 0;
for (const [path, text] of Object.entries(files)) {
  const abs = join(root, path);
  const current = existsSync(abs) ? readFileSync(abs, 'utf8') : null;
  if (current === text) continue;
  if (check) {
    console.error(`${path} is out of date: run npm run cms:config and commit it`);
    stale++;
  } else {
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, text);
    console.log(`wrote ${path}`);
  }
}
if (stale) process.exit(1);
if (check) console.log('cms:config: src/admin/config.yml and save-rules.json are up to date');
