/**
 * The one place internal links are made. Every href and asset path goes
 * through `href`, so a build with BASE_PATH=/sub/ stays whole; every output
 * that writes addresses (data files, feeds, calendars, JSON-LD, citations)
 * takes a `Linker`.
 */
const BASE = import.meta.env.BASE_URL;

/** Prefixes a site path ("/events/") with the configured base. */
export function href(path: string): string {
  if (/^[a-z]+:/i.test(path) || path.startsWith('#')) return path;
  const base = BASE.endsWith('/') ? BASE : `${BASE}/`;
  return base + path.replace(/^\/+/, '');
}

/** Turns a base-free site path ("/events/x/") into the URL an output writes. */
export type Linker = (path: string) => string;

/** Absolute URLs with the base, on the site's public origin: what files read elsewhere carry. */
export function siteLinker(site: URL | string | undefined): Linker {
  return (path) => new URL(href(path), site).href;
}
