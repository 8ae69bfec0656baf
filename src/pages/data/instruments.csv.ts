/**
 * /data/instruments.csv: one RFC 4180 row per instrument, with a header row;
 * the same values as /data/instruments.json, lists joined with "; ".
 */
import type { APIRoute } from 'astro';
import { getStory } from '../../lib/story/store';
import { exportRows, toCsv } from '../../lib/views/tracker';

export const prerender = true;

export const GET: APIRoute = async () => {
  const story = await getStory();
  return new Response(toCsv(exportRows(story)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
};
