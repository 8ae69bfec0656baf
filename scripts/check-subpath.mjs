#!/usr/bin/env node
/**
 * npm run test:subpath: the site still works when deployed under a sub-path.
 *
 * Builds with BASE_PATH=/ai-distillation/ into a temporary OUT_DIR (own
 * ASTRO_CACHE_DIR, so the real dist/ and cache are never touched), then runs
 * the link/asset checker (scripts/check-links.mjs) on it with that base:
 * zero broken links, assets or anchors, and no URL that escapes the base
 * (a root-relative `href="/events/"` without the prefix fails).
 *
 *   node scripts/check-subpath.mjs
 *   SUBPATH_DIST=/some/built/dir node scripts/check-subpath.mjs   # check an existing sub-path build, no build
 *   KEEP_SUBPATH_BUILD=1 ...                                        # keep the temp build for inspection
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkLinks, formatProblem } from './check-links.mjs';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, normaliseBase } from './lib/html.mjs';

/** The sub-path the README documents for sub-path hosting. */
export const SUBPATH_BASE = '/ai-distillation/';

/** Build the site under `base` into outDir; throws with the build log on failure. */
export function buildWithBase(/** @type {string} */ base, /** @type {string} */ outDir, /** @type {string} */ cacheDir) {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, BASE_PATH: base, OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  if (run.status !== 0) throw new Error(`sub-path build failed (exit ${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
}

// CLI: node scripts/check-subpath.mjs
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const base = normaliseBase(SUBPATH_BASE);
  const t0 = performance.now();
  const tmp = process.env.SUBPATH_DIST ? null : mkdtempSync(path.join(tmpdir(), 'subpath-'));
  const distDir = process.env.SUBPATH_DIST ? path.resolve(process.env.SUBPATH_DIST) : path.join(/** @type {string} */ (tmp), 'dist');
  try {
    if (tmp) buildWithBase(base, distDir, path.join(tmp, 'cache'));
    const built = performance.now();
    const { problems, pages, urls } = checkLinks(distDir, { basePath: base });
    const escapes = problems.filter((p) => p.message.startsWith('escapes the base path'));
    for (const p of problems) console.error(formatProblem(p));
    const timing = `${tmp ? `build ${((built - t0) / 1000).toFixed(1)} s` : 'no build (SUBPATH_DIST)'}, check ${Math.round(performance.now() - built)} ms`;
    if (problems.length) {
      console.error(`\ncheck-subpath: ${problems.length} problem(s) (${escapes.length} escaping ${base}) in the BASE_PATH=${base} build (${pages} pages, ${urls} URLs; ${timing})`);
      process.exitCode = 1;
    } else {
      console.log(`check-subpath: OK, BASE_PATH=${base} build has no broken links/assets/anchors and nothing escapes the base (${pages} pages, ${urls} URLs; ${timing})`);
    }
  } catch (err) {
    console.error(`check-subpath: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 2;
  } finally {
    if (tmp && !process.env.KEEP_SUBPATH_BUILD) rmSync(tmp, { recursive: true, force: true });
    else if (tmp) console.log(`check-subpath: kept ${tmp}`);
  }
}
