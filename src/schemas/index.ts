/** Barrel: one schema per concept, re-exported for content.config.ts and tests, and the list of collections. */
import type { z } from 'astro/zod';
export * from './common';
export * from './event';
export * from './source';
export * from './actor';
export * from './campaign';
export * from './claim';
export * from './instrument';
export * from './series';
export * from './question';
export * from './correction';

import { ActorSchema } from './actor';
import { CampaignSchema } from './campaign';
import { ClaimSchema } from './claim';
import { CorrectionSchema, pageEntry } from './correction';
import { EventSchema } from './event';
import { InstrumentSchema } from './instrument';
import { QuestionSchema } from './question';
import { SeriesSchema } from './series';
import { SourceSchema } from './source';

/**
 * A reference field whose target collection depends on its value (a
 * correction's page): the entry the value names, if any, and the field
 * path where its id is written.
 */
export type RefResolver = (value: never) => { collection: string; id: string; field: string } | null;

/**
 * The collections: the one list. Each collection's folder under content/, its
 * file pattern, its schema, and the fields that hold ids of other entries
 * (dotted field path → the collection the id must name; list items are not
 * counted, so `steps.event` is the event of each step). Citations (`sources`,
 * `source`) always name sources and are not listed. content.config.ts, the
 * story loader and the Story type, the integrity checks, `npm run validate`
 * and the CMS form (src/cms/config.ts) all read this list, so a new
 * collection is added here once.
 */
export const COLLECTIONS = {
  events: {
    pattern: '*.mdx',
    schema: EventSchema,
    refs: { actors: 'actors', campaigns: 'campaigns', instruments: 'instruments', claims: 'claims', allegedBy: 'actors', dateClaim: 'claims' },
  },
  sources: { pattern: '*.yaml', schema: SourceSchema, refs: {} },
  actors: { pattern: '*.yaml', schema: ActorSchema, refs: { memberOf: 'actors' } },
  campaigns: {
    pattern: '*.yaml',
    schema: CampaignSchema,
    refs: {
      operators: 'actors',
      attributedBy: 'actors',
      disclosure: 'events',
      aggregateOf: 'campaigns',
      'accounts.claim': 'claims',
      'exchanges.claim': 'claims',
    },
  },
  instruments: {
    pattern: '*.yaml',
    schema: InstrumentSchema,
    refs: {
      sponsors: 'actors',
      issuers: 'actors',
      committees: 'actors',
      targets: 'actors',
      proposedIn: 'instruments',
      related: 'instruments',
      'steps.event': 'events',
      'steps.dateClaim': 'claims',
    },
  },
  claims: { pattern: '*.yaml', schema: ClaimSchema, refs: { events: 'events', campaigns: 'campaigns', instruments: 'instruments', actors: 'actors' } },
  series: { pattern: '*.yaml', schema: SeriesSchema, refs: { subject: 'actors' } },
  questions: {
    pattern: '*.yaml',
    schema: QuestionSchema,
    refs: { actors: 'actors', instruments: 'instruments', campaigns: 'campaigns', 'deadline.fromStep.instrument': 'instruments' },
  },
  corrections: { pattern: '*.yaml', schema: CorrectionSchema, refs: { page: pageEntry as RefResolver } },
} as const satisfies Record<string, { pattern: `*.${string}`; schema: z.ZodType; refs: Readonly<Record<string, string | RefResolver>> }>;

export type CollectionName = keyof typeof COLLECTIONS;

/** The collection names, in the order of the list. */
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** The data of an entry of a collection, as its schema gives it. */
export type DataOf<K extends CollectionName> = z.output<(typeof COLLECTIONS)[K]['schema']>;
