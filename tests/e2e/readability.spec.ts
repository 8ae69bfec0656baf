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
import { FLOORS, WIDTHS, breaches, figuresLine, probe } from '../../scripts/lib/readability.mjs';
import { chartPages } from '../../scripts/readability.mjs';

const pages: string[] = chartPages(DIST_DIR);

test('the sweep covers every chart page and every embed', () => {
  for (const p of ['/', '/timeline/', '/campaigns/', '/markets/', '/tracker/', '/embed/timeline/', '/embed/tracker/', '/embed/market/']) {
    expect(pages).toContain(p);
  }
});

for (const theme of ['light', 'dark'] as const) {
  for (const js of [true, false]) {
    test.describe(`${theme}, JavaScript ${js ? 'on' : 'off'}`, () => {
      test.use({ colorScheme: theme, javaScriptEnabled: js });
      for (const path of pages) {
        test(`${path} meets the readability floors at ${WIDTHS.join(', ')} px`, async ({ page }) => {
          const failures: string[] = [];
          for (const width of WIDTHS as number[]) {
            await page.setViewportSize({ width, height: 900 });
            await page.goto(siteUrl(path), { waitUntil: 'load' });
            // Without JavaScript no frame callback ever runs, so only wait for frames with it.
            if (js) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
            const m = await page.evaluate(probe, FLOORS);
            const b: string[] = breaches(m, FLOORS, { embed: path.startsWith('/embed/') && path !== '/embed/' });
            console.log(`${path} ${width} ${theme} ${js ? 'js' : 'nojs'}: ${figuresLine(m)}`);
            failures.push(...b.map((x) => `${width} px: ${x}`));
          }
          expect(failures, failures.join('\n')).toEqual([]);
        });
      }
    });
  }
}
