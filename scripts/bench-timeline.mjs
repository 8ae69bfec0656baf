#!/usr/bin/env node
/**
 * Timeline scale benchmark. For 200, 2,000 and 10,000 synthetic events (plus
 * the real ones) it builds the site in a temporary folder and prints:
 * build seconds and ms per event; the timeline page's gzip bytes of HTML, JS
 * and CSS; in Chromium, navigation → interactive timeline, the longest main
 * thread task, and frame work while zooming (p50 and p95).
 * Figures only: nothing is asserted (this machine is noisy).
 *
 *   node scripts/bench-timeline.mjs [counts…]   e.g. node scripts/bench-timeline.mjs 200 2000
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { writeSyntheticContent } from './lib/synthetic.mjs';
import { serveDist } from './lib/serve.mjs';
import { chromiumLaunchOptions } from './lib/chromium.mjs';
import { pageWeight } from './lib/budgets.mjs';

const root = new URL('..', import.meta.url).pathname;
const counts = process.argv.slice(2).map(Number).filter(Boolean);
const COUNTS = counts.length ? counts : [200, 2000, 10000];

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** Loads /timeline/, waits for the island, then zooms with wheel events and times each frame's main-thread work. */
export async function measure(browser, origin) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${origin}/timeline/`, { waitUntil: 'load' });
  await page.waitForSelector('timeline-view[data-ready="true"]', { timeout: 60_000 });
  const interactive = await page.evaluate(() => performance.getEntriesByName('timeline-interactive')[0]?.startTime ?? NaN);
  const frames = await page.evaluate(async () => {
    const plot = document.querySelector('.tl-plot-h');
    const box = plot.getBoundingClientRect();
    const out = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      plot.dispatchEvent(new WheelEvent('wheel', { deltaY: i < 30 ? -40 : 40, clientX: box.left + box.width * 0.8, clientY: box.top + 50, bubbles: true, cancelable: true }));
      const handler = performance.now() - t0;
      // The island's frame callback was queued before ours, so by now it has run; force style and layout to include them.
      const work = await new Promise((resolve) =>
        requestAnimationFrame((frameStart) => {
          document.body.getBoundingClientRect();
          resolve(performance.now() - frameStart);
        }),
      );
      out.push(handler + work);
    }
    return out;
  });
  // Let the post-gesture re-render run and be counted among long tasks.
  await page.waitForTimeout(500);
  const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
  const settle = await page.evaluate(() => {
    const t0 = performance.now();
    // A full render with the same function the island uses on a state change.
    document.querySelector('input[name=kind]').click();
    return performance.now() - t0;
  });
  await page.close();
  return { interactive, longest, p50: pct(frames, 50), p95: pct(frames, 95), settle };
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

async function main() {
const browser = await chromium.launch(chromiumLaunchOptions());
console.log('timeline scale (synthetic events + the real ones; one build each)');
console.log(['events', 'build s', 'ms/event', 'html gz', 'js gz', 'css gz', 'interactive ms', 'longest task ms', 'zoom p50 ms', 'zoom p95 ms', 'filter render ms'].join('\t'));
let port = 4800;
for (const n of COUNTS) {
  const tmp = mkdtempSync(join(tmpdir(), `bench-${n}-`));
  try {
    writeSyntheticContent(root, join(tmp, 'content'), n);
    const t0 = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: { ...process.env, CONTENT_DIR: join(tmp, 'content'), OUT_DIR: join(tmp, 'dist'), ASTRO_CACHE_DIR: join(tmp, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', OG_CARDS: 'off' },
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (run.status !== 0) {
      console.error(run.stdout.slice(-4000), run.stderr.slice(-4000));
      throw new Error(`build of ${n} events failed`);
    }
    const w = pageWeight(join(tmp, 'dist'), '/timeline/');
    const server = await serveDist(root, join(tmp, 'dist'), port);
    port += 2;
    try {
      const m = await measure(browser, server.origin);
      const total = n + 15;
      console.log([total, seconds.toFixed(1), ((seconds * 1000) / total).toFixed(2), w.html, w.js + w.inlineJs, w.css, m.interactive.toFixed(0), m.longest.toFixed(0), m.p50.toFixed(1), m.p95.toFixed(1), m.settle.toFixed(0)].join('\t'));
    } finally {
      server.stop();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
await browser.close();
}
