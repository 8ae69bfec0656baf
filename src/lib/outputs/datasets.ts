/**
 * The data downloads: /data/{events,campaigns,sources,claims}.{json,csv}.
 * Pure row builders over the Story, shared by the endpoints, the data
 * dictionary (/data/) and the tests. Each dataset declares its columns once
 * (name, type, description); the rows are built with exactly those keys, the
 * CSV header is those names and the dictionary page lists those descriptions,
 * so the files and their documentation cannot drift apart.
 *
 * Conventions, shared with /data/instruments.* (src/lib/views/tracker.ts):
 * snake_case names; figures exactly as the content gives them (integers, with
 * the qualifier in its own column; null, or an empty CSV field, when not
 * disclosed, never 0); derived figures only from src/lib/story/derive.ts, marked
 * derived and with a formula column; every row carries its source ids; CSV is
 * RFC 4180 with a header row and CRLF line ends, lists joined with "; ".
 */
import type { CampaignData, ClaimData, Count, EventData, SourceData } from '../../schemas';
import { type Entry, type Story, asOfDate, citation, getById } from '../story/story';
import { claimDays, claimsTouching, eventDateLabel, eventsByDate, standingOf } from '../story/queries';
import { type Derived, exchangesPerAccount, exchangesPerDay, exchangesPerDayBetween, windowLength } from '../story/derive';
import { fillFigures } from '../story/figures';
import { precisionOf } from '../util/dates';
import { KIND_LABELS } from '../story/kinds';
import { sourceNumber } from '../story/sources';
import { campaignsInOrder } from '../views/campaigns';
import { lastUpdated } from '../story/corrections';
import { type InstrumentExport, CSV_COLUMNS as INSTRUMENT_CSV_COLUMNS } from '../views/tracker';
import { csvText } from '../util/csv';

/** A value in a row: lists stay lists in JSON and become "a; b" in CSV. */
export type Cell = string | number | boolean | null | string[];

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'url' | 'list';

export interface Column {
  name: string;
  type: ColumnType;
  /** May the value be null (an empty CSV field)? */
  nullable: boolean;
  /** True for figures computed by src/lib/story/derive.ts rather than reported. */
  derived: boolean;
  description: string;
  /** For a date column: true when a value may be a month ("YYYY-MM") rather than a day. */
  partial?: boolean;
}

const col = (name: string, type: ColumnType, description: string, opts: { nullable?: boolean; derived?: boolean; partial?: boolean } = {}): Column => ({
  name,
  type,
  nullable: opts.nullable ?? false,
  derived: opts.derived ?? false,
  description,
  ...(opts.partial ? { partial: true } : {}),
});

/** One exported row: column name → cell. */
export type Row = Record<string, Cell>;

/** Turns a site path into the URL written into the files (the endpoints pass an absolute one). */
export type Linker = (path: string) => string;

export type DatasetId = 'events' | 'campaigns' | 'instruments' | 'sources' | 'claims';

export interface Dataset {
  id: DatasetId;
  title: string;
  /** What one row is. */
  rowIs: string;
  description: string;
  columns: Column[];
}

/** The licence of the compiled data, stated on /data/ and in every JSON file. */
export const DATA_LICENCE = {
  name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  id: 'CC-BY-4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'The Distillation Files',
  text:
    'The compilation (the selection and arrangement of facts, the identifiers, the derived figures and the wording written for this site) ' +
    'is licensed under CC BY 4.0: reuse it freely, with credit to "The Distillation Files" and a link to the data page. ' +
    'The articles it cites belong to their publishers and are not licensed here; the data quotes them only in short excerpts ' +
    '(the wording of positions and attributions) and links to the originals. Figures about the campaigns are Anthropic\'s allegations, ' +
    'not verified findings.',
} as const;

const SOURCES_NOTE = 'Ids of the sources (see sources.csv), in the order the content lists them.';

/** Columns of events.csv / events.json, in order. */
export const EVENT_COLUMNS: Column[] = [
  col('id', 'string', 'Identifier of the event: the file name in content/events and the last part of its page address.'),
  col('title', 'string', 'Headline, in our words.'),
  col('date', 'date', 'Day ("YYYY-MM-DD") or, when the sources give only the month, month ("YYYY-MM"). For a disputed date, the earliest day any source gives.', { partial: true }),
  col('date_precision', 'string', '"day" or "month": how precisely the sources date the event.'),
  col('end_date', 'date', 'Last day (or month) of a span, in the same form as date.', { nullable: true, partial: true }),
  col('date_disputed', 'boolean', 'True when the sources give different days (see date_alternatives and claims.csv).'),
  col('date_alternatives', 'list', 'Every day the sources give, when they disagree; empty otherwise.'),
  col('date_label', 'string', 'The date as the event page shows it, e.g. "June 23 or 24, 2026" or "February 2026".'),
  col('date_note', 'string', 'What the date stands for, where that is not plain, e.g. the month of the coverage that reports an undated announcement.', { nullable: true }),
  col('kind', 'string', 'Kind of event: disclosure, report, activity, policy, legislation, hearing, litigation, lobbying or market.'),
  col('kind_label', 'string', 'The kind as the pages name it.'),
  col('summary', 'string', 'One-sentence summary in our words, with figures filled in from their data entries.'),
  col('standing', 'string', '"Alleged", "Disputed", "Alleged · Disputed" or "Reported", as the badges on the pages.'),
  col('alleged_by', 'string', 'Id of the actor (actors on the site) who alleges the event, when it is an allegation.', { nullable: true }),
  col('actors', 'list', 'Ids of the companies, agencies and people involved.'),
  col('campaigns', 'list', 'Ids of the campaigns the event concerns (campaigns.csv).'),
  col('instruments', 'list', 'Ids of the policy instruments the event concerns (instruments.csv).'),
  col('claims', 'list', 'Ids of the disputes touching the event (claims.csv).'),
  col('sources', 'list', SOURCES_NOTE),
  col('source_credits', 'list', 'Whom a source credits for the event, as "source-id: credited outlet", where it credits someone.'),
  col('url', 'url', 'Address of the event page.'),
  col('last_updated', 'date', 'The page\'s "last updated" day: the newest of its sources\' publication days, the dates it records and any correction to it.'),
];

/** A reported count's columns: value, qualifier, wording, note, claim and sources. */
const countColumns = (metric: 'accounts' | 'exchanges', what: string): Column[] => [
  col(metric, 'integer', `${what} as the sources give it, as an exact whole number (28.8 million is 28800000). Empty / null when not disclosed; never 0 in its place.`, { nullable: true }),
  col(`${metric}_qualifier`, 'string', 'How the sources qualify the figure: as-stated, about, over or nearly. Empty when the figure is not disclosed.', { nullable: true }),
  col(`${metric}_wording`, 'string', 'The words the sources use for the unit.', { nullable: true }),
  col(`${metric}_note`, 'string', 'Why the figure is unknown, or how it was reported.', { nullable: true }),
  col(`${metric}_claim`, 'string', 'Id of the dispute over this figure (claims.csv), if the sources disagree.', { nullable: true }),
  col(`${metric}_sources`, 'list', `Ids of the sources for this figure.`),
];

/** A derived figure's columns: value (rounded to 2 decimals, as the pages' tables show it), formula, approximate. */
const derivedColumns = (name: string, what: string): Column[] => [
  col(name, 'number', `Derived: ${what}, rounded to two decimals as the pages show it. Empty / null when an input is not disclosed.`, { nullable: true, derived: true }),
  col(`${name}_formula`, 'string', `Derived: how ${name} was computed, with its inputs.`, { nullable: true, derived: true }),
  col(`${name}_approximate`, 'boolean', `Derived: true when an input is approximate ("about", "over", "nearly"), so ${name} is too.`, { nullable: true, derived: true }),
];

/** Columns of campaigns.csv / campaigns.json, in order. */
export const CAMPAIGN_COLUMNS: Column[] = [
  col('id', 'string', 'Identifier of the campaign.'),
  col('name', 'string', 'Name, in our words.'),
  col('label', 'string', 'Short label used in the charts.'),
  col('combined', 'boolean', 'True for a combined figure that totals other campaigns (see aggregate_of).'),
  col('aggregate_of', 'list', 'For a combined figure, the ids of the campaigns it totals.'),
  col('operators', 'list', 'Ids of the actors the campaign is attributed to.'),
  col('attributed_by', 'string', 'Id of the actor who makes the attribution (Anthropic). Every figure in this row is that actor\'s allegation.'),
  col('disclosure_event', 'string', 'Id of the event at which the campaign was disclosed (events.csv).'),
  col('disclosure_date', 'date', 'Date of that event (a day, or a month when the sources give only the month).', { partial: true }),
  col('window_start', 'date', 'First day of activity, when the sources give it.', { nullable: true }),
  col('window_end', 'date', 'Last day of activity, when the sources give it.', { nullable: true }),
  col('window_sources', 'list', 'Ids of the sources for the activity window.'),
  col('window_days_between', 'integer', 'Derived: days from window_start to window_end, the last day not counted (April 22 to June 5 is 44).', { nullable: true, derived: true }),
  col('window_days_inclusive', 'integer', 'Derived: days of activity counting both the first and the last day (45).', { nullable: true, derived: true }),
  col('window_days_formula', 'string', 'Derived: how the two day counts were computed.', { nullable: true, derived: true }),
  ...countColumns('accounts', 'Number of fraudulent accounts'),
  ...countColumns('exchanges', 'Number of exchanges with Claude (also reported as interactions, messages or calls)'),
  ...derivedColumns('exchanges_per_account', 'exchanges ÷ accounts'),
  ...derivedColumns('exchanges_per_day', 'exchanges ÷ days of activity, counting both the first and the last day'),
  ...derivedColumns('exchanges_per_day_between', 'exchanges ÷ days between the first and the last day (the last day not counted)'),
  col('capabilities', 'list', 'Capabilities the campaign is said to have targeted.'),
  col('claims', 'list', 'Ids of the disputes touching the campaign (claims.csv).'),
  col('sources', 'list', SOURCES_NOTE),
  col('url', 'url', 'Address of the campaign page.'),
  col('as_of', 'date', 'The "as of" day of every figure: the newest source\'s publication day.'),
];

/** Columns of sources.csv / sources.json, in order. */
export const SOURCE_COLUMNS: Column[] = [
  col('id', 'string', 'Identifier of the source, used in every other file\'s sources column.'),
  col('number', 'integer', 'The source\'s number on the site ([1], [2]…), in the order of the seed files.'),
  col('title', 'string', 'The article\'s headline as published.', { nullable: true }),
  col('label', 'string', 'Short name used in "Source:" lines.'),
  col('publisher', 'string', 'Publishing outlet, when the article names one.', { nullable: true }),
  col('author', 'string', 'Byline, when there is one.', { nullable: true }),
  col('author_type', 'string', 'How the publisher describes the byline, when it does.', { nullable: true }),
  col('published', 'date', 'Publication day, when the article carries one.', { nullable: true }),
  col('published_note', 'string', 'What the article says about its date, when it carries none.', { nullable: true }),
  col('article_url', 'url', 'Address of the original article, when the copy we hold gives one.', { nullable: true }),
  col('kind', 'string', 'news-report, analysis or primary-document.'),
  col('seed_file', 'string', 'File name of the copy in the project\'s seed folder, for provenance.'),
  col('credits', 'list', 'Outlets and documents the article itself credits.'),
  col('description', 'string', 'What the article is, in our words.'),
  col('cited_by_events', 'list', 'Ids of the events that cite the source (events.csv).'),
  col('url', 'url', 'Address of the source\'s entry on the sources page.'),
];

/** Columns of claims.csv / claims.json, in order: one row per position. */
export const CLAIM_COLUMNS: Column[] = [
  col('claim_id', 'string', 'Identifier of the dispute. A dispute has one row per position, so it spans two or more rows.'),
  col('question', 'string', 'The disputed question, phrased neutrally.'),
  col('topic', 'string', 'One-line topic.'),
  col('position', 'integer', 'Number of this position within the dispute, from 1.'),
  col('position_count', 'integer', 'How many positions the dispute has.'),
  col('label', 'string', 'Short label of the position, e.g. "June 23, 2026".'),
  col('wording', 'string', 'What the source says: a short quotation when quote is true, else our paraphrase.'),
  col('quote', 'boolean', 'True when wording is a quotation from the source.'),
  col('value_date', 'date', 'The day this position gives, when the dispute is about a date.', { nullable: true }),
  col('value_number', 'number', 'The number this position gives, when the dispute is about a number.', { nullable: true }),
  col('source', 'string', 'Id of the source that takes this position.'),
  col('source_credits', 'string', 'Whom that source credits for it, if anyone.', { nullable: true }),
  col('source_note', 'string', 'Where in the source, or how it puts it.', { nullable: true }),
  col('handling', 'string', 'What the site does about the dispute. The site does not settle disputes.'),
  col('events', 'list', 'Ids of the events the dispute touches.'),
  col('campaigns', 'list', 'Ids of the campaigns the dispute touches.'),
  col('instruments', 'list', 'Ids of the instruments the dispute touches.'),
  col('actors', 'list', 'Ids of the actors the dispute touches.'),
  col('url', 'url', 'Address of the dispute on the disputes page.'),
];

/**
 * Columns of /data/instruments.csv, whose rows src/lib/views/tracker.ts builds.
 * Typed by that module's column list, so a new column there fails the type
 * check here until it is documented.
 */
export const INSTRUMENT_CSV_DOCS: Record<(typeof INSTRUMENT_CSV_COLUMNS)[number], Omit<Column, 'name'>> = {
  id: { type: 'string', nullable: false, derived: false, description: 'Identifier of the instrument: the last part of its tracker page address.' },
  name: { type: 'string', nullable: false, derived: false, description: 'Full name.' },
  short_name: { type: 'string', nullable: false, derived: false, description: 'Short name, e.g. "H.R. 8283".' },
  kind: { type: 'string', nullable: false, derived: false, description: 'bill, amendment, executive-action, designation, lawsuit or tool.' },
  status: { type: 'string', nullable: false, derived: true, description: 'Derived from the steps by the tracker\'s state machine (status is never typed by hand), as of as_of.' },
  stage_index: { type: 'integer', nullable: false, derived: true, description: 'Derived: 0-based position on the kind\'s track of stages; -1 before the first step.' },
  stage_name: { type: 'string', nullable: true, derived: true, description: 'Derived: name of that stage; empty before the first step.' },
  stage_count: { type: 'integer', nullable: false, derived: false, description: 'Number of stages on the kind\'s track.' },
  status_code: { type: 'string', nullable: true, derived: true, description: 'Derived: GovTrack / unitedstates-congress status code, for bills only.' },
  ended: { type: 'boolean', nullable: false, derived: true, description: 'Derived: true when the process has ended (e.g. became law, withdrawn).' },
  last_action_dates: { type: 'list', nullable: false, derived: false, description: 'Day(s) of the last dated step; two or more when the sources disagree.' },
  possible_next: { type: 'list', nullable: false, derived: true, description: 'Derived: the steps the process allows next.' },
  steps: { type: 'list', nullable: false, derived: false, description: 'Every step as "date action [source ids]"; a disputed date as "day or day", an unknown one as "on or before day" or "undated".' },
  next: { type: 'list', nullable: false, derived: false, description: 'What the sources say comes next, each as "text [source ids]".' },
  sponsors: { type: 'list', nullable: false, derived: false, description: 'Ids of the sponsors (bills and amendments).' },
  issuers: { type: 'list', nullable: false, derived: false, description: 'Ids of the issuers or plaintiffs.' },
  committees: { type: 'list', nullable: false, derived: false, description: 'Ids of the committees.' },
  sources: { type: 'list', nullable: false, derived: false, description: SOURCES_NOTE },
  as_of: { type: 'date', nullable: false, derived: false, description: 'The "as of" day of the status: the newest source\'s publication day.' },
};

/** Fields of each object in /data/instruments.json (src/lib/views/tracker.ts). */
export const INSTRUMENT_JSON_DOCS: Record<keyof InstrumentExport, string> = {
  id: INSTRUMENT_CSV_DOCS.id.description,
  name: INSTRUMENT_CSV_DOCS.name.description,
  short_name: INSTRUMENT_CSV_DOCS.short_name.description,
  kind: INSTRUMENT_CSV_DOCS.kind.description,
  kind_label: 'The kind as the pages name it.',
  status: INSTRUMENT_CSV_DOCS.status.description,
  stage_index: INSTRUMENT_CSV_DOCS.stage_index.description,
  stage_name: INSTRUMENT_CSV_DOCS.stage_name.description,
  stages: 'The names of the kind\'s stages, in order (the CSV gives their number as stage_count).',
  ended: INSTRUMENT_CSV_DOCS.ended.description,
  status_code: INSTRUMENT_CSV_DOCS.status_code.description,
  last_action_dates: INSTRUMENT_CSV_DOCS.last_action_dates.description,
  possible_next: INSTRUMENT_CSV_DOCS.possible_next.description,
  steps:
    'Every step as an object: action, action_label, date (day, month or null), date_alternatives (every day the sources give, when they disagree), date_note, not_after, text and sources (ids).',
  next: 'What the sources say comes next: objects with text and sources (ids).',
  standing: 'Sourced facts about where it stands that are not steps: objects with as_of, text and sources (ids).',
  sponsors: INSTRUMENT_CSV_DOCS.sponsors.description,
  issuers: INSTRUMENT_CSV_DOCS.issuers.description,
  committees: INSTRUMENT_CSV_DOCS.committees.description,
  sources: SOURCES_NOTE,
  as_of: INSTRUMENT_CSV_DOCS.as_of.description,
};

/** Every download, in the order the data page lists them. */
export const DATASETS: Dataset[] = [
  {
    id: 'events',
    title: 'Events',
    rowIs: 'one row per event',
    description: 'Every dated event in the story, with its date as precisely as the sources give it, its standing (alleged, disputed or reported) and its sources.',
    columns: EVENT_COLUMNS,
  },
  {
    id: 'campaigns',
    title: 'Campaigns',
    rowIs: 'one row per campaign, and one per combined figure',
    description: 'The distillation campaigns as Anthropic alleges them: accounts, exchanges and activity windows exactly as reported, and the derived rates with their formulas.',
    columns: CAMPAIGN_COLUMNS,
  },
  {
    id: 'instruments',
    title: 'Policy instruments',
    rowIs: 'one row per bill, amendment, memo, list, lawsuit or enforcement tool',
    description: 'Every policy instrument with its derived status, its dated and sourced steps and what comes next.',
    columns: INSTRUMENT_CSV_COLUMNS.map((name) => ({ name, ...INSTRUMENT_CSV_DOCS[name] })),
  },
  {
    id: 'sources',
    title: 'Sources',
    rowIs: 'one row per source article',
    description: 'The articles the site is built from, with their publication details and the events that cite them.',
    columns: SOURCE_COLUMNS,
  },
  {
    id: 'claims',
    title: 'Disputed claims',
    rowIs: 'one row per position in a dispute',
    description: 'Every point on which the sources disagree, with each position beside the source that takes it. The site does not settle them.',
    columns: CLAIM_COLUMNS,
  },
];

/** Looks a dataset up by id. */
export function dataset(id: DatasetId): Dataset {
  const found = DATASETS.find((d) => d.id === id);
  if (!found) throw new Error(`No dataset "${id}"`);
  return found;
}

const ids = (cites: Parameters<typeof citation>[0][]) => [...new Set(cites.map((c) => citation(c).source))];
const round2 = (v: number) => Math.round(v * 100) / 100;

/** An event's export row. */
function eventRow(story: Story, e: Entry<EventData>, link: Linker): Row {
  const d = e.data;
  const standing = standingOf(story, e);
  return {
    id: e.id,
    title: d.title,
    date: d.date,
    date_precision: precisionOf(d.date),
    end_date: d.endDate ?? null,
    date_disputed: Boolean(d.dateClaim),
    date_alternatives: d.dateClaim ? claimDays(story, d.dateClaim) : [],
    date_label: eventDateLabel(story, d),
    date_note: d.dateNote ?? null,
    kind: d.kind,
    kind_label: KIND_LABELS[d.kind],
    summary: fillFigures(story, d.summary),
    standing: standing.label,
    alleged_by: standing.allegedBy,
    actors: d.actors,
    campaigns: d.campaigns,
    instruments: d.instruments,
    claims: claimsTouching(story, 'events', e.id).map((c) => c.id),
    sources: ids(d.sources),
    source_credits: d.sources.map(citation).flatMap((c) => (c.credits ? [`${c.source}: ${c.credits}`] : [])),
    url: link(`/events/${e.id}/`),
    last_updated: lastUpdated(story, 'events', e.id).day,
  };
}

/** Rows of events.json / events.csv, in date order. */
export function eventRows(story: Story, link: Linker = (p) => p): Row[] {
  return eventsByDate(story).map((e) => eventRow(story, e, link));
}

function countCells(metric: 'accounts' | 'exchanges', c: Count): Row {
  return {
    [metric]: c.value,
    [`${metric}_qualifier`]: c.value === null ? null : (c.qualifier ?? null),
    [`${metric}_wording`]: c.wording ?? null,
    [`${metric}_note`]: c.note ?? null,
    [`${metric}_claim`]: c.claim ?? null,
    [`${metric}_sources`]: ids(c.sources),
  };
}

function derivedCells(name: string, d: Derived | null): Row {
  return {
    [name]: d ? round2(d.value) : null,
    [`${name}_formula`]: d?.formula ?? null,
    [`${name}_approximate`]: d ? d.approximate : null,
  };
}

function campaignRow(story: Story, e: Entry<CampaignData>, link: Linker, asOf: string): Row {
  const d = e.data;
  const days = d.window ? windowLength(d.window.start, d.window.end) : null;
  return {
    id: e.id,
    name: d.name,
    label: d.label,
    combined: d.aggregateOf.length > 0,
    aggregate_of: d.aggregateOf,
    operators: d.operators,
    attributed_by: d.attributedBy,
    disclosure_event: d.disclosure,
    disclosure_date: getById(story.events, d.disclosure, 'event').data.date,
    window_start: d.window?.start ?? null,
    window_end: d.window?.end ?? null,
    window_sources: d.window ? ids(d.window.sources) : [],
    window_days_between: days?.between ?? null,
    window_days_inclusive: days?.inclusive ?? null,
    window_days_formula:
      d.window && days
        ? `${d.window.end} − ${d.window.start} = ${days.between} days between; + 1 counting both the first and the last day = ${days.inclusive}`
        : null,
    ...countCells('accounts', d.accounts),
    ...countCells('exchanges', d.exchanges),
    ...derivedCells('exchanges_per_account', exchangesPerAccount(d)),
    ...derivedCells('exchanges_per_day', exchangesPerDay(d)),
    ...derivedCells('exchanges_per_day_between', exchangesPerDayBetween(d)),
    capabilities: d.capabilities.map((c) => c.name),
    claims: story.claims.filter((c) => c.data.campaigns.includes(e.id) || d.accounts.claim === c.id || d.exchanges.claim === c.id).map((c) => c.id),
    sources: ids(d.sources),
    url: link(`/campaigns/${e.id}/`),
    as_of: asOf,
  };
}

/** Rows of campaigns.json / campaigns.csv, in the campaigns page's reading order. */
export function campaignRows(story: Story, link: Linker = (p) => p): Row[] {
  const asOf = asOfDate(story);
  return campaignsInOrder(story).map((e) => campaignRow(story, e, link, asOf));
}

function sourceRow(story: Story, e: Entry<SourceData>, link: Linker): Row {
  const d = e.data;
  return {
    id: e.id,
    number: sourceNumber(story, e.id),
    title: d.title,
    label: d.label,
    publisher: d.publisher,
    author: d.author,
    author_type: d.authorType ?? null,
    published: d.published,
    published_note: d.publishedNote ?? null,
    article_url: d.url,
    kind: d.kind,
    seed_file: d.seedFile,
    credits: d.credits,
    description: d.description,
    cited_by_events: eventsByDate(story)
      .filter((ev) => ev.data.sources.some((c) => citation(c).source === e.id))
      .map((ev) => ev.id),
    url: link(`/sources/#${e.id}`),
  };
}

/** Rows of sources.json / sources.csv, by source number. */
export function sourceRows(story: Story, link: Linker = (p) => p): Row[] {
  return [...story.sources]
    .sort((a, b) => sourceNumber(story, a.id) - sourceNumber(story, b.id))
    .map((e) => sourceRow(story, e, link));
}

function claimRowsOf(e: Entry<ClaimData>, link: Linker): Row[] {
  const d = e.data;
  return d.positions.map((p, i) => {
    const cite = citation(p.source);
    return {
      claim_id: e.id,
      question: d.question,
      topic: d.topic,
      position: i + 1,
      position_count: d.positions.length,
      label: p.label,
      wording: p.wording,
      quote: p.quote,
      value_date: typeof p.value === 'string' ? p.value : null,
      value_number: typeof p.value === 'number' ? p.value : null,
      source: cite.source,
      source_credits: cite.credits ?? null,
      source_note: cite.note ?? null,
      handling: d.handling,
      events: d.events,
      campaigns: d.campaigns,
      instruments: d.instruments,
      actors: d.actors,
      url: link(`/disputes/#${e.id}`),
    };
  });
}

/** Rows of claims.json / claims.csv: one per position, disputes in topic order as on /disputes/. */
export function claimRows(story: Story, link: Linker = (p) => p): Row[] {
  return [...story.claims].sort((a, b) => a.data.topic.localeCompare(b.data.topic)).flatMap((e) => claimRowsOf(e, link));
}

/** Rows of one of the four datasets built here (instruments come from src/lib/views/tracker.ts). */
export function rowsOf(id: Exclude<DatasetId, 'instruments'>, story: Story, link: Linker = (p) => p): Row[] {
  switch (id) {
    case 'events':
      return eventRows(story, link);
    case 'campaigns':
      return campaignRows(story, link);
    case 'sources':
      return sourceRows(story, link);
    case 'claims':
      return claimRows(story, link);
  }
}

/** One cell as CSV text: null → empty, lists joined with "; ", booleans as true/false. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

/** The dataset as CSV (src/lib/util/csv.ts), each cell written by csvCell. */
export function toCsvText(columns: Column[], rows: Row[]): string {
  const names = columns.map((c) => c.name);
  return csvText(names, rows.map((r) => Object.fromEntries(names.map((n) => [n, csvCell(r[n] ?? null)]))));
}

/**
 * Parses RFC 4180 text back into records (header row → keys). Used by the
 * tests to round-trip the files; strict: a stray quote throws.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i += 1;
        if (i < text.length && !/[,\r\n]/.test(text[i] as string)) throw new Error(`Bad CSV: text after a closing quote at ${i}`);
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') {
      if (field !== '') throw new Error(`Bad CSV: quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      field = '';
      record = [];
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (quoted) throw new Error('Bad CSV: unterminated quote');
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  const [header, ...body] = records;
  if (!header) return [];
  return body.map((r, n) => {
    if (r.length !== header.length) throw new Error(`Bad CSV: record ${n + 1} has ${r.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((h, k) => [h, r[k] as string]));
  });
}

export interface JsonMeta {
  dataset: DatasetId;
  title: string;
  description: string;
  rows_are: string;
  row_count: number;
  as_of: string;
  licence: typeof DATA_LICENCE;
  /** Where the columns are explained. */
  dictionary: string;
  /** The same rows as CSV. */
  csv: string;
  columns: Column[];
}

/** The JSON file: metadata (licence, as-of day, columns) and the rows. */
export function jsonDocument(ds: Dataset, rows: unknown[], story: Story, link: Linker = (p) => p): { meta: JsonMeta; rows: unknown[] } {
  return {
    meta: {
      dataset: ds.id,
      title: `${ds.title} · The Distillation Files`,
      description: ds.description,
      rows_are: ds.rowIs,
      row_count: rows.length,
      as_of: asOfDate(story),
      licence: DATA_LICENCE,
      dictionary: link(`/data/#${ds.id}`),
      csv: link(`/data/${ds.id}.csv`),
      columns: ds.columns,
    },
    rows,
  };
}

/** The body of /data/<id>.json: metadata with the licence, then the rows. */
export function jsonFile(id: Exclude<DatasetId, 'instruments'>, story: Story, link: Linker): string {
  return `${JSON.stringify(jsonDocument(dataset(id), rowsOf(id, story, link), story, link), null, 2)}\n`;
}

/** The body of /data/<id>.csv. */
export function csvFile(id: Exclude<DatasetId, 'instruments'>, story: Story, link: Linker): string {
  return toCsvText(dataset(id).columns, rowsOf(id, story, link));
}
