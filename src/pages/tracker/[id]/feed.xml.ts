/** /tracker/<id>/feed.xml: one RSS item per step of the instrument, with its status before and after. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { entryPaths, getStory } from '../../../lib/story/store';
import { instrumentFeed } from '../../../lib/outputs/follow-feeds';
import { siteLinker } from '../../../lib/util/url';

export const getStaticPaths = (() => entryPaths('instruments')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, params }) =>
  new Response(instrumentFeed(await getStory(), params.id as string, siteLinker(site)), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
