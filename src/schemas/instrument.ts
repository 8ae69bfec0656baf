/**
 * A bill, amendment, executive action, designation, lawsuit or enforcement
 * tool: content/instruments/*.yaml. Its status is never typed: it is derived
 * from the dated, sourced `steps` by src/lib/story/status.ts.
 */
import { z } from 'astro/zod';
import { CitationsSchema, IdSchema, IsoDaySchema, PartialDateSchema, SourcedTextSchema } from './common';

export const InstrumentKindSchema = z.enum(['bill', 'amendment', 'executive-action', 'designation', 'lawsuit', 'tool']);
export type InstrumentKind = z.infer<typeof InstrumentKindSchema>;

/** Every action any kind may record; src/lib/story/status.ts says which kind allows which. */
export const ActionSchema = z.enum([
  // bills
  'introduced',
  'referred',
  'committee-approved',
  'passed-house',
  'passed-senate',
  'resolving-differences',
  'to-president',
  'became-law',
  'vetoed',
  // amendments
  'announced',
  'filed',
  'agreed-to',
  'failed',
  'withdrawn',
  // executive actions
  'issued',
  'superseded',
  'rescinded',
  // designations
  'listed',
  'removed',
  // lawsuits
  'ruling',
  'appeal',
  // tools
  'applied',
  'lifted',
]);
export type Action = z.infer<typeof ActionSchema>;

export const StepSchema = z
  .strictObject({
    action: ActionSchema,
    /** Day or month of the step; null when no source gives it. */
    date: PartialDateSchema.nullable(),
    /** Required when `date` is null and no `dateClaim` is given: what the sources do say. */
    dateNote: z.string().min(1).optional(),
    /** When the sources disagree on the date: the claim holding each date. */
    dateClaim: IdSchema.optional(),
    /** Latest day the step can have happened, when its own date is unknown. */
    notAfter: IsoDaySchema.optional(),
    /** What happened, in our words. */
    text: z.string().min(1),
    /** The event page that tells this step, if there is one. */
    event: IdSchema.optional(),
    sources: CitationsSchema,
  })
  .superRefine((s, ctx) => {
    if (s.date === null && !s.dateNote && !s.dateClaim) {
      ctx.addIssue({ code: 'custom', path: ['dateNote'], message: 'A step without a date needs dateNote or dateClaim' });
    }
  });
export type Step = z.infer<typeof StepSchema>;

export const InstrumentSchema = z.strictObject({
  name: z.string().min(1),
  /** Short label for the tracker, e.g. "H.R. 8283". */
  shortName: z.string().min(1).max(40),
  kind: InstrumentKindSchema,
  /** What it is or would do, in one sentence of our own. */
  summary: z.string().min(1),
  sponsors: z.array(IdSchema).default([]),
  /** Issuing office or plaintiff, for memos, lists and lawsuits. */
  issuers: z.array(IdSchema).default([]),
  committees: z.array(IdSchema).default([]),
  /** Whom it targets or names. */
  targets: z.array(IdSchema).default([]),
  /** For tools a bill would create: the bill. */
  proposedIn: IdSchema.optional(),
  /** What it would do or does, provision by provision. */
  provisions: z.array(SourcedTextSchema).default([]),
  steps: z.array(StepSchema).default([]),
  /** What the sources say comes next. */
  next: z.array(SourcedTextSchema).default([]),
  /** Sourced facts about where it stands that are not steps (e.g. "not formally introduced as of June 25"). */
  standing: z.array(SourcedTextSchema.extend({ asOf: IsoDaySchema })).default([]),
  related: z.array(IdSchema).default([]),
  sources: CitationsSchema,
});
export type InstrumentData = z.infer<typeof InstrumentSchema>;
