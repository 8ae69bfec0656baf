/** /charts/<chart>.png: each chart (except the timeline, which has its own route) rasterised at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../lib/store';
import { CHART_FILES, chartFileSvg, type ChartFile } from '../../lib/chart-downloads';
import { svgToPng } from '../../lib/chart-files';

export const getStaticPaths = (() => CHART_FILES.filter((id) => id !== 'timeline').map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  new Response(new Uint8Array(svgToPng(chartFileSvg(await getStory(), params.id as ChartFile, site))), { headers: { 'Content-Type': 'image/png' } });
