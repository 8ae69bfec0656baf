/** /data/timeline.csv: the data behind the timeline chart, one row per event. */
import type { APIRoute } from 'astro';
import { getStory } from '../../lib/story/store';
import { timelineRows, TIMELINE_COLUMNS, toCsv } from '../../lib/outputs/timeline-files';

export const GET: APIRoute = async ({ site }) =>
  new Response(toCsv(TIMELINE_COLUMNS, timelineRows(await getStory(), site)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
