/**
 * Content collections. Each reads one folder of the top-level content/ (or of
 * CONTENT_DIR, which the build tests point at fixture folders). Schemas live in
 * src/schemas, one concept per file; cross-entry references are checked by
 * src/lib/story/integrity.ts, because Astro's reference() only warns on a missing id.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTIONS } from './schemas';

const root = process.env.CONTENT_DIR ?? './content';

const define = <K extends keyof typeof COLLECTIONS>(name: K) =>
  defineCollection({
    loader: glob({ pattern: COLLECTIONS[name].pattern, base: `${root}/${name}` }),
    schema: COLLECTIONS[name].schema,
  });

export const collections = {
  events: define('events'),
  sources: define('sources'),
  actors: define('actors'),
  campaigns: define('campaigns'),
  instruments: define('instruments'),
  claims: define('claims'),
  series: define('series'),
  questions: define('questions'),
  corrections: define('corrections'),
};
