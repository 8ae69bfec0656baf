/** /charts/<chart>.svg: every chart of the registry (src/lib/outputs/embeds.ts) as a self-contained 600 px SVG file (title, chart, sources, notes, as-of date). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../lib/story/store';
import { chartFiles, chartFileSvg } from '../../lib/outputs/chart-files';

export const getStaticPaths = (async () =>
  chartFiles(await getStory())
    .map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  new Response(chartFileSvg(await getStory(), params.id as string, site), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
