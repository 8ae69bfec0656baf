/**
 * Content collections. Each reads one folder of the top-level content/ (or of
 * CONTENT_DIR, which the build tests point at fixture folders). Schemas live in
 * src/schemas, one concept per file; cross-entry references are checked by
 * src/lib/story/integrity.ts, because Astro's reference() only warns on a missing id.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from './schemas';

const root = process.env.CONTENT_DIR ?? './content';

const define = <K extends CollectionName>(name: K) =>
  defineCollection({
    loader: glob({ pattern: COLLECTIONS[name].pattern, base: `${root}/${name}` }),
    schema: COLLECTIONS[name].schema,
  });

/** One collection per entry of COLLECTIONS (src/schemas/index.ts). */
export const collections = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, define(name)])) as {
  [K in CollectionName]: ReturnType<typeof define<K>>;
};
