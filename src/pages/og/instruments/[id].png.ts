/** /og/instruments/<id>.png: the social card of an instrument's tracker page. Skipped when OG_CARDS=off. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { entryPaths, getStory } from '../../../lib/story/store';
import { getById } from '../../../lib/story/story';
import { cardsEnabled, instrumentCard, pngResponse, renderCard } from '../../../lib/outputs/cards';

export const getStaticPaths = (async () => (cardsEnabled() ? entryPaths('instruments') : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const story = await getStory();
  return pngResponse(await renderCard(instrumentCard(story, getById(story.instruments, params.id as string, 'instrument'))));
};
