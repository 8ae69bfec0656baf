/**
 * A point on which the sources disagree: content/claims/*.yaml. The site
 * shows every position beside its source and does not pick a winner.
 */
import { z } from 'astro/zod';
import { CitationSchema, IdSchema, IsoDaySchema } from './common';

export const PositionSchema = z.strictObject({
  /** Short label for the position, e.g. "Denied". */
  label: z.string().min(1).max(60),
  /** What the source says: a brief quote (quote: true) or our paraphrase. */
  wording: z.string().min(1),
  quote: z.boolean(),
  /** Machine-readable value when the dispute is about a day or a number. */
  value: z.union([IsoDaySchema, z.number()]).optional(),
  source: CitationSchema,
});

export const ClaimSchema = z.strictObject({
  /** The disputed question, phrased neutrally. */
  question: z.string().min(1),
  /** One-line topic for lists. */
  topic: z.string().min(1).max(80),
  positions: z.array(PositionSchema).min(2, 'A disputed claim needs at least two positions'),
  /** What the site does about it (which wording it uses and why), in our words. */
  handling: z.string().min(1),
  events: z.array(IdSchema).default([]),
  campaigns: z.array(IdSchema).default([]),
  instruments: z.array(IdSchema).default([]),
  actors: z.array(IdSchema).default([]),
});
export type ClaimData = z.infer<typeof ClaimSchema>;
