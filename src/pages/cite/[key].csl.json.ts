/** /cite/<key>.csl.json: the page's reference as csl.json (src/lib/cite.ts), one file per page with a "Cite this" block. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../lib/store';
import { CITE_FORMATS, citePages } from '../../lib/cite';
import { href } from '../../lib/url';

const format = CITE_FORMATS.find((f) => f.ext === 'csl.json')!;

export const getStaticPaths = (async () => {
  const story = await getStory();
  return citePages(story).map((p) => ({ params: { key: p.key }, props: { page: p } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, props }) => {
  const page = (props as { page: ReturnType<typeof citePages>[number] }).page;
  return new Response(format.write(page, new URL(href(page.path), site).href), { headers: { 'Content-Type': format.type } });
};
