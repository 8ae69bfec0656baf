/**
 * Shared paths for the quality tests: the built site under test and the
 * fixture "sites" in tests/quality/fixtures/.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseBase, resolveDistDir } from '../../scripts/lib/html.mjs';

/** The built site: DIST_DIR, else OUT_DIR, else ./dist (same rule as the e2e tests). */
export const DIST_DIR = resolveDistDir();
/** Base path the site was built with (BASE_PATH, default `/`). */
export const BASE_PATH = normaliseBase(process.env.BASE_PATH);

/** Absolute path of a fixture site, e.g. fixture('good'). */
export function fixture(name: 'good' | 'broken' | 'subpath'): string {
  return fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url)).replace(/\/$/, '');
}

/** A throw-away copy of a fixture site, for tests that break it further. */
export function fixtureCopy(name: 'good' | 'broken' | 'subpath'): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), `quality-${name}-`)), 'dist');
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}
