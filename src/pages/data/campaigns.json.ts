/** /data/campaigns.json: the campaigns download with its metadata and licence; columns documented on /data/. */
import type { APIRoute } from 'astro';
import { getStory } from '../../lib/story/store';
import { jsonFile } from '../../lib/outputs/datasets';
import { href } from '../../lib/util/url';

export const GET: APIRoute = async ({ site }) =>
  new Response(jsonFile('campaigns', await getStory(), (path) => new URL(href(path), site).href), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
