/**
 * The one place internal links are made. Every href and asset path goes
 * through `href`, so a build with BASE_PATH=/sub/ stays whole.
 */
const BASE = import.meta.env.BASE_URL;

/** Prefixes a site path ("/events/") with the configured base. */
export function href(path: string): string {
  if (/^[a-z]+:/i.test(path) || path.startsWith('#')) return path;
  const base = BASE.endsWith('/') ? BASE : `${BASE}/`;
  return base + path.replace(/^\/+/, '');
}
