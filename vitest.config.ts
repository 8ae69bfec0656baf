/// <reference types="vitest/config" />
/**
 * Vitest config for unit tests (tests/unit/**\/*.test.ts).
 *
 * Wrapped in Astro's getViteConfig so unit tests resolve modules exactly like
 * the Astro build does (astro.config.mjs aliases, `astro:*` virtual modules,
 * `astro/zod`, import.meta.env).
 *
 * Time zone is pinned to UTC so date formatting/parsing tests are
 * deterministic on any machine. It is set here (before any worker starts) and
 * also passed to the workers explicitly via test.env.
 */
import { getViteConfig } from 'astro/config';

process.env.TZ = 'UTC';

export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
    // Files run one at a time: two of them run fixture builds, and Astro stages
    // every build in the repo's .astro/ folder, so parallel builds collide.
    fileParallelism: false,
    // Fail (don't silently pass) when the include glob matches nothing.
    passWithNoTests: false,
  },
});
