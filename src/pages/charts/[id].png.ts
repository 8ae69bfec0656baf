/** /charts/<chart>.png: every chart of the registry (src/lib/outputs/embeds.ts), its 600 px export rasterised at 2× at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../lib/story/store';
import { chartFiles, chartFileSvg } from '../../lib/outputs/chart-files';
import { svgToPng } from '../../lib/outputs/chart-export';

export const getStaticPaths = (async () =>
  chartFiles(await getStory())
    .map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  new Response(new Uint8Array(svgToPng(chartFileSvg(await getStory(), params.id as string, site))), { headers: { 'Content-Type': 'image/png' } });
