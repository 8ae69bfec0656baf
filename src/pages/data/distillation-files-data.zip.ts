/** /data/distillation-files-data.zip: every CSV, datapackage.json and a README (src/lib/datapackage.ts). */
import type { APIRoute } from 'astro';
import { getStory } from '../../lib/store';
import { dataZip } from '../../lib/datapackage';
import { href } from '../../lib/url';

export const GET: APIRoute = async ({ site }) =>
  new Response(dataZip(await getStory(), (path) => new URL(href(path), site).href) as Uint8Array<ArrayBuffer>, {
    headers: { 'Content-Type': 'application/zip' },
  });
