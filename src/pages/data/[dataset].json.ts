/**
 * /data/<id>.json: every table of the data registry (src/lib/outputs/datasets.ts)
 * in the one envelope, { meta, rows }: metadata with the licence, as-of day and
 * columns, then the rows. A new dataset is one registry entry, not a new file here.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../lib/story/store';
import { type Dataset, jsonFile, tablePaths } from '../../lib/outputs/datasets';
import { siteLinker } from '../../lib/util/url';

export const getStaticPaths = (() => tablePaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, props }) =>
  new Response(jsonFile((props as { dataset: Dataset }).dataset, await getStory(), siteLinker(site)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
