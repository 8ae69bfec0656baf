/** One of the articles the project is built from: content/sources/*.yaml. */
import { z } from 'astro/zod';
import { IsoDaySchema } from './common';

export const SourceKindSchema = z.enum(['news-report', 'analysis', 'primary-document']);

export const SourceSchema = z
  .strictObject({
    /** The article's headline as published, or null when the copy has none. */
    title: z.string().min(1).nullable(),
    /** Short name used in "Source:" lines; our words, since some articles lack a title or byline. */
    label: z.string().min(1).max(60),
    /** Publishing outlet, or null when the article does not name one. */
    publisher: z.string().min(1).nullable(),
    /** Byline, or null when there is none. */
    author: z.string().min(1).nullable(),
    /** How the publisher describes the byline, when it does (e.g. "agent"). */
    authorType: z.string().min(1).optional(),
    /** Publication day, or null when the article carries no date. */
    published: IsoDaySchema.nullable(),
    /** Required when `published` is null: what the article does say about its date. */
    publishedNote: z.string().min(1).optional(),
    /** Address of the article, or null when the copy we hold gives none. */
    url: z.url({ protocol: /^https?$/ }).nullable(),
    kind: SourceKindSchema,
    /** File name of the copy in shared/seeds, for provenance. */
    seedFile: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/),
    /** Outlets and documents the article itself credits. */
    credits: z.array(z.string().min(1)).default([]),
    /** What the article is, in one sentence of our own. */
    description: z.string().min(1),
  })
  .superRefine((s, ctx) => {
    if (s.published === null && !s.publishedNote) {
      ctx.addIssue({ code: 'custom', path: ['publishedNote'], message: 'An undated source needs publishedNote' });
    }
  });
export type SourceData = z.infer<typeof SourceSchema>;
