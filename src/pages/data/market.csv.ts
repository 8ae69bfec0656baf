/** /data/market.csv: the data behind the market chart, one row per reported point, reported move or derived level. */
import type { APIRoute } from 'astro';
import { getStory } from '../../lib/store';
import { MARKET_COLUMNS, marketRows } from '../../lib/chart-downloads';
import { toCsv } from '../../lib/timeline-files';

export const GET: APIRoute = async () =>
  new Response(toCsv(MARKET_COLUMNS, marketRows(await getStory())), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
