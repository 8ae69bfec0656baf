/**
 * Astro glue: loads every collection once per build, checks the story's
 * integrity and caches it. Everything else in src/lib is pure and takes the
 * Story as an argument.
 */
import { getCollection } from 'astro:content';
import { COLLECTION_NAMES, type CollectionName } from '../../schemas';
import type { Entry, Story } from './story';
import { assertIntegrity } from './integrity';

/** An entry as Astro's content layer gives it. */
interface LoadedEntry {
  id: string;
  filePath?: string;
  data: unknown;
  body?: string;
}

/** Every collection of the list, read with `read` (Astro's getCollection), then checked. */
export async function loadStory(read: (name: CollectionName) => Promise<readonly LoadedEntry[]> = getCollection): Promise<Story> {
  const loaded = await Promise.all(
    COLLECTION_NAMES.map(async (name) => {
      const entries = await read(name);
      return [
        name,
        entries.map((e): Entry<unknown> => ({
          id: e.id,
          filePath: e.filePath ?? `${name}/${e.id}`,
          data: e.data,
          ...('body' in e && typeof e.body === 'string' ? { body: e.body } : {}),
        })),
      ] as const;
    }),
  );
  return assertIntegrity(Object.fromEntries(loaded) as unknown as Story);
}

let cached: Promise<Story> | undefined;

/** The whole checked story. A broken reference fails the build here, naming the file and field. */
export function getStory(): Promise<Story> {
  cached ??= loadStory();
  return cached;
}

/** getStaticPaths of a route with one page per entry of a collection: `[id]` is the entry's id. */
export async function entryPaths(collection: CollectionName): Promise<{ params: { id: string } }[]> {
  const story = await getStory();
  return story[collection].map((e) => ({ params: { id: e.id } }));
}
