/**
 * Every HTML page in the built site (dist/) loads cleanly and is accessible.
 *
 * For each page: HTTP 200, no console errors, no uncaught exceptions, no CSP
 * violations, no requests to other hosts, exactly one <h1>, and zero axe
 * violations (WCAG 2.2 AA) in both the light and the dark theme.
 *
 * The page list is read from dist/ when this file is collected. If dist/ is
 * missing or has no pages, a single sentinel test fails with the reason —
 * the suite must never pass vacuously.
 */
import { test as plainTest } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { siteUrl } from './support/env.ts';
import { expect, expectClean, test } from './support/diagnostics.ts';
import { listBuiltPageFiles, type BuiltPage } from './support/pages.ts';

let pages: BuiltPage[] = [];
let listingError: string | null = null;
try {
  pages = listBuiltPageFiles();
} catch (err) {
  listingError = err instanceof Error ? err.message : String(err);
}

// Redirect stubs (Astro `redirects`) have no content of their own.
const contentPages = pages.filter((p) => !p.isRedirect);

test.describe('smoke', () => {
  // No browser needed here, hence the plain (diagnostics-free) test.
  plainTest('dist/ contains the built site', () => {
    expect(listingError, 'could not list built pages').toBeNull();
    expect(contentPages.length, 'number of non-redirect HTML pages in dist/').toBeGreaterThan(0);
    expect(
      pages.map((p) => p.path),
      'dist/index.html (the home page) must exist',
    ).toContain('/');
  });

  for (const { path: pagePath } of contentPages) {
    test(`page ${pagePath} loads cleanly`, async ({ page, diagnostics }) => {
      const response = await page.goto(siteUrl(pagePath), { waitUntil: 'load' });
      expect(response, `no response for ${pagePath}`).not.toBeNull();
      expect.soft(response?.status(), `HTTP status of ${pagePath}`).toBe(200);

      // Give late work (island hydration, lazy chunks, deferred scripts) a
      // chance to run and report errors before we inspect the collectors.
      await page.waitForLoadState('networkidle');

      await expect.soft(page.locator('h1'), `exactly one <h1> on ${pagePath}`).toHaveCount(1);

      expectClean(diagnostics, pagePath);

      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        // Frames are not descended into: every embed page is itself one of the pages this loop checks.
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          // Only violations are reported (axe skips collecting the passing nodes: the same checks, less work).
          .options({ iframes: false, resultTypes: ['violations'] })
          .analyze();
        const summary = results.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
        );
        expect.soft(summary, `axe violations on ${pagePath} in the ${colorScheme} theme`).toEqual([]);
      }
    });
  }
});
