/**
 * /data/<dir>/<key>.json: one file per row of each per-row dataset of the data
 * registry (src/lib/outputs/datasets.ts), in the same envelope as every JSON
 * file, with one row. /data/events/<id>.json is the one the timeline island
 * fetches when a reader selects an event, so the timeline page itself only
 * carries dates and titles.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../../lib/story/store';
import { type Dataset, type Row, rowFile, rowPaths } from '../../../lib/outputs/datasets';

export const getStaticPaths = (async () => rowPaths(await getStory())) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { dataset, row } = props as { dataset: Dataset; row: Row };
  return new Response(rowFile(dataset, row, await getStory()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
