/** A company, lab, agency, committee, lawmaker or official: content/actors/*.yaml. */
import { z } from 'astro/zod';
import { CitationsSchema, IdSchema } from './common';

export const ActorKindSchema = z.enum([
  'company',
  'lab',
  'agency',
  'committee',
  'lawmaker',
  'official',
  'outlet',
  'firm',
  'analyst',
]);

export const ActorSchema = z.strictObject({
  name: z.string().min(1),
  kind: ActorKindSchema,
  /** Party and state as the sources give them, e.g. "R-SC". */
  party: z.string().min(1).optional(),
  /** Role in this story, in our words. */
  description: z.string().min(1),
  /** The organisation this actor belongs to, e.g. a lab's parent company. */
  memberOf: IdSchema.optional(),
  sources: CitationsSchema,
});
export type ActorData = z.infer<typeof ActorSchema>;
