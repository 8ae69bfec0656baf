/** /charts/<chart>.svg: each chart (except the timeline, which has its own route) as a self-contained SVG file. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../lib/store';
import { CHART_FILES, chartFileSvg, type ChartFile } from '../../lib/chart-downloads';

export const getStaticPaths = (() => CHART_FILES.filter((id) => id !== 'timeline').map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  new Response(chartFileSvg(await getStory(), params.id as ChartFile, site), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
