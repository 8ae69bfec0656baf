/**
 * The policy tracker's queries: one row per instrument with its derived
 * status, dated and sourced steps, what comes next and who is behind it; the
 * watchlist of signposts with their deadlines. Pure: pages, endpoints and
 * unit tests all call these; the instruments' downloads are built from these
 * rows (src/lib/outputs/datasets.ts), so what the table shows and what the
 * downloads carry cannot drift apart.
 */
import { InstrumentKindSchema, isRealDay, type Action, type CitationInput, type InstrumentData, type InstrumentKind, type QuestionData } from '../../schemas';
import { ACTION_LABELS, type Status } from '../story/status';
import { asOfDate, getById, type Entry, type Story } from '../story/story';
import { claimDays, claimsTouching, instrumentView } from '../story/queries';
import { deadlineOf, deadlineStart, type Deadline } from '../story/derive';
import { sortKey } from '../util/dates';
import { formatDate, formatDateAlternatives } from '../util/format';
import { INSTRUMENT_KIND_LABELS } from '../story/kinds';
import { type SourceRef, sourceRefs } from '../story/sources';
import { oncePer } from '../util/memo';

export { type SourceRef, sourceRefs };

export interface Sourced {
  text: string;
  sources: SourceRef[];
}

export interface StepView {
  action: Action;
  actionLabel: string;
  /** "April 22, 2026", "June 2026", "June 23 or 24, 2026", or "date not given". */
  dateLabel: string;
  /** Machine-readable day or month for <time>, when there is exactly one. */
  datetime: string | null;
  /** Why the date is missing or coarse, in the sources' terms. */
  dateNote: string | null;
  /** "on or before April 22, 2026", for steps whose own day is unknown. */
  notAfterLabel: string | null;
  /** The dispute over the step's date, with each source's answer. */
  dispute: { claim: string; topic: string; positions: Sourced[] } | null;
  text: string;
  event: string | null;
  sources: SourceRef[];
}

export interface PeopleGroup {
  /** "Sponsors", "Issued by", "Plaintiff", "Committee"… */
  label: string;
  actors: { id: string; name: string; party: string | null }[];
  /** Shown when the group is empty, e.g. "Not named in the sources". */
  none: string | null;
}

export interface TrackerRow {
  id: string;
  name: string;
  shortName: string;
  kind: InstrumentKind;
  kindLabel: string;
  summary: string;
  status: Status;
  /** Name of the current stage on the kind's track; null before the first step. */
  stageName: string | null;
  /** Slug of the current stage, for filters ("none" before the first step). */
  stageSlug: string;
  /** Days of the last dated action, two or more when the sources disagree. */
  lastActionDays: string[];
  lastActionLabel: string | null;
  /** Sort key of the last action: its earliest possible day, "" when there is none. */
  lastActionKey: string;
  steps: StepView[];
  /** Actions the process allows next, as labels. */
  possibleNext: string[];
  /** The next step the process allows, in words: "Filed or Withdrawn", "Nothing until H.R. 8283 becomes law…". */
  nextInProcess: string;
  /** What the sources say comes next. */
  next: Sourced[];
  /** Sourced facts about where it stands, each with the day it describes. */
  standing: (Sourced & { asOf: string; asOfLabel: string })[];
  people: PeopleGroup[];
  /** The bill that would create a proposed tool. */
  proposedIn: { id: string; shortName: string } | null;
  related: { id: string; shortName: string }[];
  /** Disputes touching the instrument. */
  claims: { id: string; topic: string }[];
  /** Signposts on the watchlist that concern it. */
  signposts: string[];
  /** Position in the default order (by kind, then short name). */
  order: number;
}

const KIND_ORDER: readonly InstrumentKind[] = InstrumentKindSchema.options;

/** "Passed House" → "passed-house"; "Agreed to / failed / withdrawn" → "agreed-to-failed-withdrawn". */
export function stageSlug(stage: string | null): string {
  if (stage === null) return 'none';
  return stage.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const sourced = (story: Story, items: { text: string; sources: CitationInput[] }[]): Sourced[] =>
  items.map((i) => ({ text: i.text, sources: sourceRefs(story, i.sources) }));

function stepView(story: Story, step: InstrumentData['steps'][number]): StepView {
  let dispute: StepView['dispute'] = null;
  let dateLabel = step.date ? formatDate(step.date) : 'date not given';
  let datetime = step.date;
  if (step.dateClaim) {
    const claim = getById(story.claims, step.dateClaim, 'claim');
    dateLabel = formatDateAlternatives(claimDays(story, step.dateClaim));
    datetime = null;
    dispute = {
      claim: claim.id,
      topic: claim.data.topic,
      positions: claim.data.positions.map((p) => ({ text: p.label, sources: sourceRefs(story, [p.source]) })),
    };
  }
  return {
    action: step.action,
    actionLabel: ACTION_LABELS[step.action],
    dateLabel,
    datetime,
    dateNote: step.dateNote ?? null,
    notAfterLabel: step.notAfter ? `on or before ${formatDate(step.notAfter)}` : null,
    dispute,
    text: step.text,
    event: step.event ?? null,
    sources: sourceRefs(story, step.sources),
  };
}

function people(story: Story, d: InstrumentData): PeopleGroup[] {
  const group = (label: string, ids: string[], none: string | null = null): PeopleGroup[] =>
    ids.length || none
      ? [
          {
            label,
            actors: ids.map((id) => {
              const a = getById(story.actors, id, 'actor');
              return { id, name: a.data.name, party: a.data.party ?? null };
            }),
            none,
          },
        ]
      : [];
  switch (d.kind) {
    case 'bill':
    case 'amendment':
      return [...group('Sponsors', d.sponsors, 'Not named in the sources'), ...group('Committee', d.committees, 'None named in the sources')];
    case 'executive-action':
      return group('Issued by', d.issuers, 'Not named in the sources');
    case 'designation':
      return [...group('Issued by', d.issuers, 'Not named in the sources'), ...group('Names', d.targets)];
    case 'lawsuit':
      return [...group('Plaintiff', d.issuers, 'Not named in the sources'), ...group('Defendant', d.targets, 'Not named in the sources')];
    case 'tool':
      return [...group('Issued by', d.issuers), ...group('Oversight committee', d.committees)];
  }
}

function nextInProcess(status: Status, proposedIn: string | null): string {
  if (status.ended) return `None: the process has ended (${status.label}).`;
  if (proposedIn && status.stage < 0) return `Nothing until ${proposedIn} becomes law, which would create it.`;
  return status.possibleNext.length ? status.possibleNext.join(' or ') : 'None the process allows.';
}

function row(story: Story, entry: Entry<InstrumentData>): Omit<TrackerRow, 'order'> {
  const d = entry.data;
  const view = instrumentView(story, entry);
  const { status } = view;
  const stageName = status.stage >= 0 ? (status.track[status.stage] ?? null) : null;
  const short = (id: string) => ({ id, shortName: getById(story.instruments, id, 'instrument').data.shortName });
  return {
    id: entry.id,
    name: d.name,
    shortName: d.shortName,
    kind: d.kind,
    kindLabel: INSTRUMENT_KIND_LABELS[d.kind],
    summary: d.summary,
    status,
    stageName,
    stageSlug: stageSlug(stageName),
    lastActionDays: view.lastActionDays,
    lastActionLabel: view.lastActionLabel,
    lastActionKey: view.lastActionDays.length ? view.lastActionDays.map(sortKey).sort()[0]! : '',
    steps: d.steps.map((s) => stepView(story, s)),
    possibleNext: status.possibleNext,
    nextInProcess: nextInProcess(status, d.proposedIn ? short(d.proposedIn).shortName : null),
    next: sourced(story, d.next),
    standing: d.standing.map((s) => ({ ...sourced(story, [s])[0]!, asOf: s.asOf, asOfLabel: formatDate(s.asOf) })),
    people: people(story, d),
    proposedIn: d.proposedIn ? short(d.proposedIn) : null,
    related: d.related.map(short),
    claims: claimsTouching(story, 'instruments', entry.id).map((c) => ({ id: c.id, topic: c.data.topic })),
    signposts: story.questions.filter((q) => q.data.kind === 'signpost' && q.data.instruments.includes(entry.id)).map((q) => q.id),
  };
}

/** Every instrument as a tracker row, in the default order: by kind (bills first), then short name. Built once per story. */
export const trackerRows: (story: Story) => readonly TrackerRow[] = oncePer((story: Story) =>
  story.instruments
    .map((e) => row(story, e))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.shortName.localeCompare(b.shortName))
    .map((r, order) => ({ ...r, order })),
);

const rowsById = oncePer((story: Story) => new Map(trackerRows(story).map((r) => [r.id, r])));

/** One tracker row by instrument id; throws on an unknown id. */
export function trackerRow(story: Story, id: string): TrackerRow {
  const found = rowsById(story).get(id);
  if (!found) throw new Error(`No instrument entry with id "${id}"`);
  return found;
}

export type TrackerSort = 'kind' | 'last-action';

/**
 * Rows in a view's order. "last-action": newest first, by the earliest day
 * the last action can have happened (so a month sorts at its first day and a
 * disputed day at its earlier option); rows with no action go last. Ties keep
 * the default order. The tracker island sorts the same way on the same keys.
 */
export function sortRows(rows: readonly TrackerRow[], sort: TrackerSort): TrackerRow[] {
  const byOrder = (a: TrackerRow, b: TrackerRow) => a.order - b.order;
  if (sort === 'kind') return [...rows].sort(byOrder);
  return [...rows].sort((a, b) => b.lastActionKey.localeCompare(a.lastActionKey) || byOrder(a, b));
}

export interface StageOption {
  value: string;
  /** "Filed (amendments, lawsuits)". */
  label: string;
  kinds: InstrumentKind[];
}

const KIND_PLURALS: Record<InstrumentKind, string> = {
  bill: 'bills',
  amendment: 'amendments',
  'executive-action': 'executive actions',
  designation: 'designations',
  lawsuit: 'lawsuits',
  tool: 'enforcement tools',
};

/**
 * The stage filter's options: every stage of every kind's track, once each
 * (a stage name two kinds share, like "Filed", is one option), plus "none"
 * for instruments with no recorded step.
 */
export function stageOptions(tracks: Record<InstrumentKind, string[]>): StageOption[] {
  const options = new Map<string, StageOption>();
  options.set('none', { value: 'none', label: 'No step recorded', kinds: [...KIND_ORDER] });
  for (const kind of KIND_ORDER) {
    for (const stage of tracks[kind]) {
      const value = stageSlug(stage);
      const option = options.get(value) ?? { value, label: stage, kinds: [] };
      option.kinds.push(kind);
      options.set(value, option);
    }
  }
  return [...options.values()].map((o) =>
    o.value === 'none' ? o : { ...o, label: `${o.label} (${o.kinds.map((k) => KIND_PLURALS[k]).join(', ')})` },
  );
}

/**
 * The build day, against which deadlines are judged: BUILD_DATE=YYYY-MM-DD
 * when given (tests pin it), else the current UTC day. A malformed value
 * fails the build rather than silently falling back.
 */
export function buildDay(value: string | undefined = process.env.BUILD_DATE, now: Date = new Date()): string {
  if (value === undefined || value === '') return now.toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || !isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new Error(`BUILD_DATE="${value}" is not a real day in the form YYYY-MM-DD`);
  }
  return value;
}

export interface WatchItem {
  id: string;
  question: string;
  detail: string;
  deadline: Deadline;
  /** The source's own framing of the deadline, e.g. "within the next ninety days". */
  deadlineWording: string | null;
  /** Computed deadline day, e.g. "September 22, 2026", with how it was counted. */
  deadlineLabel: string | null;
  deadlineBasis: string | null;
  deadlineSources: SourceRef[];
  /** Short state for a badge, e.g. "Deadline passed, no outcome recorded". */
  stateLabel: string;
  /** The state in a sentence, as of the newest source. */
  stateText: string;
  outcome: Sourced | null;
  sources: SourceRef[];
  instruments: { id: string; shortName: string }[];
}

const STATE_LABELS: Record<Deadline['state'], string> = {
  'no-deadline': 'No outcome recorded',
  undated: 'No outcome recorded',
  open: 'Open',
  'passed-no-outcome': 'Deadline passed, no outcome recorded',
  'outcome-recorded': 'Outcome recorded',
};


function watchItem(story: Story, entry: Entry<QuestionData>, asOf: string, today: string): WatchItem {
  const q = entry.data;
  const start = deadlineStart(story, q);
  const deadline = deadlineOf(q, asOf, today, start?.day);
  const asOfLabel = formatDate(asOf);
  const dl = q.deadline;
  const deadlineLabel = deadline.date ? formatDate(deadline.date) : null;
  const deadlineBasis =
    start && dl?.days !== undefined ? `${start.label} + ${dl.days} days${dl.fromNote ? `. ${dl.fromNote}` : ''}` : null;
  const stateText = {
    'outcome-recorded': `Outcome recorded${q.outcome ? ` on ${formatDate(q.outcome.date)}` : ''}.`,
    open: `Open: no outcome recorded as of ${asOfLabel}; the deadline, ${deadlineLabel}, has not yet passed.`,
    'passed-no-outcome': `The deadline, ${deadlineLabel}, has passed. The sources end on ${asOfLabel} and record no outcome, so this site cannot say whether it was met.`,
    undated: `No outcome recorded as of ${asOfLabel}. The source gives no calendar date for the deadline, so it is not in the calendar: the site does not guess one.`,
    'no-deadline': `No outcome recorded as of ${asOfLabel}. No source sets a deadline.`,
  }[deadline.state];
  return {
    id: entry.id,
    question: q.question,
    detail: q.detail,
    deadline,
    deadlineWording: dl?.wording ?? null,
    deadlineLabel,
    deadlineBasis,
    deadlineSources: dl ? sourceRefs(story, dl.sources) : [],
    stateLabel: STATE_LABELS[deadline.state],
    stateText,
    outcome: q.outcome ? { text: q.outcome.text, sources: sourceRefs(story, q.outcome.sources) } : null,
    sources: sourceRefs(story, q.sources),
    instruments: q.instruments.map((id) => ({ id, shortName: getById(story.instruments, id, 'instrument').data.shortName })),
  };
}

/**
 * The signposts to watch, each with its deadline state as of the newest
 * source, judged against `today` (the build day). Order: computed deadlines
 * first (soonest first), then deadlines without a calendar date, then the rest.
 */
export function watchlist(story: Story, today: string): WatchItem[] {
  const asOf = asOfDate(story);
  const rank = (w: WatchItem) => (w.deadline.date ? 0 : w.deadlineWording ? 1 : 2);
  return story.questions
    .filter((q) => q.data.kind === 'signpost')
    .map((q) => watchItem(story, q, asOf, today))
    .sort((a, b) => rank(a) - rank(b) || (a.deadline.date ?? '').localeCompare(b.deadline.date ?? '') || a.question.localeCompare(b.question));
}
