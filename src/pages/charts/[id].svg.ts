/** /charts/<chart>.svg: each chart, the tracker overview and every status card (the timeline has its own route) as a self-contained SVG file. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../lib/store';
import { chartFiles, chartFileSvg } from '../../lib/chart-downloads';

export const getStaticPaths = (async () =>
  chartFiles(await getStory())
    .filter((id) => id !== 'timeline')
    .map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  new Response(chartFileSvg(await getStory(), params.id as string, site), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
