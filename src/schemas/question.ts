/**
 * An open question the sources raise: a signpost to watch, or a gap in the
 * attribution evidence. content/questions/*.yaml.
 */
import { z } from 'astro/zod';
import { CitationsSchema, IdSchema, IsoDaySchema } from './common';

export const QuestionSchema = z
  .strictObject({
    kind: z.enum(['signpost', 'attribution']),
    /** The question, phrased neutrally. */
    question: z.string().min(1),
    /** Why it matters, in our words. */
    detail: z.string().min(1),
    /** Deadline as a source frames it; the date itself is computed, never typed. */
    deadline: z
      .strictObject({
        /** The source's own framing, e.g. "within 90 days". */
        wording: z.string().min(1),
        /** Days after `from`, when the source counts days. */
        days: z.number().int().positive().optional(),
        /** Day the count starts from, and why that day. */
        from: IsoDaySchema.optional(),
        /**
         * Or the step of an instrument the count starts from (1-based), so its
         * day is not typed twice. The build fails when the step does not exist
         * or has no single undisputed day (src/lib/story/integrity.ts).
         */
        fromStep: z.strictObject({ instrument: IdSchema, step: z.number().int().positive() }).optional(),
        fromNote: z.string().min(1).optional(),
        sources: CitationsSchema,
      })
      .superRefine((d, ctx) => {
        const basis = (d.from === undefined ? 0 : 1) + (d.fromStep === undefined ? 0 : 1);
        if (basis > 1) ctx.addIssue({ code: 'custom', path: ['fromStep'], message: 'Give `from` or `fromStep`, not both' });
        if ((d.days === undefined) !== (basis === 0)) {
          ctx.addIssue({ code: 'custom', path: ['from'], message: '`days` and `from` (or `fromStep`) go together' });
        }
      })
      .optional(),
    /** What the sources record as the outcome; null while none is recorded. */
    outcome: z.strictObject({ date: IsoDaySchema, text: z.string().min(1), sources: CitationsSchema }).nullable(),
    sources: CitationsSchema,
    actors: z.array(IdSchema).default([]),
    instruments: z.array(IdSchema).default([]),
    campaigns: z.array(IdSchema).default([]),
  });
export type QuestionData = z.infer<typeof QuestionSchema>;
