/** /charts/timeline.png: the timeline rasterised at build time, for downloads, social cards and no-script fallbacks. */
import type { APIRoute } from 'astro';
import { getStory } from '../../lib/store';
import { timelineFileSvg } from '../../lib/timeline-files';
import { svgToPng } from '../../lib/chart-files';

export const GET: APIRoute = async ({ site }) =>
  new Response(new Uint8Array(svgToPng(timelineFileSvg(await getStory(), site))), { headers: { 'Content-Type': 'image/png' } });
