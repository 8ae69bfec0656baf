/**
 * Building blocks shared by every content schema: ids, calendar dates,
 * citations and sourced quantities. Each rule here fails loudly; nothing is
 * coerced, so a typo in content/ stops the build instead of vanishing.
 */
import { z } from 'astro/zod';

/** Lower-case kebab-case id, the file name of an entry without its extension. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Ids are lower-case kebab-case, e.g. "hr-8283"');

const UNQUOTED =
  'Write dates as quoted strings, e.g. "2026-06-10". An unquoted YAML date is converted before validation and an impossible day (2026-02-30) silently rolls over.';

/** True when y-m-d names a real day of the proleptic Gregorian calendar. */
export function isRealDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

const dateString = (label: string) =>
  z.string({
    error: (issue) =>
      issue.input instanceof Date ? UNQUOTED : `Expected ${label} as a quoted string`,
  });

/** A real calendar day, "YYYY-MM-DD". Free text and impossible days are errors. */
export const IsoDaySchema = dateString('a day "YYYY-MM-DD"').superRefine((value, ctx) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a date in the form YYYY-MM-DD` });
    return;
  }
  if (!isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a real calendar day` });
  }
});

/**
 * A day ("2026-06-10") or, when a source gives only the month, a month
 * ("2026-06"). The precision is read from the form, never guessed.
 */
export const PartialDateSchema = dateString('a date "YYYY-MM-DD" or month "YYYY-MM"').superRefine(
  (value, ctx) => {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const month = /^(\d{4})-(\d{2})$/.exec(value);
    if (day) {
      if (!isRealDay(Number(day[1]), Number(day[2]), Number(day[3]))) {
        ctx.addIssue({ code: 'custom', message: `"${value}" is not a real calendar day` });
      }
    } else if (month) {
      const mm = Number(month[2]);
      if (mm < 1 || mm > 12) ctx.addIssue({ code: 'custom', message: `"${value}" is not a real month` });
    } else {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a date: use "YYYY-MM-DD", or "YYYY-MM" when a source gives only the month`,
      });
    }
  },
);

/**
 * A citation of one of the source articles. The short form is the source id.
 * `credits` names whom the article credits for the fact (e.g. "Bloomberg,
 * June 24, 2026"), since the site only has the article, not what it relays.
 */
export const CitationSchema = z.union([
  IdSchema,
  z.strictObject({
    /** Id of an entry in content/sources. */
    source: IdSchema,
    /** Whom the article credits for this fact, in the article's terms. */
    credits: z.string().min(1).optional(),
    /** Where in the article, or how it puts it (short, in our words or a brief quote). */
    note: z.string().min(1).optional(),
  }),
]);
export type CitationInput = z.infer<typeof CitationSchema>;

export const CitationsSchema = z.array(CitationSchema).min(1, 'At least one source is required');

/**
 * How the sources qualify a figure: "as-stated" (given flat, e.g. "28.8
 * million"), "about" (approximately, roughly, ~), "over", "nearly".
 */
export const QualifierSchema = z.enum(['as-stated', 'about', 'over', 'nearly']);
export type Qualifier = z.infer<typeof QualifierSchema>;

/**
 * A count as the sources give it. `value: null` means the sources do not
 * disclose it; it is shown as "not disclosed", never as zero.
 */
export const CountSchema = z
  .strictObject({
    /** The figure, or null when no source gives it. Never negative. */
    value: z.number().int('Counts are whole numbers').nonnegative('Counts cannot be negative').nullable(),
    /** How the sources qualify the figure. Required when a value is given. */
    qualifier: QualifierSchema.optional(),
    /** The words the sources use for the unit ("exchanges", "interactions", "calls"…). */
    wording: z.string().min(1).optional(),
    /** Id of a claim entry when the sources disagree on this figure. */
    claim: IdSchema.optional(),
    /** Why the value is unknown, or how it was reported. */
    note: z.string().min(1).optional(),
    sources: z.array(CitationSchema).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.value !== null && !c.qualifier) {
      ctx.addIssue({ code: 'custom', path: ['qualifier'], message: 'A given figure needs a qualifier (as-stated, about, over, nearly)' });
    }
    if (c.value !== null && c.sources.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['sources'], message: 'A given figure needs at least one source' });
    }
    if (c.value === null && !c.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'An unknown figure needs a note saying what the sources do (not) say' });
    }
  });
export type Count = z.infer<typeof CountSchema>;

/** A sourced statement in the project's own words. */
export const SourcedTextSchema = z.strictObject({
  text: z.string().min(1),
  sources: CitationsSchema,
});
