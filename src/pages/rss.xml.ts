/**
 * /rss.xml: every event and every dated tracker status change, newest first.
 * Links are absolute and carry the base path.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getStory } from '../lib/story/store';
import { asOfDate } from '../lib/story/story';
import { feedItems } from '../lib/outputs/feed';
import { formatDate } from '../lib/util/format';
import { siteLinker } from '../lib/util/url';
import { esc } from '../lib/util/markup';
import { SITE_FEED_TITLE } from '../lib/util/site';


export const GET: APIRoute = async ({ site }) => {
  const story = await getStory();
  const link = siteLinker(site);
  return rss({
    title: SITE_FEED_TITLE,
    description: `Every event in the 2026 AI distillation story and every dated step of the policy instruments it tracks, each sourced. As of ${formatDate(asOfDate(story))}.`,
    site: link('/'),
    trailingSlash: true,
    customData: `<language>en-us</language><lastBuildDate>${new Date(`${asOfDate(story)}T00:00:00Z`).toUTCString()}</lastBuildDate>`,
    items: feedItems(story, link).map((item) => ({
      title: item.title,
      link: item.link,
      pubDate: item.pubDate,
      description: item.description,
      categories: item.categories,
      // A step shares its page with the instrument's other steps, so it needs its own guid.
      customData: item.guid === item.link ? undefined : `<guid isPermaLink="false">${esc(item.guid)}</guid>`,
    })),
  });
};
