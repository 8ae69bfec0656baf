/** /data/market.json: the data behind the market chart, derived levels labelled with their formula. */
import type { APIRoute } from 'astro';
import { getStory } from '../../lib/story/store';
import { asOfDate } from '../../lib/story/story';
import { MARKET_COLUMNS, marketRows } from '../../lib/outputs/chart-files';

export const GET: APIRoute = async () => {
  const story = await getStory();
  const body = { as_of: asOfDate(story), columns: MARKET_COLUMNS, rows: marketRows(story) };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
