/** /changes.xml: every status change and every correction, newest first (src/lib/outputs/follow-feeds.ts). */
import type { APIRoute } from 'astro';
import { getStory } from '../lib/story/store';
import { changesFeed } from '../lib/outputs/follow-feeds';
import { siteLinker } from '../lib/util/url';

export const GET: APIRoute = async ({ site }) =>
  new Response(changesFeed(await getStory(), siteLinker(site)), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
