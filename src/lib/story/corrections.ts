/**
 * Corrections and "last updated". Pure: pages, the /corrections/ log, the
 * integrity check and the unit tests all read corrections through these, so
 * a correction shows on exactly the page it names.
 *
 * "Last updated" rule: the newest of
 *   1. the publication days of the sources the page's entry cites (anywhere in
 *      its data or its MDX body: the page cannot be older than its newest source),
 *   2. the dates the entry itself records (an event's days, an instrument's
 *      step days, "not after" days and "as of" days; a month counts as its first day),
 *   3. the day of any correction to the page;
 * and, when none of these gives a day, the site's "as of" day (the newest
 * source's publication day). The content has no edit timestamps and a clone
 * may lack git history, so the rule uses only what the content itself says.
 */
import { type CorrectionData, type Correctable, pageEntry } from '../../schemas';
import { type Entry, type Story, asOfDate, byId, citedInBody } from './story';
import { citedSources } from './citations';
import { sortKey } from '../util/dates';

/** What a correction points at: a site path, and the entry when the page shows one. */
export interface CorrectionTarget {
  /** Base-free site path of the page, e.g. "/events/alibaba-sues-dod/". */
  path: string;
  /** Fragment on that page, for entries shown on a list page (claims, sources). */
  hash: string | null;
  entry: { collection: Correctable; id: string } | null;
}

const PAGE_OF: Record<Correctable, (id: string) => { path: string; hash: string | null }> = {
  events: (id) => ({ path: `/events/${id}/`, hash: null }),
  instruments: (id) => ({ path: `/tracker/${id}/`, hash: null }),
  actors: (id) => ({ path: `/actors/${id}/`, hash: null }),
  campaigns: (id) => ({ path: `/campaigns/${id}/`, hash: null }),
  claims: (id) => ({ path: '/disputes/', hash: id }),
  sources: (id) => ({ path: '/sources/', hash: id }),
};

/** Resolves a correction's `page` to the path it shows on and the entry it names, if any. */
export function correctionTarget(page: CorrectionData['page']): CorrectionTarget {
  const named = pageEntry(page);
  const entry = named && { collection: named.collection, id: named.id };
  if (typeof page !== 'string') return { ...PAGE_OF[page.collection](page.id), entry };
  return { path: page, hash: null, entry };
}

/** Corrections newest first; ties by id, so the order is stable. */
export function correctionsLog(story: Story): Entry<CorrectionData>[] {
  return [...story.corrections].sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
}

/** Corrections that show on a page, newest first. `path` is base-free ("/events/x/"). */
export function correctionsFor(story: Story, path: string): Entry<CorrectionData>[] {
  return correctionsLog(story).filter((c) => correctionTarget(c.data.page).path === path);
}

/** Dates an entry records itself, as sortable days (a month as its first day). */
function ownDays(collection: 'events' | 'instruments', entry: Entry<any>): string[] {
  const d = entry.data;
  if (collection === 'events') return [d.date, d.endDate].filter(Boolean).map(sortKey);
  return [
    ...d.steps.flatMap((s: { date: string | null; notAfter?: string }) => [s.date, s.notAfter]),
    ...d.standing.map((s: { asOf: string }) => s.asOf),
  ]
    .filter((x): x is string => typeof x === 'string')
    .map(sortKey);
}

export interface LastUpdated {
  /** "YYYY-MM-DD". */
  day: string;
  /** Which part of the rule gave the day. */
  basis: 'correction' | 'source' | 'own-date' | 'as-of';
}

/**
 * "Last updated" of an event or instrument page, by the rule in this
 * module's header. Throws on an unknown id.
 */
export function lastUpdated(story: Story, collection: 'events' | 'instruments', id: string): LastUpdated {
  const entry = byId(story[collection] as Entry<any>[], id);
  if (!entry) throw new Error(`No ${collection} entry with id "${id}"`);
  const cited = citedSources(entry.data);
  citedInBody(entry.body).forEach((s) => cited.add(s));
  const candidates: { day: string; basis: LastUpdated['basis'] }[] = [
    ...[...cited]
      .map((s) => byId(story.sources, s)?.data.published ?? null)
      .filter((d): d is string => d !== null)
      .map((day) => ({ day, basis: 'source' as const })),
    ...ownDays(collection, entry).map((day) => ({ day, basis: 'own-date' as const })),
    ...correctionsFor(story, PAGE_OF[collection](id).path).map((c) => ({ day: c.data.date, basis: 'correction' as const })),
  ];
  // On a tie a correction wins, then a source: that is the more telling reason.
  const rank = { correction: 0, source: 1, 'own-date': 2, 'as-of': 3 } as const;
  const best = candidates.sort((a, b) => b.day.localeCompare(a.day) || rank[a.basis] - rank[b.basis])[0];
  return best ?? { day: asOfDate(story), basis: 'as-of' };
}

/** The rule as a phrase ("Last updated June 26, 2026: <rule>."), for pages and the data dictionary. */
export const LAST_UPDATED_RULE = 'the newest of the publication dates of the sources this page cites, the dates it records, and any correction to it';
