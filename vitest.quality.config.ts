/// <reference types="vitest/config" />
/**
 * Vitest config for the quality gates (tests/quality/**\/*.test.ts), run by
 * `npm run test:quality` after the build: byte budgets and CSP of the built
 * site (DIST_DIR / OUT_DIR / ./dist, BASE_PATH), plus tests of the checker
 * scripts on tiny fixtures (tests/quality/fixtures/) proving each can fail.
 *
 * Plain vitest (no Astro Vite config): these tests only read files, so they
 * start in a fraction of the unit suite's time. `npm run test:unit` keeps
 * running tests/unit only (vitest.config.ts).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/quality/**/*.test.ts'],
    environment: 'node',
    // 2-core CI machine.
    maxWorkers: 2,
    // The tests share no mutable state; reusing workers saves ~0.5 s per file.
    isolate: false,
    // Fail (don't silently pass) when the include glob matches nothing.
    passWithNoTests: false,
  },
});
