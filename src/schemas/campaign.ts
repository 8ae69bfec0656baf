/**
 * A distillation campaign as Anthropic alleges it: content/campaigns/*.yaml.
 * Every figure is the accuser's; the schema keeps who attributes what.
 */
import { z } from 'astro/zod';
import { CitationSchema, CitationsSchema, CountSchema, IdSchema, IsoDaySchema } from './common';

export const CampaignSchema = z
  .strictObject({
    name: z.string().min(1),
    /** Short label for charts, e.g. "DeepSeek". */
    label: z.string().min(1).max(24),
    /** The actors the campaign is attributed to. */
    operators: z.array(IdSchema).min(1),
    /** Who makes the attribution. */
    attributedBy: IdSchema,
    /** How each source words the attribution. */
    attribution: z
      .array(z.strictObject({ wording: z.string().min(1), quote: z.boolean(), source: CitationSchema }))
      .min(1),
    /** The event at which the campaign was disclosed. */
    disclosure: IdSchema,
    /** For a combined figure, the campaigns it totals. */
    aggregateOf: z.array(IdSchema).default([]),
    /** Days of activity as the sources give them; null when not disclosed. */
    window: z
      .strictObject({ start: IsoDaySchema, end: IsoDaySchema, sources: CitationsSchema })
      .nullable(),
    accounts: CountSchema,
    exchanges: CountSchema,
    capabilities: z.array(z.strictObject({ name: z.string().min(1), sources: CitationsSchema })).default([]),
    /** Further sourced details (e.g. how the operator behaved). */
    notes: z.array(z.strictObject({ text: z.string().min(1), sources: CitationsSchema })).default([]),
    sources: CitationsSchema,
  })
  .superRefine((c, ctx) => {
    if (c.window && c.window.end < c.window.start) {
      ctx.addIssue({ code: 'custom', path: ['window', 'end'], message: 'The window ends before it starts' });
    }
  });
export type CampaignData = z.infer<typeof CampaignSchema>;
