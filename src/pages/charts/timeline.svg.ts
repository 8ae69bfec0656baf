/** /charts/timeline.svg: the timeline as a self-contained SVG file. */
import type { APIRoute } from 'astro';
import { getStory } from '../../lib/store';
import { timelineFileSvg } from '../../lib/timeline-files';

export const GET: APIRoute = async ({ site }) =>
  new Response(timelineFileSvg(await getStory(), site), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
