/** One dated happening in the story: the frontmatter of content/events/*.mdx. */
import { z } from 'astro/zod';
import { CitationsSchema, IdSchema, PartialDateSchema } from './common';

/** What kind of happening this is; the timeline groups kinds into lanes. */
export const EventKindSchema = z.enum([
  'disclosure',
  'report',
  'activity',
  'policy',
  'legislation',
  'hearing',
  'litigation',
  'lobbying',
  'market',
]);
export type EventKind = z.infer<typeof EventKindSchema>;

export const EventSchema = z
  .strictObject({
    /** Headline in the project's own words. */
    title: z.string().min(1),
    /** "YYYY-MM-DD", or "YYYY-MM" when the sources give only the month. */
    date: PartialDateSchema,
    /** Last day of a span (e.g. a campaign's activity window), same form as `date`. */
    endDate: PartialDateSchema.optional(),
    /** When the date itself is disputed: the claim that lays out each source's date. */
    dateClaim: IdSchema.optional(),
    /**
     * What the date stands for, when that is not plain: e.g. "the month the sources report it in; none dates the
     * announcement". Shown beside the date on the event page, in place of "the sources give only the month".
     */
    dateNote: z.string().min(1).max(160).optional(),
    kind: EventKindSchema,
    /** One sentence, in the project's own words. */
    summary: z.string().min(1).max(320),
    /** Who alleges this, when the event is an allegation rather than a reported fact. */
    allegedBy: IdSchema.optional(),
    actors: z.array(IdSchema).default([]),
    /** The articles this event rests on; at least one. */
    sources: CitationsSchema,
    campaigns: z.array(IdSchema).default([]),
    instruments: z.array(IdSchema).default([]),
    claims: z.array(IdSchema).default([]),
  })
  .superRefine((e, ctx) => {
    if (e.endDate && e.endDate.length !== e.date.length) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'endDate must have the same precision as date' });
    } else if (e.endDate && e.endDate < e.date) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: `endDate ${e.endDate} is before date ${e.date}` });
    }
  });
export type EventData = z.infer<typeof EventSchema>;
