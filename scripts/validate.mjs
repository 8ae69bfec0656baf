#!/usr/bin/env node
/**
 * npm run validate [-- <content folder>]
 *
 * Checks the content (content/, or CONTENT_DIR, or the folder given) against
 * the zod schemas and the cross-entry integrity checks, without building the
 * site. Prints one line per problem, "file: field: message", and exits 1; or
 * prints a one-line summary and exits 0.
 *
 * The checks are the TypeScript the build runs (src/lib/story/validate.ts, which
 * uses src/schemas and src/lib/story/integrity.ts), imported with
 * scripts/lib/import-ts.mjs, so this runs on plain Node without a TypeScript loader.
 */
import { importTs } from './lib/import-ts.mjs';

const started = performance.now();
const dir = process.argv[2] ?? process.env.CONTENT_DIR ?? 'content';
const { validateContent } = await importTs('src/lib/story/validate.ts');

const { problems, counts } = validateContent(dir);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (problems.length) {
  for (const p of problems) console.error(p);
  console.error(`validate: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}/ (${seconds} s)`);
  process.exit(1);
}
const total = Object.values(counts).reduce((a, b) => a + b, 0);
const parts = Object.entries(counts).map(([name, n]) => `${n} ${name}`).join(', ');
console.log(`validate: ${dir}/ is valid: ${total} files (${parts}) in ${seconds} s`);
