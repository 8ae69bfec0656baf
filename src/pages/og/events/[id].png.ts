/** /og/events/<id>.png: the social card of an event page. Skipped when OG_CARDS=off. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { entryPaths, getStory } from '../../../lib/story/store';
import { getById } from '../../../lib/story/story';
import { cardsEnabled, eventCard, pngResponse, renderCard } from '../../../lib/outputs/cards';

export const getStaticPaths = (async () => (cardsEnabled() ? entryPaths('events') : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const story = await getStory();
  return pngResponse(await renderCard(eventCard(story, getById(story.events, params.id as string, 'event'))));
};
