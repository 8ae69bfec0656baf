#!/usr/bin/env node
/**
 * npm run bench: prints performance figures. Nothing here is asserted (this
 * machine is noisy); the deterministic byte budgets are asserted by tests.
 *
 *   1. Build the real site; report build seconds and page weights (gzip).
 *   2. Timeline scale: synthetic sites of 200, 2,000 and 10,000 events
 *      (scripts/bench-timeline.mjs; BENCH_COUNTS="200 2000" to choose).
 *   3. Lighthouse scores for home, timeline, campaigns, tracker, an event and
 *      an embed, with the system Chromium (scripts/lighthouse.mjs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pageWeight } from './lib/budgets.mjs';
import { listHtmlFiles } from './lib/html.mjs';
import { serveDist } from './lib/serve.mjs';
import { lighthouseScores, BENCH_PAGES, CATEGORIES } from './lighthouse.mjs';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');

function build() {
  const t0 = process.hrtime.bigint();
  const run = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error('build failed');
  }
  return seconds;
}

const seconds = build();
const pages = listHtmlFiles(dist).length;
console.log(`build (npm run build, with search index and social cards): ${seconds.toFixed(1)} s for ${pages} pages`);
console.log('\npage weights (gzip bytes; JS includes imported chunks and inline scripts)');
console.log('page'.padEnd(46), 'html'.padStart(7), 'js'.padStart(7), 'css'.padStart(7), 'fonts'.padStart(7), 'total'.padStart(7));
for (const page of ['/', '/timeline/', '/tracker/', '/campaigns/', '/markets/', '/events/anthropic-letter-to-senate-banking/', '/disputes/', '/embed/timeline/']) {
  if (!existsSync(join(dist, page, 'index.html'))) continue;
  const w = pageWeight(dist, page);
  const js = w.js + w.inlineJs;
  console.log(page.padEnd(46), ...[w.html, js, w.css, w.fonts, w.html + js + w.css + w.fonts].map((n) => String(n).padStart(7)));
}

// Readability floors (issue 13): smallest rendered text, overlaps, ellipses,
// sideways scrolling and embed heights over every chart page and embed, at
// 320, 390, 640 and 1280 px, light and dark, JavaScript on and off.
{
  const { createRequire } = await import('node:module');
  const { chromium } = createRequire(join(root, 'package.json'))('playwright-core');
  const { chromiumLaunchOptions } = await import('./lib/chromium.mjs');
  const { chartPages, sweep } = await import('./readability.mjs');
  const browser = await chromium.launch(chromiumLaunchOptions());
  const server = await serveDist(root, dist, 4570);
  try {
    const { rows, summary } = await sweep({ origin: server.origin, pages: chartPages(dist), browser });
    console.log('\nreadability (rendered px; floors: chart text 12, direct labels 13, titles 18; min over widths, themes and JS on/off)');
    console.log('page'.padEnd(46), 'text'.padStart(6), 'label'.padStart(6), 'title'.padStart(6), 'overlap'.padStart(8), 'ellipsis'.padStart(9), 'sideways'.padStart(9), 'h@390'.padStart(6), 'h@640'.padStart(6));
    const byPage = new Map();
    for (const r of rows) byPage.set(r.path, [...(byPage.get(r.path) ?? []), r]);
    const fmin = (rs, k) => {
      const v = rs.map((r) => r.m[k]).filter((x) => x !== null);
      return v.length ? String(Math.min(...v)) : '–';
    };
    for (const [path, rs] of byPage) {
      const h = (w) => (path.startsWith('/embed/') ? String(Math.max(...rs.filter((r) => r.m.width === w).map((r) => r.m.height))) : '');
      console.log(
        path.padEnd(46),
        fmin(rs, 'minText').padStart(6),
        fmin(rs, 'minLabel').padStart(6),
        fmin(rs, 'minTitle').padStart(6),
        String(rs.reduce((n, r) => n + r.m.overlaps.length, 0)).padStart(8),
        String(rs.reduce((n, r) => n + r.m.ellipses.length, 0)).padStart(9),
        String(rs.filter((r) => r.m.scrollWidth > r.m.clientWidth + 1).length).padStart(9),
        h(390).padStart(6),
        h(640).padStart(6),
      );
    }
    console.log(`summary: ${summary.measured} measurements, ${summary.breaches} breaches; smallest text ${summary.minText} px, label ${summary.minLabel} px, title ${summary.minTitle} px`);
  } finally {
    server.stop();
    await browser.close();
  }
}

console.log('');
const counts = (process.env.BENCH_COUNTS ?? '200 2000 10000').split(/\s+/).filter(Boolean);
spawnSync(process.execPath, [join(root, 'scripts/bench-timeline.mjs'), ...counts], { cwd: root, stdio: 'inherit' });

console.log('\nLighthouse (mobile form factor, simulated throttling, system Chromium; served gzipped, as static hosts serve it)');
const server = await serveDist(root, dist, 4560, { gzip: true });
try {
  const results = await lighthouseScores(`${server.origin}/`, BENCH_PAGES);
  console.log('page'.padEnd(46), ...CATEGORIES.map((c) => c.padStart(15)));
  for (const r of results) {
    console.log(r.path.padEnd(46), ...CATEGORIES.map((c) => String(r.scores ? r.scores[c] : (r.error ?? 'n/a')).padStart(15)));
  }
} finally {
  server.stop();
}
