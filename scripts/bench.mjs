#!/usr/bin/env node
/**
 * npm run bench: prints performance figures. Nothing here is asserted; the
 * byte budgets that are deterministic are asserted by tests instead.
 *
 *   1. Build the real site; report build seconds.
 *   2. Report gzip bytes of HTML, JS and CSS for representative pages.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');

function build() {
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error('build failed');
  }
  return seconds;
}

const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

/** gzip bytes of a page's HTML and of the local JS and CSS it references. */
export function pageWeight(distDir, pagePath) {
  const htmlFile = join(distDir, pagePath, 'index.html');
  const html = readFileSync(htmlFile, 'utf8');
  const assets = (re) => [...html.matchAll(re)].map((m) => m[1]).filter((u) => u.startsWith('/'));
  const local = (u) => join(distDir, u.replace(/^\/+/, ''));
  const js = assets(/<script[^>]+src="([^"]+)"/g).reduce((n, u) => n + gz(local(u)), 0);
  const css = assets(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g).reduce((n, u) => n + gz(local(u)), 0);
  return { html: gz(htmlFile), js, css };
}

function countPages(dir) {
  let n = 0;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) n += countPages(p);
    else if (f.endsWith('.html')) n += 1;
  }
  return n;
}

const seconds = build();
const pages = countPages(dist);
console.log(`build: ${seconds.toFixed(2)} s for ${pages} pages (${((seconds * 1000) / pages).toFixed(1)} ms per page)`);
console.log('\npage weights (gzip bytes)');
console.log('page'.padEnd(44), 'html'.padStart(8), 'js'.padStart(8), 'css'.padStart(8), 'total'.padStart(8));
for (const page of ['/', '/events/', '/events/anthropic-letter-to-senate-banking/', '/disputes/', '/sources/', '/method/']) {
  if (!existsSync(join(dist, page, 'index.html'))) continue;
  const w = pageWeight(dist, page);
  console.log(page.padEnd(44), String(w.html).padStart(8), String(w.js).padStart(8), String(w.css).padStart(8), String(w.html + w.js + w.css).padStart(8));
}
