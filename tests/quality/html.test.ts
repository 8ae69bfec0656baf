/**
 * The HTML checker (scripts/check-html.mjs, W3C Nu HTML Checker) passes a
 * valid fixture site and reports invalid markup with file, line and message.
 * One JVM run covers both fixtures (about 1.5 s). `npm run test:html` runs it
 * on dist/.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatVnuMessage, runVnu } from '../../scripts/check-html.mjs';
import { fixture } from './support.ts';

describe('check-html (vnu.jar)', () => {
  it('finds no error in a valid site and every error in an invalid page', () => {
    const bad = path.join(fixture('broken'), 'bad-html', 'index.html');
    const errors = runVnu([fixture('good'), bad]);
    const lines = errors.map((m) => formatVnuMessage(m, fixture('broken')));
    expect(lines).toEqual([
      expect.stringMatching(/^bad-html\/index\.html:10:\d+ {2}Duplicate ID “dup”\./),
      expect.stringMatching(/^bad-html\/index\.html:11:\d+ {2}Element “div” not allowed as child of element “span”/),
      expect.stringMatching(/^bad-html\/index\.html:12:\d+ {2}An “img” element must have an “alt” attribute/),
    ]);
  }, 60_000);

  it('accepts the modern CSS the inlined stylesheets use, and still reports any other CSS error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'check-html-css-'));
    const page = (css: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSS</title><style>${css}</style></head><body><p>x</p></body></html>`;
    // Every feature MODERN_CSS lets through, as the site's stylesheets write it.
    const modern = [
      '.c { container-type: inline-size } .e { container: embed / inline-size }',
      '@container (max-width: 279.98px) { .ab-0-280 { display: block } }',
      '@property --fade { syntax: "<number>"; inherits: false; initial-value: 0 }',
      '.nav { animation: fade linear both; animation: fade linear both scroll(self inline); animation-timeline: scroll(self inline); scroll-initial-target: nearest }',
      'text { paint-order: stroke } .f { content-visibility: auto; contain-intrinsic-size: auto 500px }',
    ].join('\n');
    writeFileSync(path.join(dir, 'modern.html'), page(modern));
    writeFileSync(path.join(dir, 'typo.html'), page(`${modern}\n.g { colr: red }`));
    const lines = runVnu([dir]).map((m) => formatVnuMessage(m, dir));
    expect(lines).toEqual([expect.stringMatching(/^typo\.html:\d+:\d+ {2}CSS: “colr”: Property “colr” doesn't exist\./)]);
  }, 60_000);
});
