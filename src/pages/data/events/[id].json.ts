/**
 * /data/events/<id>.json: one event's summary, date, standing and sources.
 * The timeline island fetches it when a reader selects an event, so the
 * timeline page itself only carries dates and titles.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../../lib/story/store';
import { getById } from '../../../lib/story/story';
import { eventDateLabel, resolveCitations, standingOf } from '../../../lib/story/queries';
import { fillFigures } from '../../../lib/story/figures';
import { sourceNumber } from '../../../lib/story/sources';
import { href } from '../../../lib/util/url';

export const getStaticPaths = (async () => {
  const story = await getStory();
  return story.events.map((e) => ({ params: { id: e.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const story = await getStory();
  const event = getById(story.events, params.id as string, 'event');
  const standing = standingOf(story, event);
  const body = {
    id: event.id,
    title: event.data.title,
    date: event.data.date,
    endDate: event.data.endDate ?? null,
    dateLabel: eventDateLabel(story, event.data),
    kind: event.data.kind,
    summary: fillFigures(story, event.data.summary),
    standing: standing.label,
    allegedBy: standing.allegedBy,
    url: href(`/events/${event.id}/`),
    sources: resolveCitations(story, event.data.sources).map((c) => ({
      id: c.source,
      number: sourceNumber(story, c.source),
      label: c.entry.data.label,
      title: c.entry.data.title,
      credits: c.credits ?? null,
      url: href(`/sources/#${c.source}`),
    })),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
