/** /data/distillation-files-data.zip: every CSV, datapackage.json and a README (src/lib/outputs/datapackage.ts). */
import type { APIRoute } from 'astro';
import { getStory } from '../../lib/story/store';
import { dataZip } from '../../lib/outputs/datapackage';
import { siteLinker } from '../../lib/util/url';

export const GET: APIRoute = async ({ site }) =>
  new Response(dataZip(await getStory(), siteLinker(site)) as Uint8Array<ArrayBuffer>, {
    headers: { 'Content-Type': 'application/zip' },
  });
