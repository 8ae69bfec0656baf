/** /data/datapackage.json: the Frictionless Data Package describing every CSV the site publishes (src/lib/outputs/datapackage.ts). */
import type { APIRoute } from 'astro';
import { getStory } from '../../lib/story/store';
import { dataPackageJson } from '../../lib/outputs/datapackage';
import { siteLinker } from '../../lib/util/url';

export const GET: APIRoute = async ({ site }) =>
  new Response(dataPackageJson(await getStory(), siteLinker(site)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
