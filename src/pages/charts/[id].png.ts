/** /charts/<chart>.png: each chart, the tracker overview and every status card (the timeline has its own route) rasterised at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../lib/store';
import { chartFiles, chartFileSvg } from '../../lib/chart-downloads';
import { svgToPng } from '../../lib/chart-files';

export const getStaticPaths = (async () =>
  chartFiles(await getStory())
    .filter((id) => id !== 'timeline')
    .map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  new Response(new Uint8Array(svgToPng(chartFileSvg(await getStory(), params.id as string, site))), { headers: { 'Content-Type': 'image/png' } });
