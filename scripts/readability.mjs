#!/usr/bin/env node
/**
 * node scripts/readability.mjs [--pages /,/timeline/] [--widths 320,640] [--themes light] [--js on|off|both]
 *
 * Measures the readability floors (scripts/lib/readability.mjs) on the built
 * site: every page with a chart and every embed, at 320, 390, 640 and
 * 1280 px, light and dark, with JavaScript on and off. Prints one line of
 * figures per page and width, then every breach. Exits 1 on a breach with
 * --strict. The bench prints its summary; the browser test asserts it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromiumLaunchOptions } from './lib/chromium.mjs';
import { fileToPagePath, listHtmlFiles, resolveDistDir } from './lib/html.mjs';
import { FLOORS, WIDTHS, breaches, figuresLine, probe } from './lib/readability.mjs';
import { serveDist } from './lib/serve.mjs';

/** Pages of the built site that show a chart, and every embed. */
export function chartPages(dist) {
  return listHtmlFiles(dist)
    .map((file) => ({ file, path: fileToPagePath(dist, file) }))
    .filter(({ file, path }) => path.startsWith('/embed/') || /<svg[^>]*class="(chart|stage-bar)\b|class="[^"]*\b(chart-figure|timeline)\b/.test(readFileSync(file, 'utf8')))
    .map(({ path }) => path)
    .filter((p) => !p.endsWith('.html') || p === '/')
    .sort();
}

/** Measures one page at each width; resolves with the probe results. */
export async function measurePage(context, origin, path, widths = WIDTHS, javaScriptEnabled = true) {
  const page = await context.newPage();
  const results = [];
  try {
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(origin + path, { waitUntil: 'load' });
      // Islands render on load and on resize; give them two frames. (Without JavaScript no frame callback ever runs.)
      if (javaScriptEnabled) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      results.push(await page.evaluate(probe, FLOORS));
    }
  } finally {
    await page.close();
  }
  return results;
}

/** The whole sweep: { rows: [{path, theme, js, m, breaches}], summary }. */
export async function sweep({ origin, pages, widths = WIDTHS, themes = ['light', 'dark'], js = [true, false], browser }) {
  const rows = [];
  for (const theme of themes) {
    for (const javaScriptEnabled of js) {
      const context = await browser.newContext({ colorScheme: theme, javaScriptEnabled, locale: 'en-US', timezoneId: 'UTC' });
      for (const path of pages) {
        for (const m of await measurePage(context, origin, path, widths, javaScriptEnabled)) {
          rows.push({ path, theme, js: javaScriptEnabled, m, breaches: breaches(m, FLOORS, { embed: path.startsWith('/embed/') && path !== '/embed/' }) });
        }
      }
      await context.close();
    }
  }
  return { rows, summary: summarise(rows) };
}

/** Smallest text, label and title, overlaps, ellipses, sideways scrolls and the tallest embeds over a sweep. */
export function summarise(rows) {
  const min = (k) => Math.min(...rows.map((r) => r.m[k]).filter((v) => v !== null));
  const embedHeights = {};
  for (const r of rows) {
    if (!r.path.startsWith('/embed/') || r.path === '/embed/') continue;
    const w = r.m.width;
    if (!embedHeights[w] || embedHeights[w].height < r.m.height) embedHeights[w] = { height: r.m.height, path: r.path };
  }
  return {
    measured: rows.length,
    minText: min('minText'),
    minLabel: min('minLabel'),
    minTitle: min('minTitle'),
    overlaps: rows.reduce((n, r) => n + r.m.overlaps.length, 0),
    ellipses: rows.reduce((n, r) => n + r.m.ellipses.length, 0),
    sideways: rows.filter((r) => r.m.scrollWidth > r.m.clientWidth + 1).length,
    breaches: rows.reduce((n, r) => n + r.breaches.length, 0),
    tallestEmbed: embedHeights,
  };
}

const isMain = process.argv[1] && import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const root = new URL('..', import.meta.url).pathname;
  const dist = resolveDistDir();
  const pages = opt('--pages', '') ? opt('--pages').split(',') : chartPages(dist);
  const widths = opt('--widths', WIDTHS.join(',')).split(',').map(Number);
  const themes = opt('--themes', 'light,dark').split(',');
  const jsOpt = opt('--js', 'both');
  const js = jsOpt === 'both' ? [true, false] : [jsOpt === 'on'];
  const require = createRequire(join(root, 'package.json'));
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch(chromiumLaunchOptions());
  const server = await serveDist(root, dist, Number(process.env.READABILITY_PORT ?? 4580));
  try {
    const { rows, summary } = await sweep({ origin: server.origin, pages, widths, themes, js, browser });
    for (const r of rows) {
      console.log(`${r.path.padEnd(44)} ${String(r.m.width).padStart(4)} ${r.theme.padEnd(5)} ${r.js ? 'js  ' : 'nojs'}  ${figuresLine(r.m)}`);
      for (const b of r.breaches) console.log(`    ✗ ${b}`);
    }
    console.log('\nsummary', JSON.stringify(summary));
    if (args.includes('--strict') && summary.breaches > 0) process.exitCode = 1;
  } finally {
    server.stop();
    await browser.close();
  }
}
