/**
 * Data points a source reports, e.g. Alibaba's ADS price: content/series/*.yaml.
 * Only reported points; anything derived (an implied earlier level) is
 * computed in src/lib/story/derive.ts and labelled as derived.
 */
import { z } from 'astro/zod';
import { CitationsSchema, IdSchema, IsoDaySchema, QualifierSchema } from './common';

export const SeriesSchema = z.strictObject({
  name: z.string().min(1),
  /** Unit of `value`, e.g. "USD per ADS". */
  unit: z.string().min(1),
  /** The actor the series is about. */
  subject: IdSchema,
  points: z
    .array(
      z.strictObject({
        date: IsoDaySchema,
        value: z.number().positive(),
        /** What the point is, e.g. "close". */
        label: z.string().min(1),
        note: z.string().min(1).optional(),
        sources: CitationsSchema,
      }),
    )
    .default([]),
  /** Reported percentage moves between two days. */
  moves: z
    .array(
      z.strictObject({
        from: IsoDaySchema,
        to: IsoDaySchema,
        /** Signed percent, negative for a fall, as the source gives it. */
        percent: z.number(),
        qualifier: QualifierSchema,
        note: z.string().min(1).optional(),
        sources: CitationsSchema,
      }),
    )
    .default([]),
  /** Other reported facts about the series (e.g. "16-month low"). */
  notes: z.array(z.strictObject({ date: IsoDaySchema, text: z.string().min(1), sources: CitationsSchema })).default([]),
});
export type SeriesData = z.infer<typeof SeriesSchema>;
