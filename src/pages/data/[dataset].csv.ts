/**
 * /data/<id>.csv: every table of the data registry (src/lib/outputs/datasets.ts)
 * as RFC 4180 CSV with a header row of its declared columns; the columns are
 * documented on /data/. A new dataset is one registry entry, not a new file here.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../lib/story/store';
import { type Dataset, csvFile, tablePaths } from '../../lib/outputs/datasets';
import { siteLinker } from '../../lib/util/url';

export const getStaticPaths = (() => tablePaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, props }) =>
  new Response(csvFile((props as { dataset: Dataset }).dataset, await getStory(), siteLinker(site)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
