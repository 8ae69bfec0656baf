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

/** Absolute URLs on the site being built: site path → "https://…/base/path", for feeds, calendars and canonical links. */
export function siteLink(site: URL | string | undefined): (path: string) => string {
  return (path) => new URL(href(path), site).href;
}
