/** /oembed/<chart>.json: oEmbed ("rich") for each embeddable chart; chart pages link to it for discovery. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../lib/story/store';
import { absolute, embeds, embedSnippet } from '../../lib/outputs/embeds';
import { SITE_NAME } from '../../lib/util/site';

export const getStaticPaths = (async () => {
  const story = await getStory();
  return embeds(story).map((e) => ({ params: { id: e.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const story = await getStory();
  const embed = embeds(story).find((e) => e.id === params.id)!;
  const body = {
    version: '1.0',
    type: 'rich',
    title: embed.title,
    provider_name: SITE_NAME,
    provider_url: absolute(site, '/'),
    html: embedSnippet(site, embed),
    width: 960,
    height: embed.height,
    ...(embed.id === 'timeline' ? { thumbnail_url: absolute(site, '/charts/timeline.png'), thumbnail_width: 1920, thumbnail_height: 980 } : {}),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
