/**
 * The whole story as plain data: every collection's entries with their ids and
 * file paths. Pure, so unit tests build one from fixtures and the site builds
 * one from Astro's content layer (src/lib/story/store.ts).
 */
import type { CitationInput, CollectionName, DataOf } from '../../schemas';

export type { CollectionName };

export interface Entry<T> {
  id: string;
  /** Path of the file the entry came from, relative to the project root. */
  filePath: string;
  data: T;
  /** Raw MDX body, for events. */
  body?: string;
}

/** Every collection's entries: one key per collection of the list (COLLECTIONS in src/schemas). */
export type Story = { [K in CollectionName]: Entry<DataOf<K>>[] };

/** The date every status on the site is "as of": the newest source's publication day. */
export function asOfDate(story: Story): string {
  const days = story.sources.map((s) => s.data.published).filter((d): d is string => d !== null);
  if (days.length === 0) throw new Error('No source carries a publication date, so no "as of" date can be given');
  return days.reduce((a, b) => (a > b ? a : b));
}

export interface Citation {
  source: string;
  credits?: string;
  note?: string;
}

/** Normalises the short form ("flux-tokentoday") to a citation object. */
export function citation(c: CitationInput): Citation {
  return typeof c === 'string' ? { source: c } : c;
}

const indexes = new WeakMap<readonly Entry<unknown>[], Map<string, Entry<unknown>>>();

/**
 * The entry with an id, from an index built once per collection array: a
 * page looks ids up many times, and a linear search per lookup made a large
 * build quadratic. The index is rebuilt if the array's length changes.
 */
export function byId<T>(entries: readonly Entry<T>[], id: string): Entry<T> | undefined {
  let index = indexes.get(entries);
  if (!index || index.size !== entries.length) {
    index = new Map();
    for (const e of entries) if (!index.has(e.id)) index.set(e.id, e);
    indexes.set(entries, index);
  }
  return index.get(id) as Entry<T> | undefined;
}

/** Looks an id up and throws, naming the collection, when it is missing. */
export function getById<T>(entries: readonly Entry<T>[], id: string, collection: string): Entry<T> {
  const found = byId(entries, id);
  if (!found) throw new Error(`No ${collection} entry with id "${id}"`);
  return found;
}

/** Ids of the sources an MDX body cites with <Cite s="…" />. */
export function citedInBody(body: string | undefined): string[] {
  if (!body) return [];
  return [...body.matchAll(/<Cite\s+s="([^"]+)"\s*\/>/g)].map((m) => m[1] as string);
}
