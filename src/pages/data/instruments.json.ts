/**
 * /data/instruments.json: every instrument with its derived status, stage,
 * bill status code, last action, steps with their dates and source ids, what
 * comes next and the "as of" day. Same rows as /data/instruments.csv.
 */
import type { APIRoute } from 'astro';
import { getStory } from '../../lib/story/store';
import { exportRows } from '../../lib/views/tracker';

export const prerender = true;

export const GET: APIRoute = async () => {
  const story = await getStory();
  return new Response(`${JSON.stringify(exportRows(story), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
