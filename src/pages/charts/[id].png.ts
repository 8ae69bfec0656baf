/** /charts/<chart>.png: every chart of the registry (src/lib/embeds.ts), its 600 px export rasterised at 2× at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../lib/store';
import { chartFiles, chartFileSvg } from '../../lib/chart-downloads';
import { svgToPng } from '../../lib/chart-files';

export const getStaticPaths = (async () =>
  chartFiles(await getStory())
    .map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  new Response(new Uint8Array(svgToPng(chartFileSvg(await getStory(), params.id as string, site))), { headers: { 'Content-Type': 'image/png' } });
