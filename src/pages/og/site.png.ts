/** /og/site.png: the social card of every page without a card of its own; always built. */
import type { APIRoute } from 'astro';
import { getStory } from '../../lib/story/store';
import { pngResponse, renderCard, siteCard } from '../../lib/outputs/cards';

export const GET: APIRoute = async () => pngResponse(await renderCard(siteCard(await getStory())));
