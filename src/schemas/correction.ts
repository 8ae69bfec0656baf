/**
 * A correction to a published page: content/corrections/*.yaml. It records
 * the day, the page affected, what changed and why. The page is named either
 * by its site path ("/events/alibaba-sues-dod/") or by the entry it shows
 * ({ collection: events, id: alibaba-sues-dod }); src/lib/story/integrity.ts checks
 * that the entry exists, and this schema rejects paths the site does not have.
 */
import { z } from 'astro/zod';
import { CitationsSchema, IdSchema, IsoDaySchema } from './common';

/** Collections whose entries have a page (or an anchor on a list page) a correction can name. */
export const CorrectableSchema = z.enum(['events', 'instruments', 'actors', 'campaigns', 'claims', 'sources']);
export type Correctable = z.infer<typeof CorrectableSchema>;

/** Site pages that are not generated from an entry. */
export const STATIC_PAGES = [
  '/',
  '/timeline/',
  '/tracker/',
  '/campaigns/',
  '/markets/',
  '/events/',
  '/disputes/',
  '/actors/',
  '/sources/',
  '/method/',
  '/data/',
] as const;

const ENTRY_PAGE = /^\/(events|tracker|actors|campaigns)\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/;

/** A base-free site path with its trailing slash, of a page the site builds. */
export const SitePathSchema = z.string().refine((p) => (STATIC_PAGES as readonly string[]).includes(p) || ENTRY_PAGE.test(p), {
  message: `Name a page of the site by its path without the base, e.g. "/events/alibaba-sues-dod/" or "/method/" (known pages: ${STATIC_PAGES.join(', ')}, and /events|tracker|actors|campaigns/<id>/)`,
});

export const CorrectionSchema = z.strictObject({
  /** The day the correction was made. */
  date: IsoDaySchema,
  /** The page affected: a site path, or the entry the page shows. */
  page: z.union([SitePathSchema, z.strictObject({ collection: CorrectableSchema, id: IdSchema })]),
  /** What changed, in our words: the old statement and the new one. */
  what: z.string().min(1),
  /** Why it changed, e.g. a misreading of a source. */
  why: z.string().min(1),
  /** The sources that show the corrected fact, when there are any. */
  sources: CitationsSchema.optional(),
});
export type CorrectionData = z.infer<typeof CorrectionSchema>;

/** The collection whose entries each entry-page folder shows: /tracker/<id>/ shows an instrument. */
const FOLDER_COLLECTION: Record<string, Correctable> = { events: 'events', tracker: 'instruments', actors: 'actors', campaigns: 'campaigns' };

/**
 * The entry a correction's page names, if it names one: the entry itself, or
 * the entry an entry page shows ("/tracker/hr-8283/" → instruments/hr-8283).
 * `field` is where the id is written. A list or static page names none.
 */
export function pageEntry(page: CorrectionData['page']): { collection: Correctable; id: string; field: string } | null {
  if (typeof page !== 'string') return { collection: page.collection, id: page.id, field: 'page.id' };
  const m = /^\/(events|tracker|actors|campaigns)\/([^/]+)\/$/.exec(page);
  const collection = m ? FOLDER_COLLECTION[m[1] as string] : undefined;
  return m && collection ? { collection, id: m[2] as string, field: 'page' } : null;
}
