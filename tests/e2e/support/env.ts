/**
 * Single source of truth for the e2e test environment: ports, origins, the
 * site's base path and the directories the static server reads from.
 *
 * Imported by playwright.config.ts (which passes these values to
 * `support/serve.mjs` through webServer.env) and by the specs.
 *
 * Environment overrides (all optional):
 *   BASE_PATH       site path prefix, e.g. `/ai-distillation/` (default `/`)
 *   E2E_SITE_PORT   port of the built site            (default 4410)
 *   E2E_HOST_PORT   port of the cross-origin "host"   (default 4411)
 *   DIST_DIR        built site directory (default: $OUT_DIR — the variable
 *                   astro.config.mjs uses for outDir — else `<repo>/dist`)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Loopback interface both servers bind to. Never 0.0.0.0. */
export const HOST = '127.0.0.1';

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name}=${JSON.stringify(raw)} is not a valid TCP port`);
  }
  return port;
}

/**
 * Normalise a base path to the form `/` or `/segment/…/` (leading and
 * trailing slash, no duplicate slashes). Mirrors normaliseBase() in serve.mjs.
 */
export function normaliseBasePath(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim();
  if (trimmed === '' || trimmed === '/') return '/';
  const segments = trimmed.split('/').filter(Boolean);
  return `/${segments.join('/')}/`;
}

/** Absolute path of the repository root (this file is tests/e2e/support/env.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Directory holding the built site (`astro build` output). */
export const DIST_DIR = path.resolve(REPO_ROOT, process.env.DIST_DIR || process.env.OUT_DIR || 'dist');

/** Directory served verbatim by the cross-origin "host" server. */
export const HOST_FIXTURES_DIR = path.join(REPO_ROOT, 'tests/e2e/fixtures-host');

/** Port of the server for the built site. */
export const SITE_PORT = portFromEnv('E2E_SITE_PORT', 4410);
/** Port of the second, different-origin server that embeds our iframes. */
export const HOST_PORT = portFromEnv('E2E_HOST_PORT', 4411);

if (SITE_PORT === HOST_PORT) {
  throw new Error(`E2E_SITE_PORT and E2E_HOST_PORT must differ (both ${SITE_PORT})`);
}

/** `/` or e.g. `/ai-distillation/` (always leading + trailing slash). */
export const BASE_PATH = normaliseBasePath(process.env.BASE_PATH);

/** e.g. `http://127.0.0.1:4410` (no trailing slash, no base path). */
export const SITE_ORIGIN = `http://${HOST}:${SITE_PORT}`;
/** e.g. `http://127.0.0.1:4411` — a different origin from SITE_ORIGIN. */
export const HOST_ORIGIN = `http://${HOST}:${HOST_PORT}`;

/** Root URL of the site including the base path; used as Playwright's baseURL. */
export const SITE_URL = `${SITE_ORIGIN}${BASE_PATH}`;
/** Root URL of the host fixture server. */
export const HOST_URL = `${HOST_ORIGIN}/`;

/** Readiness endpoint answered by serve.mjs (outside the base path on purpose). */
export const HEALTH_PATH = '/__e2e/health';

/**
 * Absolute URL of a site page given its site-relative path (`/`, `/about/`,
 * `/x/?q=1#h`), honouring BASE_PATH.
 *
 * Prefer this over `page.goto('/about/')`: Playwright resolves a leading-slash
 * path against baseURL's *origin*, which silently drops the base path.
 */
export function siteUrl(sitePath = '/'): string {
  return `${SITE_URL}${sitePath.replace(/^\/+/, '')}`;
}

/** Absolute URL of a file in tests/e2e/fixtures-host/, e.g. hostUrl('/embed.html'). */
export function hostUrl(fixturePath = '/'): string {
  return `${HOST_URL}${fixturePath.replace(/^\/+/, '')}`;
}

/** Hostnames that count as "this machine" for the no-external-requests rule. */
export const LOCAL_HOSTNAMES: ReadonlySet<string> = new Set([
  '127.0.0.1',
  'localhost',
  '[::1]',
  '::1',
]);
