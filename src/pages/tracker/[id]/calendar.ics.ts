/** /tracker/<id>/calendar.ics: one instrument's dated steps, its watchlist deadlines and the events about it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { entryPaths, getStory } from '../../../lib/story/store';
import { calendarEntries, calendarIcs } from '../../../lib/outputs/calendar';
import { buildDay } from '../../../lib/views/tracker';
import { asOfDate, getById } from '../../../lib/story/story';
import { formatDate } from '../../../lib/util/format';
import { siteLinker } from '../../../lib/util/url';
import { SITE_NAME } from '../../../lib/util/site';

export const getStaticPaths = (() => entryPaths('instruments')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, params }) => {
  const story = await getStory();
  const entry = getById(story.instruments, params.id as string, 'instrument');
  const link = siteLinker(site);
  const body = calendarIcs(story, calendarEntries(story, link, buildDay(), entry.id), {
    name: `${entry.data.shortName} · ${SITE_NAME}`,
    description: `${entry.data.name}: its dated steps, its watchlist deadlines and the events about it, each sourced. As of ${formatDate(asOfDate(story))}.`,
    self: link(`/tracker/${entry.id}/calendar.ics`),
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
