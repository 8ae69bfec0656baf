/** /oembed/<chart>.json: oEmbed ("rich") for each chart of the registry (src/lib/outputs/embeds.ts); chart pages link to it for discovery. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../lib/story/store';
import { embedById, embeds, oembedDocument, oembedRoutes } from '../../lib/outputs/embeds';

export const getStaticPaths = (async () => oembedRoutes(embeds(await getStory()))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  new Response(JSON.stringify(oembedDocument(site, embedById(await getStory(), params.id as string))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
