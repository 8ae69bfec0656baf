#!/usr/bin/env node
/**
 * node scripts/artboards-css.mjs: writes src/styles/artboards.css from
 * ARTBOARD_WIDTHS in src/charts/artboards.ts (Node ≥ 22.18 strips its types).
 * One rule per class of the sets in ARTBOARD_SETS (no other): ab-FROM-TO shows from FROM px up
 * to TO px; the first artboard of a set starts at 0, the last runs on ("up").
 * tests/unit/charts/artboards.test.ts checks the file covers every set.
 */
import { writeFileSync } from 'node:fs';
import { ARTBOARD_SETS, ARTBOARD_WIDTHS, artboardClasses } from '../src/charts/artboards.ts';

const ws = [...ARTBOARD_WIDTHS].sort((a, b) => a - b);
const out = [
  `/*
 * Artboards (src/charts/artboards.ts): a container query on the chart canvas
 * shows the one artboard whose range holds the canvas width. An artboard of
 * class ab-FROM-TO shows from FROM px up to TO px (exclusive); the first of a
 * set starts at 0, the last runs on ("up"). The SVG inside stretches up to fill
 * its container and is never scaled down below the width it was drawn at.
 * Written by scripts/artboards-css.mjs from ARTBOARD_WIDTHS; do not edit by hand.
 */
.chart-canvas { container-type: inline-size; }
.artboard { display: none; }
.artboard > svg { display: block; width: 100%; height: auto; }`,
];
for (const cls of artboardClasses()) {
  const [, from, to] = /^ab-(\d+)-(\d+|up)$/.exec(cls);
  if (from === '0' && to === 'up') continue;
  const conds = [from !== '0' && `(min-width: ${from}px)`, to !== 'up' && `(max-width: ${Number(to) - 0.02}px)`].filter(Boolean);
  out.push(`@container ${conds.join(' and ')} { .${cls} { display: block; } }`);
}
out.push('.ab-0-up { display: block; }');
writeFileSync(new URL('../src/styles/artboards.css', import.meta.url), `${out.join('\n')}\n`);
console.log(`src/styles/artboards.css: ${out.length - 1} rules for ${ARTBOARD_SETS.length} sets of ${ws.join(', ')}`);
