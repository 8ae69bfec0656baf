/** /tracker/<id>/feed.xml: one RSS item per step of the instrument, with its status before and after. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../../lib/story/store';
import { instrumentFeed } from '../../../lib/outputs/follow-feeds';
import { siteLinker } from '../../../lib/util/url';

export const getStaticPaths = (async () => {
  const story = await getStory();
  return story.instruments.map((i) => ({ params: { id: i.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, params }) => {
  const story = await getStory();
  const link = siteLinker(site);
  return new Response(instrumentFeed(story, params.id as string, link), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
