/**
 * The HTML checker (scripts/check-html.mjs, W3C Nu HTML Checker) passes a
 * valid fixture site and reports invalid markup with file, line and message.
 * One JVM run covers both fixtures (about 1.5 s). `npm run test:html` runs it
 * on dist/.
 */
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
});
