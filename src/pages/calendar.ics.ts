/** /calendar.ics: every event, dated instrument step and dated watchlist deadline, as all-day items (src/lib/outputs/calendar.ts). */
import type { APIRoute } from 'astro';
import { getStory } from '../lib/story/store';
import { calendarEntries, calendarIcs } from '../lib/outputs/calendar';
import { buildDay } from '../lib/views/tracker';
import { asOfDate } from '../lib/story/story';
import { formatDate } from '../lib/util/format';
import { siteLinker } from '../lib/util/url';
import { SITE_NAME } from '../lib/util/site';

export const GET: APIRoute = async ({ site }) => {
  const story = await getStory();
  const link = siteLinker(site);
  const body = calendarIcs(story, calendarEntries(story, link, buildDay()), {
    name: `${SITE_NAME}: events, tracker steps and deadlines`,
    description: `Every event of the 2026 AI distillation story, every dated step of the policy instruments and every watchlist deadline with a calendar date, each sourced. As of ${formatDate(asOfDate(story))}.`,
    self: link('/calendar.ics'),
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
