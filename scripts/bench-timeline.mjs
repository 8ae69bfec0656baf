#!/usr/bin/env node
/**
 * Timeline scale benchmark. For 200, 2,000 and 10,000 synthetic events (plus
 * the real ones) it builds the site in a temporary folder and prints:
 * build seconds and ms per event; the timeline page's gzip bytes of HTML, JS
 * and CSS; in Chromium, navigation → first contentful paint and → interactive
 * timeline (the island's performance mark), the longest main-thread task, and
 * while zooming (p50 and p95) both the main-thread work of each frame and the
 * frame time itself (the gap between consecutive frames). A gap is counted in
 * display frames (60 Hz: 16.7 ms each), because headless Chromium's rAF stamps
 * jitter by ±0.1 ms around the vsync (a blank page gives 16.6–16.8 ms): "zoom
 * frame p95" is the 95th percentile of the gaps in whole frames (16.7 when at
 * least 95% of frames are on time), "missed" the share of gaps longer than one
 * and a half frames, and "raw p95" the unrounded percentile. Each page is
 * loaded RUNS times (default 5): times are medians, frame percentiles pooled.
 * Figures only: nothing is asserted (this machine is noisy).
 *
 *   node scripts/bench-timeline.mjs [counts…]   e.g. node scripts/bench-timeline.mjs 200 2000
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** One display frame at 60 Hz, in ms; a gap between frames, in whole frames. */
export const FRAME_MS = 1000 / 60;
export const inFrames = (gap) => Math.max(1, Math.round(gap / FRAME_MS)) * FRAME_MS;

/** Percentile of the finite values (a load that never reported a figure is left out); NaN when there are none. */
const pct = (xs, p) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
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
  // The first paint can come after the island is ready (a long page), so wait for it (at most 10 s).
  const firstPaint = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const seen = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        if (seen() !== undefined) return resolve(seen());
        new PerformanceObserver(() => seen() !== undefined && resolve(seen())).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(NaN), 10_000);
      }),
  );
  // Zoom is measured on the horizontal layout; a rail (too many titles for the lanes) has no wheel zoom to time.
  const horizontal = await page.evaluate(() => !!document.querySelector('.tl-plot-h'));
  const frames = !horizontal ? [] : await page.evaluate(async () => {
    const plot = document.querySelector('.tl-plot-h');
    const box = plot.getBoundingClientRect();
    const out = [];
    // Main-thread work of one frame: the wheel handler, then from the start of the frame's
    // animation callbacks (ours is queued before the island's) through style, layout and
    // paint (a message posted from a callback queued after the island's runs once the frame
    // has been painted). Waiting for the frame to begin is not work and is not counted.
    const channel = new MessageChannel();
    const afterPaint = () => new Promise((resolve) => { channel.port1.onmessage = () => resolve(performance.now()); channel.port2.postMessage(0); });
    for (let i = 0; i < 60; i++) {
      let frameStart = 0;
      requestAnimationFrame(() => { frameStart = performance.now(); });
      const t0 = performance.now();
      plot.dispatchEvent(new WheelEvent('wheel', { deltaY: i < 30 ? -40 : 40, clientX: box.left + box.width * 0.8, clientY: box.top + 50, bubbles: true, cancelable: true }));
      const handler = performance.now() - t0;
      const end = await new Promise((resolve) => requestAnimationFrame(() => resolve(afterPaint())));
      out.push(handler + (end - frameStart));
    }
    return out;
  });
  // Frame intervals: one wheel event per frame for 60 frames; the gap between consecutive frames
  // is the frame time a reader sees (16.7 ms when every frame is on time at 60 Hz).
  await page.waitForTimeout(400);
  const intervals = !horizontal ? [] : await page.evaluate(async () => {
    const plot = document.querySelector('.tl-plot-h');
    const box = plot.getBoundingClientRect();
    const stamps = [];
    await new Promise((done) => {
      let i = 0;
      const tick = (t) => {
        stamps.push(t);
        if (i++ >= 60) return done();
        plot.dispatchEvent(new WheelEvent('wheel', { deltaY: i < 30 ? -40 : 40, clientX: box.left + box.width * 0.8, clientY: box.top + 50, bubbles: true, cancelable: true }));
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return stamps.slice(1).map((t, k) => t - stamps[k]);
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
  return { interactive, firstPaint, longest, frames, intervals, settle };
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

async function main() {
const browser = await chromium.launch(chromiumLaunchOptions());
console.log('timeline scale (synthetic events + the real ones; one build each)');
console.log(['events', 'build s', 'ms/event', 'ms/added event', 'html gz', 'js gz', 'css gz', 'first paint ms', 'interactive ms', 'longest task ms', 'zoom work p50 ms', 'zoom work p95 ms', 'zoom frame p50 ms', 'zoom frame p95 ms', 'frames missed', 'raw frame p95 ms', 'filter render ms'].join('\t'));
let port = 4800;
// Build cost per event added since the previous size: level across sizes when the build is linear
// (ms/event alone falls with size, because the fixed cost is spread over more events).
let previous = null;
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
      const runs = [];
      for (let r = 0; r < RUNS; r++) runs.push(await measure(browser, server.origin));
      const median = (key) => pct(runs.map((x) => x[key]), 50);
      const frames = runs.flatMap((x) => x.frames);
      const intervals = runs.flatMap((x) => x.intervals);
      const m = {
        interactive: median('interactive'),
        firstPaint: median('firstPaint'),
        longest: median('longest'),
        settle: median('settle'),
        p50: pct(frames, 50),
        p95: pct(frames, 95),
        i50: pct(intervals.map(inFrames), 50),
        i95: pct(intervals.map(inFrames), 95),
        missed: intervals.length ? `${intervals.filter((g) => g > 1.5 * FRAME_MS).length}/${intervals.length}` : 'rail',
        raw95: pct(intervals, 95),
      };
      const total = readdirSync(join(tmp, 'content', 'events')).filter((f) => /\.mdx?$/.test(f)).length;
      const added = previous ? (((seconds - previous.seconds) * 1000) / (total - previous.total)).toFixed(2) : '–';
      previous = { total, seconds };
      console.log([total, seconds.toFixed(1), ((seconds * 1000) / total).toFixed(2), added, w.html, w.js + w.inlineJs, w.css, m.firstPaint.toFixed(0), m.interactive.toFixed(0), m.longest.toFixed(0), m.p50.toFixed(1), m.p95.toFixed(1), m.i50.toFixed(1), m.i95.toFixed(1), m.missed, m.raw95.toFixed(1), m.settle.toFixed(0)].join('\t'));
    } finally {
      server.stop();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
await browser.close();
}
