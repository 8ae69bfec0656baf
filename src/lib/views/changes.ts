/**
 * What changed: every status change the state machine derives from the step
 * histories (status before and after each step), and every correction. Pure,
 * so /changes/, /changes.xml, the per-instrument feeds, the calendars and the
 * tests all read the same list. Nothing here is typed: a status change is
 * deriveStatus() over the history up to a step and up to the one before.
 */
import type { InstrumentData, STATIC_PAGES, Step } from '../../schemas';
import { type Entry, type Story, asOfDate, byId, getById } from '../story/story';
import { deriveStatus } from '../story/status';
import { claimDays } from '../story/queries';
import { dayRange } from '../util/dates';
import { formatDate, formatDateAlternatives } from '../util/format';
import { ACTION_LABELS } from '../story/status';
import { correctionsLog, correctionTarget } from '../story/corrections';
import { type SourceRef, sourceRefs } from '../story/sources';

/** When a change happened, as precisely as the sources say and no more. */
export interface ChangeWhen {
  /** The day or month as written ("2026-06-23", "2026-06"), or null when no source dates it. */
  date: string | null;
  /** Every day the sources give, when they disagree (two or more); else empty. */
  alternatives: string[];
  /** Earliest and latest day the change can have happened; null when unbounded. */
  first: string | null;
  last: string | null;
  /** "June 23 or 24, 2026 (sources differ)", "June 2026 (day not given)", "date not given (on or before April 22, 2026)". */
  label: string;
  /** Day used to place it in a list (its earliest possible day, else its latest, else the as-of day). */
  sortDay: string;
  /** Machine-readable value for <time>, when there is exactly one. */
  datetime: string | null;
}

export interface StatusChange {
  kind: 'status';
  /** Stable key, e.g. "status-hr-8283-2" (instrument id and 1-based step number). */
  key: string;
  instrument: string;
  shortName: string;
  name: string;
  step: number;
  action: string;
  actionLabel: string;
  before: string;
  after: string;
  text: string;
  when: ChangeWhen;
  /** The claim disputing the step's date, if any. */
  dateClaim: string | null;
  /** The event page that tells the step, if any. */
  event: string | null;
  sources: SourceRef[];
  /** Base-free path of the page the change shows on. */
  path: string;
}

export interface CorrectionChange {
  kind: 'correction';
  key: string;
  /** The page corrected, as a reader knows it. */
  pageTitle: string;
  path: string;
  hash: string | null;
  what: string;
  why: string;
  when: ChangeWhen;
  sources: SourceRef[];
}

export type Change = StatusChange | CorrectionChange;

/** The date of a step as a ChangeWhen. */
export function stepWhen(story: Story, step: Step): ChangeWhen {
  const asOf = asOfDate(story);
  if (step.dateClaim) {
    const days = claimDays(story, step.dateClaim);
    return {
      date: step.date,
      alternatives: days,
      first: days[0] ?? step.date,
      last: days.at(-1) ?? step.date,
      label: `${formatDateAlternatives(days)} (sources differ)`,
      sortDay: days[0] ?? asOf,
      datetime: null,
    };
  }
  if (step.date) {
    const range = dayRange(step.date);
    const month = range.first !== range.last;
    return {
      date: step.date,
      alternatives: [],
      first: range.first,
      last: range.last,
      label: month ? `${formatDate(step.date)} (day not given)` : formatDate(step.date),
      sortDay: range.first,
      datetime: step.date,
    };
  }
  return {
    date: null,
    alternatives: [],
    first: null,
    last: step.notAfter ?? null,
    label: step.notAfter ? `date not given (on or before ${formatDate(step.notAfter)})` : 'date not given',
    sortDay: step.notAfter ?? asOf,
    datetime: null,
  };
}

/** Every step of one instrument as a status change, in history order. */
export function instrumentChanges(story: Story, entry: Entry<InstrumentData>): StatusChange[] {
  const d = entry.data;
  return d.steps.map((step, i) => ({
    kind: 'status',
    key: `status-${entry.id}-${i + 1}`,
    instrument: entry.id,
    shortName: d.shortName,
    name: d.name,
    step: i + 1,
    action: step.action,
    actionLabel: ACTION_LABELS[step.action],
    before: deriveStatus({ ...d, steps: d.steps.slice(0, i) }).label,
    after: deriveStatus({ ...d, steps: d.steps.slice(0, i + 1) }).label,
    text: step.text,
    when: stepWhen(story, step),
    dateClaim: step.dateClaim ?? null,
    event: step.event ?? null,
    sources: sourceRefs(story, step.sources),
    path: `/tracker/${entry.id}/`,
  }));
}

/** The titles of the pages that show no single entry, as their headings give them. */
const STATIC_PAGE_TITLES: Record<(typeof STATIC_PAGES)[number], string> = {
  '/': 'Home page',
  '/timeline/': 'Timeline',
  '/tracker/': 'Policy tracker',
  '/campaigns/': 'The campaigns compared',
  '/markets/': 'Markets',
  '/events/': 'Events',
  '/disputes/': 'Where the sources disagree',
  '/actors/': 'Actors',
  '/sources/': 'Sources',
  '/method/': 'How this site works',
  '/data/': 'Data downloads',
};

/**
 * The title a reader knows a correction's page by: the entry's own name where
 * the page shows one, the dispute or source for an anchor on a list page,
 * else the page's heading. /corrections/, /changes/ and the feeds all use it.
 */
export function pageTitleOf(story: Story, path: string, hash: string | null): string {
  const m = /^\/(events|tracker|actors|campaigns)\/([^/]+)\/$/.exec(path);
  if (m) {
    const id = m[2] as string;
    if (m[1] === 'events') return byId(story.events, id)?.data.title ?? path;
    if (m[1] === 'tracker') return byId(story.instruments, id)?.data.name ?? path;
    if (m[1] === 'actors') return byId(story.actors, id)?.data.name ?? path;
    return byId(story.campaigns, id)?.data.name ?? path;
  }
  if (hash && path === '/disputes/') return `Dispute: ${byId(story.claims, hash)?.data.topic ?? hash}`;
  if (hash && path === '/sources/') return `Source: ${byId(story.sources, hash)?.data.label ?? hash}`;
  return (STATIC_PAGE_TITLES as Record<string, string>)[path] ?? path;
}

/** Every correction as a change. */
export function correctionChanges(story: Story): CorrectionChange[] {
  return correctionsLog(story).map((c) => {
    const target = correctionTarget(c.data.page);
    return {
      kind: 'correction',
      key: `correction-${c.id}`,
      pageTitle: pageTitleOf(story, target.path, target.hash),
      path: target.path,
      hash: target.hash,
      what: c.data.what,
      why: c.data.why,
      when: {
        date: c.data.date,
        alternatives: [],
        first: c.data.date,
        last: c.data.date,
        label: formatDate(c.data.date),
        sortDay: c.data.date,
        datetime: c.data.date,
      },
      sources: sourceRefs(story, c.data.sources ?? []),
    };
  });
}

/** Every status change and correction, newest first (by earliest possible day); ties by key. */
export function changes(story: Story): Change[] {
  return [...story.instruments.flatMap((i) => instrumentChanges(story, i)), ...correctionChanges(story)].sort(
    (a, b) => b.when.sortDay.localeCompare(a.when.sortDay) || a.key.localeCompare(b.key),
  );
}

/**
 * Whether a change may have happened on or after `since` ("YYYY-MM-DD"): its
 * latest possible day is not before it. A change known only to a month counts
 * if the month reaches the day; one with no date at all is always kept, since
 * the sources cannot rule it out. The /changes/ island filters by the same rule.
 */
export function changedSince(change: Change, since: string): boolean {
  return change.when.last === null || change.when.last >= since;
}

/** Title of a change in lists and feeds: "H.R. 8283: Passed committee" or "Correction: <page>". */
export function changeTitle(c: Change): string {
  return c.kind === 'status' ? `${c.shortName}: ${c.actionLabel}` : `Correction: ${c.pageTitle}`;
}

/** The instrument a status change belongs to (for pages that need more than the change). */
export function changeInstrument(story: Story, c: StatusChange): Entry<InstrumentData> {
  return getById(story.instruments, c.instrument, 'instrument');
}
