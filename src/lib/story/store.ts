/**
 * Astro glue: loads every collection once per build, checks the story's
 * integrity and caches it. Everything else in src/lib is pure and takes the
 * Story as an argument.
 */
import { getCollection } from 'astro:content';
import type { CollectionName, Entry, Story } from './story';
import { assertIntegrity } from './integrity';

const NAMES: CollectionName[] = ['events', 'sources', 'actors', 'campaigns', 'instruments', 'claims', 'series', 'questions', 'corrections'];

async function load(): Promise<Story> {
  const loaded = await Promise.all(
    NAMES.map(async (name) => {
      const entries = await getCollection(name);
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
  cached ??= load();
  return cached;
}
