/** /data/timeline.json: the data behind the timeline chart. */
import type { APIRoute } from 'astro';
import { getStory } from '../../lib/story/store';
import { asOfDate } from '../../lib/story/story';
import { timelineRows, TIMELINE_COLUMNS } from '../../lib/outputs/timeline-files';

export const GET: APIRoute = async ({ site }) => {
  const story = await getStory();
  const body = { as_of: asOfDate(story), columns: TIMELINE_COLUMNS, rows: timelineRows(story, site) };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
