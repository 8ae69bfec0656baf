/** Barrel: one schema per concept, re-exported for content.config.ts and tests. */
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
import { CorrectionSchema } from './correction';
import { EventSchema } from './event';
import { InstrumentSchema } from './instrument';
import { QuestionSchema } from './question';
import { SeriesSchema } from './series';
import { SourceSchema } from './source';

/** Each collection's folder under content/, its file pattern and its schema. */
export const COLLECTIONS = {
  events: { pattern: '*.mdx', schema: EventSchema },
  sources: { pattern: '*.yaml', schema: SourceSchema },
  actors: { pattern: '*.yaml', schema: ActorSchema },
  campaigns: { pattern: '*.yaml', schema: CampaignSchema },
  instruments: { pattern: '*.yaml', schema: InstrumentSchema },
  claims: { pattern: '*.yaml', schema: ClaimSchema },
  series: { pattern: '*.yaml', schema: SeriesSchema },
  questions: { pattern: '*.yaml', schema: QuestionSchema },
  corrections: { pattern: '*.yaml', schema: CorrectionSchema },
} as const;
