/**
 * The readability floors (issue 13) on every page with a chart and every
 * embed: at 320, 390, 640 and 1280 px, light and dark, JavaScript on and off.
 * Chart text ≥ 12 px, direct labels ≥ 13 px, chart titles ≥ 18 px (font size ×
 * the SVG's screen scale), no overlapping text, no label cut with "…", no
 * sideways scrolling, embeds within their height limits. The probe and the
 * floors live in scripts/lib/readability.mjs, shared with npm run bench.
 * Every figure is printed, breach or not.
 */
import { expect, test } from '@playwright/test';
import { DIST_DIR, siteUrl } from './support/env.ts';
import { FLOORS, WIDTHS, breaches, figuresLine, isEmbed, measureAcross } from '../../scripts/lib/readability.mjs';
import { chartPages } from '../../scripts/readability.mjs';

const pages: string[] = chartPages(DIST_DIR);

test('the sweep covers every chart page and every embed', () => {
  for (const p of ['/', '/timeline/', '/campaigns/', '/markets/', '/tracker/', '/embed/timeline/', '/embed/tracker/', '/embed/market/']) {
    expect(pages).toContain(p);
  }
});

for (const js of [true, false]) {
  test.describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled: js });
    for (const path of pages) {
      test(`${path} meets the readability floors at ${WIDTHS.join(', ')} px in both themes`, async ({ page }) => {
        const failures: string[] = [];
        for (const { width, theme, m } of await measureAcross(page, siteUrl(path), { js })) {
          console.log(`${path} ${width} ${theme} ${js ? 'js' : 'nojs'}: ${figuresLine(m)}`);
          failures.push(...breaches(m, FLOORS, { embed: isEmbed(path) }).map((b: string) => `${width} px, ${theme}: ${b}`));
        }
        expect(failures, failures.join('\n')).toEqual([]);
      });
    }
  });
}
