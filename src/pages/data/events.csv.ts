/** /data/events.csv: the events download as RFC 4180 CSV with a header row; columns documented on /data/. */
import type { APIRoute } from 'astro';
import { getStory } from '../../lib/story/store';
import { csvFile } from '../../lib/outputs/datasets';
import { href } from '../../lib/util/url';

export const GET: APIRoute = async ({ site }) =>
  new Response(csvFile('events', await getStory(), (path) => new URL(href(path), site).href), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
