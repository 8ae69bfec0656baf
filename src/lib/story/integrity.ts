/**
 * Cross-entry checks that a per-file schema cannot make: every id points at an
 * entry that exists, every source an event body cites is in its source list,
 * disputed dates match their claim, and every instrument history is possible.
 * Errors name the file and the field; all of them are reported at once.
 */
import { COLLECTION_NAMES, COLLECTIONS, type RefResolver } from '../../schemas';
import type { CollectionName, Entry, Story } from './story';
import { citation, citedInBody } from './story';
import { citationsIn } from './citations';
import { deriveStatus, HistoryError } from './status';
import { figureRefs, resolveFigure, typedFigures } from './figures';
import { deadlineStart } from './derive';

export class ContentIntegrityError extends Error {
  constructor(readonly problems: string[]) {
    super(`Content has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentIntegrityError';
  }
}

type Ref = [field: string, id: string | undefined, target: string];

/**
 * The ids a value holds at a dotted field path ("steps.event"), each with its
 * field as problems name it ("steps[2].event"): list items are walked
 * through, and a missing or null value holds none.
 */
function idsAt(value: unknown, path: readonly string[], field: string): [field: string, value: unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => idsAt(v, path, `${field}[${i}]`));
  if (path.length === 0) return value === undefined || value === null ? [] : [[field, value]];
  if (value === null || typeof value !== 'object') return [];
  const [key, ...rest] = path as [string, ...string[]];
  return idsAt((value as Record<string, unknown>)[key], rest, field ? `${field}.${key}` : key);
}

/** The id references an entry makes, besides citations: the reference fields its collection declares (COLLECTIONS). */
function refsOf(collection: CollectionName, entry: Entry<unknown>): Ref[] {
  return Object.entries(COLLECTIONS[collection].refs as Record<string, string | RefResolver>).flatMap(([path, target]) =>
    idsAt(entry.data, path.split('.'), '').flatMap(([field, value]): Ref[] => {
      if (typeof target === 'string') return [[field, value as string, target]];
      const named = target(value as never);
      return named ? [[named.field, named.id, named.collection]] : [];
    }),
  );
}

/** A claim's dated positions, earliest first. */
function claimDates(story: Story, claimId: string): string[] {
  const claim = story.claims.find((c) => c.id === claimId);
  if (!claim) return [];
  return claim.data.positions
    .map((p) => p.value)
    .filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
    .sort();
}

/** Returns every problem found; an empty list means the story holds together. */
export function findProblems(story: Story): string[] {
  const problems: string[] = [];
  const ids = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, new Set(story[name].map((e) => e.id))])) as Record<CollectionName, Set<string>>;

  for (const collection of COLLECTION_NAMES) {
    for (const entry of story[collection] as Entry<unknown>[]) {
      const at = (field: string) => `${entry.filePath} → ${field}`;
      const refs = [...refsOf(collection, entry), ...citationsIn(entry.data).map((c): Ref => [c.field, c.source, 'sources'])];
      for (const [field, id, target] of refs) {
        if (id !== undefined && !ids[target as CollectionName].has(id)) {
          problems.push(`${at(field)}: unknown ${target.replace(/s$/, '')} "${id}"`);
        }
      }
    }
  }

  for (const event of story.events) {
    const listed = new Set(event.data.sources.map((c) => citation(c).source));
    for (const cited of citedInBody(event.body)) {
      if (!ids.sources.has(cited)) problems.push(`${event.filePath} → body: <Cite s="${cited}"> names an unknown source`);
      else if (!listed.has(cited)) problems.push(`${event.filePath} → body: cites "${cited}", which is missing from sources`);
    }
    for (const [field, text] of [['summary', event.data.summary], ['body', event.body ?? '']] as const) {
      for (const ref of figureRefs(text)) {
        try {
          resolveFigure(story, ref);
        } catch (e) {
          problems.push(`${event.filePath} → ${field}: ${(e as Error).message}`);
        }
      }
      for (const typed of typedFigures(text)) {
        problems.push(`${event.filePath} → ${field}: "${typed}" is typed by hand; quote it from its data entry with {{ref}} or <Fig of="ref" />`);
      }
    }
    if (event.data.dateClaim) {
      const dates = claimDates(story, event.data.dateClaim);
      if (dates.length < 2) {
        problems.push(`${event.filePath} → dateClaim: claim "${event.data.dateClaim}" needs at least two dated positions`);
      } else if (dates[0] !== event.data.date) {
        problems.push(`${event.filePath} → date: a disputed date is placed at the earliest position (${dates[0]}), not ${event.data.date}`);
      }
    }
  }

  for (const instrument of story.instruments) {
    try {
      deriveStatus(instrument.data);
    } catch (e) {
      if (e instanceof HistoryError) problems.push(`${instrument.filePath} → ${e.message}`);
      else throw e;
    }
    instrument.data.steps.forEach((step, i) => {
      if (!step.dateClaim) return;
      const dates = claimDates(story, step.dateClaim);
      if (dates.length >= 2 && dates[0] !== step.date) {
        problems.push(`${instrument.filePath} → steps[${i}].date: a disputed date is placed at the earliest position (${dates[0]}), not ${step.date}`);
      }
    });
  }

  for (const question of story.questions) {
    // An unknown instrument is already named by the reference check above.
    const from = question.data.deadline?.fromStep?.instrument;
    if (from !== undefined && !ids.instruments.has(from)) continue;
    try {
      deadlineStart(story, question.data);
    } catch (e) {
      problems.push(`${question.filePath} → ${(e as Error).message}`);
    }
  }

  for (const campaign of story.campaigns) {
    if (campaign.data.aggregateOf.includes(campaign.id)) {
      problems.push(`${campaign.filePath} → aggregateOf: a campaign cannot total itself`);
    }
  }
  return problems;
}

/** Throws a ContentIntegrityError listing every problem, or returns the story unchanged. */
export function assertIntegrity(story: Story): Story {
  const problems = findProblems(story);
  if (problems.length) throw new ContentIntegrityError(problems);
  return story;
}
