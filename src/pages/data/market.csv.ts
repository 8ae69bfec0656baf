/** /data/market.csv: the data behind the market chart, one row per reported point, reported move or derived level. */
import type { APIRoute } from 'astro';
import { getStory } from '../../lib/story/store';
import { MARKET_COLUMNS, marketRows } from '../../lib/outputs/chart-files';
import { toCsv } from '../../lib/outputs/timeline-files';

export const GET: APIRoute = async () =>
  new Response(toCsv(MARKET_COLUMNS, marketRows(await getStory())), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
