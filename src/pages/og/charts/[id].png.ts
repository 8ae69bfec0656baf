/** /og/charts/<id>.png: the social card of each chart (a handful, so always built). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../../lib/store';
import { CHART_CARDS, pngResponse, renderCard } from '../../../lib/og';

export const getStaticPaths = (() => CHART_CARDS.map((c) => ({ params: { id: c.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const def = CHART_CARDS.find((c) => c.id === params.id);
  if (!def) throw new Error(`No chart card "${params.id}"`);
  return pngResponse(await renderCard(def.card(await getStory())));
};
