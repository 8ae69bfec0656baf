/**
 * Cross-entry checks that a per-file schema cannot make: every id points at an
 * entry that exists, every source an event body cites is in its source list,
 * disputed dates match their claim, and every instrument history is possible.
 * Errors name the file and the field; all of them are reported at once.
 */
import type { CollectionName, Entry, Story } from './story';
import { citedInBody } from './story';
import { deriveStatus, HistoryError } from './status';
import { figureRefs, resolveFigure, typedFigures } from './figures';
import { correctionTarget } from './corrections';
import { deadlineStart } from '../views/tracker';

export class ContentIntegrityError extends Error {
  constructor(readonly problems: string[]) {
    super(`Content has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentIntegrityError';
  }
}

type Ref = [field: string, id: string | undefined, target: CollectionName];

/** Every citation in an entry, found by walking its data for `sources` and `source` fields. */
function citationRefs(value: unknown, path: string, out: Ref[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => citationRefs(v, `${path}[${i}]`, out));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (key === 'sources' && Array.isArray(v)) {
      v.forEach((c, i) => out.push([`${field}[${i}]`, typeof c === 'string' ? c : (c as { source: string }).source, 'sources']));
    } else if (key === 'source') {
      out.push([field, typeof v === 'string' ? v : (v as { source: string }).source, 'sources']);
    } else {
      citationRefs(v, field, out);
    }
  }
}

const list = (field: string, ids: string[], target: CollectionName): Ref[] =>
  ids.map((id, i) => [`${field}[${i}]`, id, target] as Ref);

/** The id references each collection makes, besides citations. */
function refsOf(collection: CollectionName, entry: Entry<any>): Ref[] {
  const d = entry.data;
  switch (collection) {
    case 'events':
      return [
        ...list('actors', d.actors, 'actors'),
        ...list('campaigns', d.campaigns, 'campaigns'),
        ...list('instruments', d.instruments, 'instruments'),
        ...list('claims', d.claims, 'claims'),
        ['allegedBy', d.allegedBy, 'actors'],
        ['dateClaim', d.dateClaim, 'claims'],
      ];
    case 'actors':
      return [['memberOf', d.memberOf, 'actors']];
    case 'campaigns':
      return [
        ...list('operators', d.operators, 'actors'),
        ['attributedBy', d.attributedBy, 'actors'],
        ['disclosure', d.disclosure, 'events'],
        ...list('aggregateOf', d.aggregateOf, 'campaigns'),
        ['accounts.claim', d.accounts.claim, 'claims'],
        ['exchanges.claim', d.exchanges.claim, 'claims'],
      ];
    case 'instruments':
      return [
        ...list('sponsors', d.sponsors, 'actors'),
        ...list('issuers', d.issuers, 'actors'),
        ...list('committees', d.committees, 'actors'),
        ...list('targets', d.targets, 'actors'),
        ['proposedIn', d.proposedIn, 'instruments'],
        ...list('related', d.related, 'instruments'),
        ...d.steps.flatMap((s: { event?: string; dateClaim?: string }, i: number): Ref[] => [
          [`steps[${i}].event`, s.event, 'events'],
          [`steps[${i}].dateClaim`, s.dateClaim, 'claims'],
        ]),
      ];
    case 'claims':
      return [
        ...list('events', d.events, 'events'),
        ...list('campaigns', d.campaigns, 'campaigns'),
        ...list('instruments', d.instruments, 'instruments'),
        ...list('actors', d.actors, 'actors'),
      ];
    case 'series':
      return [['subject', d.subject, 'actors']];
    case 'questions':
      return [
        ...list('actors', d.actors, 'actors'),
        ...list('instruments', d.instruments, 'instruments'),
        ...list('campaigns', d.campaigns, 'campaigns'),
      ];
    case 'sources':
      return [];
    case 'corrections': {
      const target = correctionTarget(d.page).entry;
      return target ? [[typeof d.page === 'string' ? 'page' : 'page.id', target.id, target.collection]] : [];
    }
  }
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
  const ids = Object.fromEntries(
    (Object.keys(story) as CollectionName[]).map((name) => [name, new Set(story[name].map((e) => e.id))]),
  ) as Record<CollectionName, Set<string>>;

  for (const collection of Object.keys(story) as CollectionName[]) {
    for (const entry of story[collection] as Entry<any>[]) {
      const at = (field: string) => `${entry.filePath} → ${field}`;
      const refs = refsOf(collection, entry);
      citationRefs(entry.data, '', refs);
      for (const [field, id, target] of refs) {
        if (id !== undefined && !ids[target].has(id)) {
          problems.push(`${at(field)}: unknown ${target.replace(/s$/, '')} "${id}"`);
        }
      }
    }
  }

  for (const event of story.events) {
    const listed = new Set(event.data.sources.map((c) => (typeof c === 'string' ? c : c.source)));
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
