/**
 * Shared queries over the story. Pages call these instead of filtering
 * collections themselves, so a rule (what counts as disputed, which claims
 * touch a page) lives in one place.
 */
import type { ClaimData, EventData, InstrumentData } from '../../schemas';
import { type Entry, type Story, byId, citation, type Citation } from './story';
import { groupByMonth, sortKey } from '../util/dates';
import { formatDate, formatDateAlternatives } from '../util/format';
import { deriveStatus, type Status } from './status';
import { oncePer } from '../util/memo';

/**
 * Events in date order; a month sorts at its first day, ties by title.
 * Computed once per story: every event page asks for it (previous and next
 * links), and sorting on each page made a 10,000-event build quadratic.
 */
export const eventsByDate: (story: Story) => readonly Entry<EventData>[] = oncePer((story: Story) =>
  Object.freeze([...story.events].sort((a, b) => sortKey(a.data.date).localeCompare(sortKey(b.data.date)) || a.data.title.localeCompare(b.data.title))),
);

const positionsOf = oncePer((story: Story) => new Map(eventsByDate(story).map((e, i) => [e.id, i])));

/** The events before and after one in date order (the pager on event pages), found through an index built once per story. */
export function eventNeighbours(story: Story, id: string): { prev?: Entry<EventData>; next?: Entry<EventData> } {
  const ordered = eventsByDate(story);
  const i = positionsOf(story).get(id);
  if (i === undefined) throw new Error(`No event with id "${id}"`);
  return { prev: ordered[i - 1], next: ordered[i + 1] };
}

/**
 * Above this many events /events/ lists the months, and each month has a page
 * of its own (/events/month/YYYY-MM/): one page of every event's summary grew
 * with the story (3 MB of HTML at 6,000 events).
 */
export const EVENT_LIST_BY_MONTH_ABOVE = 400;

export interface EventMonth {
  /** "2026-06" */
  month: string;
  /** "June 2026" */
  label: string;
  events: Entry<EventData>[];
  /** Number of the month's first event in the whole list, 1-based. */
  start: number;
}

/** Events by the month of their (first) date, in date order; computed once per story. */
export const eventMonths: (story: Story) => EventMonth[] = oncePer((story: Story) =>
  groupByMonth(eventsByDate(story), (e) => sortKey(e.data.date)).map(({ key, items, start }) => ({ month: key, label: formatDate(key), events: items, start })),
);

/** Whether /events/ is split into month pages (see EVENT_LIST_BY_MONTH_ABOVE). */
export function eventListByMonth(story: Story): boolean {
  return story.events.length > EVENT_LIST_BY_MONTH_ABOVE;
}

export type Touchable = 'events' | 'campaigns' | 'instruments' | 'actors';

/**
 * Claims that touch an entry: those the entry lists and those that list it.
 * Either direction is enough, so nobody has to keep both sides in step.
 */
export function claimsTouching(story: Story, kind: Touchable, id: string): Entry<ClaimData>[] {
  const own = new Set<string>();
  const entry = byId(story[kind] as Entry<{ claims?: string[] }>[], id);
  entry?.data.claims?.forEach((c) => own.add(c));
  return story.claims.filter((c) => own.has(c.id) || c.data[kind].includes(id));
}

/** The days a disputed date could be, from its claim's dated positions. */
export function claimDays(story: Story, claimId: string): string[] {
  const claim = byId(story.claims, claimId);
  return (claim?.data.positions ?? [])
    .map((p) => p.value)
    .filter((v): v is string => typeof v === 'string')
    .sort();
}

/** Reader-facing date of an event: a range, a month, or the disputed alternatives. */
export function eventDateLabel(story: Story, e: EventData): string {
  if (e.dateClaim) return formatDateAlternatives(claimDays(story, e.dateClaim));
  if (e.endDate) return `${formatDate(e.date)} – ${formatDate(e.endDate)}`;
  return formatDate(e.date);
}

export interface Standing {
  alleged: boolean;
  allegedBy: string | null;
  disputed: boolean;
  /** "Alleged", "Disputed", "Alleged · Disputed" or "Reported". */
  label: string;
}

/**
 * How firmly an event stands: alleged (one party's claim), disputed (sources
 * disagree on part of it) or reported (the cited sources report it without
 * dispute).
 */
export function standingOf(story: Story, event: Entry<EventData>): Standing {
  const allegedBy = event.data.allegedBy ?? null;
  const disputed = claimsTouching(story, 'events', event.id).length > 0;
  const parts = [allegedBy ? 'Alleged' : null, disputed ? 'Disputed' : null].filter(Boolean);
  return { alleged: allegedBy !== null, allegedBy, disputed, label: parts.length ? parts.join(' · ') : 'Reported' };
}

/** Resolved citations, each with its source entry. */
export function resolveCitations(story: Story, cites: (string | Citation)[]) {
  return cites.map((c) => {
    const cite = citation(c);
    const source = byId(story.sources, cite.source);
    if (!source) throw new Error(`Unknown source "${cite.source}"`);
    return { ...cite, entry: source };
  });
}

/** Every place a source is cited: events directly, and other entries anywhere in their data. */
export function usesOfSource(story: Story, sourceId: string) {
  const cites = (value: unknown): boolean => JSON.stringify(value).includes(`"${sourceId}"`);
  return {
    events: eventsByDate(story).filter((e) => e.data.sources.some((c) => citation(c).source === sourceId)),
    campaigns: story.campaigns.filter((e) => cites(e.data)),
    instruments: story.instruments.filter((e) => cites(e.data)),
    claims: story.claims.filter((e) => e.data.positions.some((p) => citation(p.source).source === sourceId)),
    questions: story.questions.filter((e) => cites(e.data)),
  };
}

export interface InstrumentView {
  entry: Entry<InstrumentData>;
  status: Status;
  /** Days of the last dated action (two or more when the sources disagree). */
  lastActionDays: string[];
  lastActionLabel: string | null;
}

export function instrumentView(story: Story, entry: Entry<InstrumentData>): InstrumentView {
  const status = deriveStatus(entry.data);
  const dated = [...entry.data.steps].reverse().find((s) => s.date !== null || s.dateClaim);
  let lastActionDays: string[] = [];
  let lastActionLabel: string | null = null;
  if (dated?.dateClaim) {
    lastActionDays = claimDays(story, dated.dateClaim);
    lastActionLabel = `${formatDateAlternatives(lastActionDays)} (sources differ)`;
  } else if (dated?.date) {
    lastActionDays = [dated.date];
    lastActionLabel = formatDate(dated.date);
  }
  return { entry, status, lastActionDays, lastActionLabel };
}

/** Everything an actor appears in. */
export function actorAppearances(story: Story, actorId: string) {
  return {
    events: eventsByDate(story).filter((e) => e.data.actors.includes(actorId) || e.data.allegedBy === actorId),
    campaigns: story.campaigns.filter((c) => c.data.operators.includes(actorId) || c.data.attributedBy === actorId),
    instruments: story.instruments.filter((i) =>
      [...i.data.sponsors, ...i.data.issuers, ...i.data.committees, ...i.data.targets].includes(actorId),
    ),
    members: story.actors.filter((a) => a.data.memberOf === actorId),
    claims: claimsTouching(story, 'actors', actorId),
  };
}
