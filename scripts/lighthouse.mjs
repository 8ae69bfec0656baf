#!/usr/bin/env node
/**
 * Lighthouse scores of built pages, for the benchmark only (never a test:
 * scores depend on the machine's load).
 *
 *   import { lighthouseScores } from './lighthouse.mjs';
 *   const rows = await lighthouseScores('http://127.0.0.1:4540/', ['/', '/timeline/']);
 *
 *   node scripts/lighthouse.mjs     # serves DIST_DIR / OUT_DIR / ./dist (BASE_PATH) and prints a table
 *
 * Runs the `lighthouse` package programmatically in the system Chromium
 * (CHROMIUM_PATH, else /usr/bin/chromium), launched by chrome-launcher with
 * no background networking. Mobile form factor by default (Lighthouse's
 * default config: a Moto G Power-sized 412 px screen, slow 4G and a 4× CPU
 * slowdown, as most readers are on phones); `formFactor: 'desktop'` (or
 * LIGHTHOUSE_FORM_FACTOR=desktop) uses lighthouse's desktop-config instead.
 * throttlingMethod 'simulate': Lantern computes the performance metrics from
 * the recorded trace under a fixed simulated network/CPU, so the numbers
 * barely move with this shared 2-core machine's load ('provided' measures
 * wall-clock and drifts with whatever else runs).
 *
 * Each page's result also lists the audits that cost points (score < 1 in a
 * scored category), so the table says what to fix, not only how much.
 *
 * Env for the standalone run: LIGHTHOUSE_PORT (default 4540; the port after
 * it is also used by serve.mjs's second origin), LIGHTHOUSE_RUNS (default 1),
 * LIGHTHOUSE_FORM_FACTOR (mobile | desktop, default mobile), LIGHTHOUSE_PAGES
 * (`bench`, the default: BENCH_PAGES; `all`: BENCH_PAGES plus every event page
 * and every embed found in the build; or a comma-separated list of paths).
 * The pages are served gzipped, as every static host in the README's Deploy
 * section serves them, so Lighthouse's simulated slow 4G downloads the bytes a
 * reader downloads; LIGHTHOUSE_GZIP=0 serves them uncompressed instead (every
 * raw byte of HTML on the simulated network: a stricter, unrealistic figure).
 * Each row also prints the median first and largest contentful paint, so a
 * lost point can be read off the table.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { REPO_ROOT, normaliseBase, pagePathToFile, resolveDistDir } from './lib/html.mjs';

/** The four category ids, in report order. */
export const CATEGORIES = /** @type {const} */ (['performance', 'accessibility', 'best-practices', 'seo']);

/** Chromium flags: headless, and nothing that phones home (the network is closed). */
function chromeFlags() {
  return [
    '--headless=new',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), // the sandbox cannot start as root
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

/** The system Chromium: CHROMIUM_PATH, else /usr/bin/chromium; throws if absent. */
export function chromiumPath(env = process.env) {
  const p = env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(p)) throw new Error(`Chromium not found at ${p} (set CHROMIUM_PATH)`);
  return p;
}

/** Middle value (lower middle for even counts): robust against one odd run. */
const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;

/**
 * @typedef {{ performance: number, accessibility: number, 'best-practices': number, seo: number }} Scores
 * @typedef {{ fcp: number, lcp: number }} Paints  median first / largest contentful paint, ms
 * @typedef {{ path: string, url: string, scores: Scores | null, paints?: Paints, failing?: string[], error?: string }} PageScores
 */

/**
 * Lighthouse category scores (0–100) of pages served on this machine.
 * @param {string} baseUrl    site root including any base path, e.g. `http://127.0.0.1:4540/` (loopback only)
 * @param {string[]} pagePaths base-free page paths, e.g. `['/', '/timeline/']`
 * @param {{ runs?: number, chromePath?: string, throttlingMethod?: 'simulate' | 'provided', formFactor?: 'mobile' | 'desktop' }} [options]
 *   runs: median of N runs per page (default 1); throttlingMethod: default 'simulate' (see above);
 *   formFactor: default 'mobile' (Lighthouse's default config), 'desktop' for its desktop preset
 * @returns {Promise<PageScores[]>}  one entry per page, in order; scores null + error when Lighthouse could not load it
 */
export async function lighthouseScores(baseUrl, pagePaths, options = {}) {
  const root = new URL(baseUrl);
  // Guard against ever auditing (and so contacting) anything off this machine.
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(root.hostname)) throw new Error(`lighthouseScores: ${baseUrl} is not a loopback URL`);
  const runs = Math.max(1, options.runs ?? 1);
  const config = (options.formFactor ?? 'mobile') === 'desktop' ? desktopConfig : undefined;
  const chrome = await chromeLauncher.launch({ chromePath: options.chromePath ?? chromiumPath(), chromeFlags: chromeFlags(), logLevel: 'silent' });
  try {
    /** @type {PageScores[]} */
    const out = [];
    for (const pagePath of pagePaths) {
      const url = new URL(pagePath.replace(/^\/+/, ''), root.href.endsWith('/') ? root.href : `${root.href}/`).href;
      /** @type {Record<string, number[]>} */
      const samples = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
      /** @type {{ fcp: number[], lcp: number[] }} */
      const paints = { fcp: [], lcp: [] };
      let error;
      /** Audit → its display value in each run that lost points. @type {Map<string, string[]>} */
      const failing = new Map();
      for (let i = 0; i < runs && !error; i++) {
        const result = await lighthouse(
          url,
          { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES], throttlingMethod: options.throttlingMethod ?? 'simulate' },
          config,
        );
        const lhr = result?.lhr;
        if (!lhr || lhr.runtimeError) {
          error = lhr?.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : 'no result';
          break;
        }
        for (const c of CATEGORIES) samples[c]?.push(Math.round((lhr.categories[c]?.score ?? NaN) * 100));
        paints.fcp.push(lhr.audits['first-contentful-paint']?.numericValue ?? NaN);
        paints.lcp.push(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN);
        for (const c of CATEGORIES) {
          for (const ref of lhr.categories[c]?.auditRefs ?? []) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
              const key = `${c}/${ref.id}`;
              failing.set(key, [...(failing.get(key) ?? []), audit.displayValue ?? '']);
            }
          }
        }
      }
      const scores = /** @type {Scores} */ (Object.fromEntries(CATEGORIES.map((c) => [c, median(samples[c] ?? [])])));
      out.push(error ? { path: pagePath, url, scores: null, error } : { path: pagePath, url, scores, paints: { fcp: median(paints.fcp), lcp: median(paints.lcp) }, failing: [...failing].map(([key, values]) => (values.some(Boolean) ? `${key} (${values.join(' / ')})` : key)) });
    }
    return out;
  } finally {
    chrome.kill();
  }
}

/** Start tests/e2e/support/serve.mjs on `port` (and port+1) and wait until it answers. */
async function serve(/** @type {string} */ distDir, /** @type {string} */ basePath, /** @type {number} */ port) {
  const child = spawn(process.execPath, ['tests/e2e/support/serve.mjs'], {
    cwd: REPO_ROOT,
    env: { ...process.env, SERVE_GZIP: process.env.LIGHTHOUSE_GZIP === '0' ? '0' : '1', DIST_DIR: distDir, BASE_PATH: basePath, E2E_SITE_PORT: String(port), E2E_HOST_PORT: String(port + 1) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve.mjs exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/__e2e/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('serve.mjs did not come up within 10 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Pages the standalone run reports (representative of each kind of page). */
export const BENCH_PAGES = ['/', '/timeline/', '/campaigns/', '/tracker/', '/events/anthropic-letter-to-senate-banking/', '/embed/timeline/'];

/**
 * The pages of a LIGHTHOUSE_PAGES value: `bench` → BENCH_PAGES; `all` → BENCH_PAGES, then every
 * event page and every embed in the build (sorted); otherwise a comma-separated list of paths.
 * @param {string} distDir
 * @param {string | undefined} which
 * @returns {string[]}
 */
export function pagesToAudit(distDir, which = 'bench') {
  if (which === 'bench' || which === '') return BENCH_PAGES;
  if (which !== 'all') return which.split(',').map((p) => p.trim()).filter(Boolean);
  /** Every folder under `dir` of the build that holds an index.html, as a page path. */
  const pagesUnder = (/** @type {string} */ dir) =>
    existsSync(path.join(distDir, dir))
      ? readdirSync(path.join(distDir, dir), { withFileTypes: true })
          .filter((e) => e.isDirectory() && existsSync(path.join(distDir, dir, e.name, 'index.html')))
          .map((e) => `/${dir}/${e.name}/`)
          .sort()
      : [];
  return [...new Set([...BENCH_PAGES, ...pagesUnder('events'), ...pagesUnder('embed')])];
}

// CLI: node scripts/lighthouse.mjs
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const distDir = resolveDistDir();
  const basePath = normaliseBase(process.env.BASE_PATH);
  const port = Number(process.env.LIGHTHOUSE_PORT || 4540);
  const pages = pagesToAudit(distDir, process.env.LIGHTHOUSE_PAGES);
  const built = pages.filter((p) => existsSync(pagePathToFile(distDir, p)));
  const server = await serve(distDir, basePath, port);
  try {
    const t0 = performance.now();
    const formFactor = process.env.LIGHTHOUSE_FORM_FACTOR === 'desktop' ? 'desktop' : 'mobile';
    const rows = await lighthouseScores(`http://127.0.0.1:${port}${basePath}`, built, { runs: Number(process.env.LIGHTHOUSE_RUNS || 1), formFactor });
    const byPath = new Map(rows.map((r) => [r.path, r]));
    console.log(`lighthouse (${formFactor}, simulated throttling${process.env.LIGHTHOUSE_GZIP === '0' ? ', uncompressed' : ', gzip'}) on ${distDir}, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    console.log('page'.padEnd(46) + CATEGORIES.map((c) => c.padStart(15)).join('') + 'FCP s'.padStart(8) + 'LCP s'.padStart(8));
    const secs = (/** @type {number | undefined} */ ms) => (ms === undefined ? '' : (ms / 1000).toFixed(2)).padStart(8);
    for (const p of pages) {
      const r = byPath.get(p);
      const cells = !r
        ? 'not built yet'
        : r.scores
          ? CATEGORIES.map((c) => String(r.scores?.[c]).padStart(15)).join('') + secs(r.paints?.fcp) + secs(r.paints?.lcp)
          : `error: ${r.error}`;
      console.log(p.padEnd(46) + cells);
    }
    const failures = rows.filter((r) => r.failing?.length);
    if (failures.length) console.log('\naudits that cost points:');
    for (const r of failures) console.log(`  ${r.path}: ${r.failing?.join(', ')}`);
  } finally {
    server.kill();
  }
}
