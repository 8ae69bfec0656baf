/**
 * What the zod schemas cannot say about the editing form: labels, the order
 * of collections and which text fields are long. Which fields hold ids of
 * which collection (so the CMS offers a pick list instead of a text box) is
 * the collection list's `refs` (src/schemas/index.ts), which the integrity
 * checks read too. Everything else (fields, types, required, enums, lengths,
 * minimums) comes from the schemas through src/cms/config.ts. The generator
 * fails on an id field that no reference names, on a reference or hint that
 * names no field, and on a collection of the list that is neither edited
 * here nor listed as not edited.
 *
 * Field paths are dotted; list items are not counted (`steps.event`).
 * Citations (`sources`, `source`) always pick from sources and need no hint.
 */
import type { CollectionName } from '../schemas';

/** The collections editors touch, in the order the CMS lists them. */
export const CMS_COLLECTIONS = ['events', 'instruments', 'corrections', 'claims', 'sources', 'actors', 'campaigns', 'questions'] as const satisfies readonly CollectionName[];
export type CmsCollection = (typeof CMS_COLLECTIONS)[number];

/** Collections of the list that the CMS form does not offer: they are edited as files. A new collection goes in one of the two lists. */
export const NOT_IN_CMS = ['series'] as const satisfies readonly Exclude<CollectionName, CmsCollection>[];

export interface CollectionHints {
  label: string;
  singular: string;
  description: string;
  /** The field Decap shows in lists and uses to suggest a file name. */
  identifier: string;
  /** Decap's list summary template. */
  summary: string;
  /** Long prose fields, edited in a text area. */
  text?: string[];
  /** Per-field labels or hints, when the field name alone says too little. */
  fields?: Record<string, { label?: string; hint?: string }>;
}

export const DATE_HINT = 'A day "YYYY-MM-DD", or a month "YYYY-MM" when the sources give only the month.';
export const DAY_HINT = 'A day, "YYYY-MM-DD".';

export const BODY_GUIDE = [
  'The story in our own words, as Markdown. Two tags are allowed:',
  '<Cite s="source-id" /> after each sourced sentence (the source must also be listed under Sources);',
  '<Fig of="campaign-id.accounts" /> to quote a reported figure from its data entry (campaign-id.exchanges, series-id@YYYY-MM-DD);',
  'never type a figure by hand. In the summary, quote figures as {{campaign-id.accounts}}.',
].join(' ');

export const HINTS: Record<CmsCollection, CollectionHints> = {
  events: {
    label: 'Events',
    singular: 'Event',
    description: 'Dated happenings. Each cites at least one source; an allegation names who alleges it.',
    identifier: 'title',
    summary: '{{date}} · {{title}}',
    text: ['summary'],
    fields: {
      endDate: { label: 'End date', hint: 'Last day of a span, same form as the date.' },
      dateClaim: { label: 'Disputed date', hint: 'When the sources disagree on the date: the claim that sets out each date.' },
      dateNote: { label: 'Date note', hint: 'What the date stands for, when that is not plain (at most 160 characters).' },
      allegedBy: { label: 'Alleged by', hint: 'When the event is one party’s claim rather than a reported fact.' },
      summary: { hint: 'One sentence in our own words (at most 320 characters). Quote figures as {{campaign-id.accounts}}.' },
    },
  },
  sources: {
    label: 'Sources',
    singular: 'Source',
    description: 'The articles the story is built from.',
    identifier: 'label',
    summary: '{{label}}',
    text: ['description'],
    fields: {
      published: { hint: `${DAY_HINT} Leave empty when the article carries no date, and say so in the note.` },
      publishedNote: { label: 'Note on the date' },
      seedFile: { label: 'Seed file', hint: 'File name of the copy in shared/seeds, e.g. 000_85400dafb33975e6.txt.' },
    },
  },
  actors: {
    label: 'Actors',
    singular: 'Actor',
    description: 'Companies, labs, agencies, committees, lawmakers, officials.',
    identifier: 'name',
    summary: '{{name}} ({{kind}})',
    text: ['description'],
    fields: { memberOf: { label: 'Member of', hint: 'The organisation this actor belongs to.' }, party: { hint: 'As the sources give it, e.g. "R-SC".' } },
  },
  campaigns: {
    label: 'Campaigns',
    singular: 'Campaign',
    description: 'The distillation campaigns as Anthropic alleges them. Every figure keeps its source.',
    identifier: 'name',
    summary: '{{name}}',
    fields: { aggregateOf: { label: 'Total of', hint: 'For a combined figure: the campaigns it totals.' } },
  },
  instruments: {
    label: 'Instruments',
    singular: 'Instrument',
    description: 'Bills, amendments, memos, designations, lawsuits and tools. Status is derived from the dated steps.',
    identifier: 'shortName',
    summary: '{{shortName}} · {{name}}',
    text: ['summary'],
    fields: {
      shortName: { label: 'Short name', hint: 'For the tracker, e.g. "H.R. 8283".' },
      steps: { label: 'Steps (history)', hint: 'Dated, sourced steps, oldest first. An impossible order (e.g. passed before introduced) fails the check.' },
      'steps.date': { hint: `${DATE_HINT} Leave empty when no source gives it, and fill in the date note or the disputed date.` },
      'steps.notAfter': { label: 'Not after', hint: `Latest day the step can have happened, when its own date is unknown. ${DAY_HINT}` },
      'steps.event': { label: 'Event page', hint: 'The event that tells this step, if there is one.' },
      proposedIn: { label: 'Proposed in', hint: 'For a tool a bill would create: the bill.' },
    },
  },
  claims: {
    label: 'Disputes (claims)',
    singular: 'Claim',
    description: 'Points where the sources disagree. Each position keeps its wording and source; the site does not pick a winner.',
    identifier: 'topic',
    summary: '{{topic}}',
    text: ['question', 'handling'],
    fields: {
      positions: { hint: 'At least two.' },
      'positions.value': { hint: 'When the dispute is about a day or a number: the day ("YYYY-MM-DD") or the number.' },
      'positions.quote': { label: 'Quoted', hint: 'On when the wording is the source’s own words.' },
    },
  },
  questions: {
    label: 'Questions',
    singular: 'Question',
    description: 'Signposts to watch and open attribution questions.',
    identifier: 'question',
    summary: '{{question}}',
    text: ['question', 'detail'],
    fields: {
      'deadline.days': { hint: 'Days after the start day, when the source counts days. The deadline itself is computed.' },
      'deadline.fromStep.step': { hint: 'Number of the step in that instrument\'s history (1 is the first) that the days count from, instead of a start day.' },
      outcome: { hint: 'Leave empty while no outcome is recorded.' },
    },
  },
  corrections: {
    label: 'Corrections',
    singular: 'Correction',
    description: 'Dated corrections to a published page: what changed and why. Shown on the page and at /corrections/.',
    identifier: 'what',
    summary: '{{date}} · {{what}}',
    text: ['what', 'why'],
    fields: {
      date: { hint: `The day of the correction. ${DAY_HINT}` },
      page: {
        hint: 'The page corrected, by its path without the site address: e.g. /events/alibaba-sues-dod/, /tracker/hr-8283/, /actors/anthropic/, /campaigns/alibaba-linked/, or a list page such as /disputes/. The check fails on a page the site does not have.',
      },
    },
  },
};
