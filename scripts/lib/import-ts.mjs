/**
 * Imports a TypeScript module of src/ from plain Node: esbuild (which Astro
 * already installs) bundles it with its relative imports, in a fraction of a
 * second, into node_modules/.cache/import-ts/, leaving packages (zod, yaml,
 * js-yaml) to Node's own resolution. No TypeScript loader needed.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** `await importTs('src/lib/story/validate.ts')` → the module's exports. */
export async function importTs(path) {
  const bundle = await build({
    entryPoints: [`${root}${path}`],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'error',
  });
  const code = bundle.outputFiles[0].text;
  const dir = `${root}node_modules/.cache/import-ts`;
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/${path.replace(/\W+/g, '-')}-${createHash('sha256').update(code).digest('hex').slice(0, 12)}.mjs`;
  writeFileSync(file, code);
  return import(pathToFileURL(file).href);
}
