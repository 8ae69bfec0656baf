/**
 * /cite/<key>.<ext>: a page's reference in each format of CITE_FORMATS (BibTeX,
 * RIS, CSL-JSON; src/lib/outputs/cite.ts), one file per format for every page with a
 * "Cite this" block. A new format is one entry in CITE_FORMATS.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../lib/story/store';
import { CITE_FORMATS, citePages } from '../../lib/outputs/cite';
import { siteLinker } from '../../lib/util/url';

export const getStaticPaths = (async () => {
  const story = await getStory();
  return citePages(story).flatMap((page) => CITE_FORMATS.map((format) => ({ params: { file: `${page.key}.${format.ext}` }, props: { page, ext: format.ext } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, props }) => {
  const { page, ext } = props as { page: ReturnType<typeof citePages>[number]; ext: string };
  const format = CITE_FORMATS.find((f) => f.ext === ext)!;
  return new Response(format.write(page, siteLinker(site)(page.path)), { headers: { 'Content-Type': format.type } });
};
