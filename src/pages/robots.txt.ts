/** /robots.txt: everything may be crawled; points crawlers at the sitemap (absolute, with the base path). */
import type { APIRoute } from 'astro';
import { href } from '../lib/util/url';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(href('/sitemap-index.xml'), site).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
