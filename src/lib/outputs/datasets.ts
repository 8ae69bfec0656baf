/**
 * The data registry: every dataset the site publishes under /data/, declared
 * once with its columns (name, type, description, nullable, derived) and the
 * function that builds its rows from the Story. One entry drives everything
 * that publishes or lists the data:
 *   - the routes: /data/<id>.csv and /data/<id>.json (src/pages/data/[dataset].csv.ts,
 *     [dataset].json.ts) for a table; /data/<dir>/<key>.json
 *     (src/pages/data/[dataset]/[key].json.ts) for a dataset published one file per row;
 *   - /data/datapackage.json and the ZIP (src/lib/outputs/datapackage.ts);
 *   - the data page's file list and dictionary (src/pages/data/index.astro, datasetListing);
 *   - the charts' "Get the data" links (datasetDownloads, src/lib/outputs/embeds.ts);
 *   - the /data/ page's JSON-LD (src/lib/outputs/jsonld.ts).
 * Adding a dataset is adding one entry to DATASETS. Every function here
 * takes the registry as an argument (DATASETS by default), so the tests can
 * register a fake one and find it everywhere.
 *
 * Every file has the same form. JSON: `{ meta, rows }`, meta holding the
 * dataset, title, description, what a row is, the row count, the as-of day,
 * the licence, the dictionary's address, the CSV's address and the columns;
 * rows are objects whose keys are the column names, in order. CSV: RFC 4180
 * with a header row of the column names, in order, written by the one writer
 * in src/lib/util/csv.ts. The rows are checked against the declaration as
 * they are written, so a file and its documentation cannot drift apart.
 *
 * Conventions: snake_case names; figures exactly as the content gives them
 * (integers, with the qualifier in its own column; null, or an empty CSV
 * field, when not disclosed, never 0); derived figures only from
 * src/lib/story/derive.ts, marked derived and with a formula column; every
 * row carries its source ids; lists are arrays in JSON and one field joined
 * with "; " in CSV.
 */
import type { CampaignData, ClaimData, Count, EventData, SourceData } from '../../schemas';
import type { Action, CitationInput, InstrumentKind } from '../../schemas';
import { type Entry, type Story, asOfDate, citation, getById } from '../story/story';
import { claimDays, claimsTouching, eventDateLabel, eventsByDate, resolveCitations, standingOf } from '../story/queries';
import { type Derived, exchangesPerAccount, exchangesPerDay, exchangesPerDayBetween, impliedLevels, windowLength } from '../story/derive';
import { fillFigures } from '../story/figures';
import { precisionOf } from '../util/dates';
import { KIND_LABELS } from '../story/kinds';
import { ACTION_LABELS } from '../story/status';
import { sourceNumber } from '../story/sources';
import { campaignsInOrder } from '../views/campaigns';
import { timelineItems } from '../views/timeline';
import { trackerRows } from '../views/tracker';
import { lastUpdated } from '../story/corrections';
import { type CsvValue, csvText } from '../util/csv';
import { type Linker, href } from '../util/url';
import { r2 } from '../util/markup';
import { SITE_NAME } from '../util/site';

/** An object inside a value (an instrument's step, an event's source). */
export interface CellObject {
  [key: string]: Cell;
}

/** A value in a row: lists stay lists in JSON and become "a; b" in CSV. */
export type Cell = string | number | boolean | null | string[] | CellObject[];

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'url' | 'list';

/** The two formats a table is published in. */
export type Format = 'csv' | 'json';

/** A column as the files and the dictionary describe it (meta.columns in every JSON file). */
export interface PublicColumn {
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

export interface Column extends PublicColumn {
  /** In one format only (the instruments' nested steps in JSON against their stage count in CSV). */
  only?: Format;
  /** In JSON, where the value has another form there (a list of objects): its description there. */
  json?: string;
  /** How a list of objects is written as one CSV field (lists of strings need none). */
  csv?: (value: Cell) => string;
}

const col = (
  name: string,
  type: ColumnType,
  description: string,
  opts: { nullable?: boolean; derived?: boolean; partial?: boolean; only?: Format; json?: string; csv?: (value: Cell) => string } = {},
): Column => ({
  name,
  type,
  nullable: opts.nullable ?? false,
  derived: opts.derived ?? false,
  description,
  ...(opts.partial ? { partial: true } : {}),
  ...(opts.only ? { only: opts.only } : {}),
  ...(opts.json ? { json: opts.json } : {}),
  ...(opts.csv ? { csv: opts.csv } : {}),
});

/** One exported row: column name → cell. */
export type Row = Record<string, Cell>;

export interface Dataset {
  /** File name: /data/<id>.csv and /data/<id>.json, and the anchor of its dictionary entry on /data/. */
  id: string;
  title: string;
  /** What one row is. */
  rowIs: string;
  description: string;
  /** Every column, in order; a column marked `only` is left out of the other format. */
  columns: readonly Column[];
  /** The rows, each with exactly the columns' keys in order; `link` makes the addresses in them. */
  rows: (story: Story, link: Linker) => Row[];
  /**
   * Published as one JSON file per row, /data/<dir>/<row[key]>.json, instead
   * of one CSV and one JSON file. These files are fetched by the site's own
   * scripts, so their addresses are site paths with the base (href), which
   * follow the host the page was loaded from. Not a CSV, so not in the package.
   */
  perRow?: { dir: string; key: string };
}

/** The licence of the compiled data, stated on /data/ and in every JSON file. */
export const DATA_LICENCE = {
  name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  id: 'CC-BY-4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: SITE_NAME,
  text:
    'The compilation (the selection and arrangement of facts, the identifiers, the derived figures and the wording written for this site) ' +
    `is licensed under CC BY 4.0: reuse it freely, with credit to "${SITE_NAME}" and a link to the data page. ` +
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


/** One step in a CSV field: "2026-04-22 committee-approved [flux-tokentoday]". */
function stepText(s: InstrumentStep): string {
  const when = s.date_alternatives.length ? s.date_alternatives.join(' or ') : (s.date ?? (s.not_after ? `on or before ${s.not_after}` : 'undated'));
  return `${when} ${s.action} [${s.sources.join(' ')}]`;
}

/** Columns of instruments.csv / instruments.json, in order: the steps, what comes next and the standing are nested objects in JSON. */
export const INSTRUMENT_COLUMNS: Column[] = [
  col('id', 'string', 'Identifier of the instrument: the last part of its tracker page address.'),
  col('name', 'string', 'Full name.'),
  col('short_name', 'string', 'Short name, e.g. "H.R. 8283".'),
  col('kind', 'string', 'bill, amendment, executive-action, designation, lawsuit or tool.'),
  col('kind_label', 'string', 'The kind as the pages name it.', { only: 'json' }),
  col('status', 'string', 'Derived from the steps by the tracker\'s state machine (status is never typed by hand), as of as_of.', { derived: true }),
  col('stage_index', 'integer', 'Derived: 0-based position on the kind\'s track of stages; -1 before the first step.', { derived: true }),
  col('stage_name', 'string', 'Derived: name of that stage; empty before the first step.', { nullable: true, derived: true }),
  col('stages', 'list', 'The names of the kind\'s stages, in order (the CSV gives their number as stage_count).', { only: 'json' }),
  col('stage_count', 'integer', 'Number of stages on the kind\'s track.', { only: 'csv' }),
  col('status_code', 'string', 'Derived: GovTrack / unitedstates-congress status code, for bills only.', { nullable: true, derived: true }),
  col('ended', 'boolean', 'Derived: true when the process has ended (e.g. became law, withdrawn).', { derived: true }),
  col('last_action_dates', 'list', 'Day(s) of the last dated step; two or more when the sources disagree.'),
  col('possible_next', 'list', 'Derived: the steps the process allows next.', { derived: true }),
  col('steps', 'list', 'Every step as "date action [source ids]"; a disputed date as "day or day", an unknown one as "on or before day" or "undated".', {
    json: 'Every step as an object: action, action_label, date (day, month or null), date_alternatives (every day the sources give, when they disagree), date_note, not_after, text and sources (ids).',
    csv: (v) => (v as InstrumentStep[]).map(stepText).join('; '),
  }),
  col('next', 'list', 'What the sources say comes next, each as "text [source ids]".', {
    json: 'What the sources say comes next: objects with text and sources (ids).',
    csv: (v) => (v as InstrumentRow['next']).map((n) => `${n.text} [${n.sources.join(' ')}]`).join('; '),
  }),
  col('standing', 'list', 'Sourced facts about where it stands that are not steps: objects with as_of, text and sources (ids).', { only: 'json' }),
  col('sponsors', 'list', 'Ids of the sponsors (bills and amendments).'),
  col('issuers', 'list', 'Ids of the issuers or plaintiffs.'),
  col('committees', 'list', 'Ids of the committees.'),
  col('sources', 'list', SOURCES_NOTE),
  col('as_of', 'date', 'The "as of" day of the status: the newest source\'s publication day.'),
];

/** Columns of timeline.csv / timeline.json: the data behind the timeline chart. */
export const TIMELINE_COLUMNS: Column[] = [
  col('id', 'string', 'Identifier of the event (events.csv).'),
  col('title', 'string', 'Headline, in our words.'),
  col('start', 'date', 'First day the event is drawn on: its day, the first day of its month, or the earliest disputed day.'),
  col('end', 'date', 'Last day the event is drawn on: its day, the last day of its span or month, or the latest disputed day.'),
  col('precision', 'string', '"point" (a day), "span", "month" (only the month is known) or "uncertain" (the sources disagree on the day).'),
  col('lane', 'string', 'The timeline lane the event is drawn in.'),
  col('kind', 'string', 'Kind of event, as in events.csv.'),
  col('date_label', 'string', 'The date as the pages show it.'),
  col('alleged', 'boolean', 'True when the event is one party\'s allegation.'),
  col('disputed', 'boolean', 'True when the sources disagree on part of the event.'),
  col('actors', 'string', 'Ids of the actors involved, separated by spaces; empty when none is named.', { nullable: true }),
  col('url', 'url', 'Address of the event page.'),
];

/** Columns of market.csv / market.json: the data behind the market chart. */
export const MARKET_COLUMNS: Column[] = [
  col('date', 'string', 'Day of a reported or derived price ("YYYY-MM-DD"), or "from/to" days of a reported move.'),
  col('kind', 'string', '"reported" (a price), "reported move (percent)" or "derived" (a level implied by a reported move).'),
  col('value', 'number', 'US dollars per ADS for a price or level; percent for a move.'),
  col('qualifier', 'string', 'How the sources qualify the figure: as-stated, about, over or nearly.'),
  col('formula', 'string', 'Derived: how a derived level was computed; empty for reported figures.', { nullable: true, derived: true }),
  col('note', 'string', 'How the figure was reported, or why it is derived.', { nullable: true }),
  col('sources', 'string', 'Ids of the sources, separated by spaces.'),
];

const eventColumn = (name: string, description?: string): Column => {
  const c = EVENT_COLUMNS.find((x) => x.name === name);
  if (!c) throw new Error(`No event column "${name}"`);
  return description ? { ...c, description } : c;
};

/** Columns of /data/events/<id>.json: what the timeline shows when a reader selects an event. */
export const EVENT_DETAIL_COLUMNS: Column[] = [
  ...['id', 'title', 'date', 'end_date', 'date_label', 'kind', 'summary', 'standing', 'alleged_by'].map((n) => eventColumn(n)),
  eventColumn('url', 'Address of the event page: a path on this site, with its base.'),
  col('sources', 'list', 'The sources, in the order the content lists them: objects with id, number (as on the site, [1], [2]…), label, title, credits (whom the source credits, or null) and url (a path on this site, with its base).'),
];
const ids = (cites: Parameters<typeof citation>[0][]) => [...new Set(cites.map((c) => citation(c).source))];

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
    [name]: d ? r2(d.value) : null,
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

/** One step of an instrument in instruments.json. */
export type InstrumentStep = {
  action: Action;
  action_label: string;
  date: string | null;
  /** Every date the sources give, when they disagree. */
  date_alternatives: string[];
  date_note: string | null;
  not_after: string | null;
  text: string;
  sources: string[];
};

/** One instrument's row: every column of INSTRUMENT_COLUMNS (a type alias, so it is a Row). */
export type InstrumentRow = {
  id: string;
  name: string;
  short_name: string;
  kind: InstrumentKind;
  kind_label: string;
  status: string;
  /** 0-based position on the kind's track; -1 before the first step. */
  stage_index: number;
  stage_name: string | null;
  stages: string[];
  stage_count: number;
  /** GovTrack / unitedstates-congress status code, for bills only. */
  status_code: string | null;
  ended: boolean;
  /** Day(s) of the last dated action; two or more when the sources disagree. */
  last_action_dates: string[];
  possible_next: string[];
  steps: InstrumentStep[];
  next: { text: string; sources: string[] }[];
  standing: { as_of: string; text: string; sources: string[] }[];
  sponsors: string[];
  issuers: string[];
  committees: string[];
  sources: string[];
  as_of: string;
};


/** Rows of instruments.json / instruments.csv: one per instrument, in the tracker's default order, built from its derived status. */
export function instrumentRows(story: Story): InstrumentRow[] {
  const asOf = asOfDate(story);
  return trackerRows(story).map((r) => {
    const d = getById(story.instruments, r.id, 'instrument').data;
    return {
      id: r.id,
      name: r.name,
      short_name: r.shortName,
      kind: r.kind,
      kind_label: r.kindLabel,
      status: r.status.label,
      stage_index: r.status.stage,
      stage_name: r.stageName,
      stages: r.status.track,
      stage_count: r.status.track.length,
      status_code: r.status.code,
      ended: r.status.ended,
      last_action_dates: r.lastActionDays,
      possible_next: r.possibleNext,
      steps: d.steps.map((s) => ({
        action: s.action,
        action_label: ACTION_LABELS[s.action],
        date: s.date,
        date_alternatives: s.dateClaim ? claimDays(story, s.dateClaim) : [],
        date_note: s.dateNote ?? null,
        not_after: s.notAfter ?? null,
        text: s.text,
        sources: ids(s.sources),
      })),
      next: d.next.map((n) => ({ text: n.text, sources: ids(n.sources) })),
      standing: d.standing.map((s) => ({ as_of: s.asOf, text: s.text, sources: ids(s.sources) })),
      sponsors: d.sponsors,
      issuers: d.issuers,
      committees: d.committees,
      sources: ids(d.sources),
      as_of: asOf,
    };
  });
}

/** Rows of timeline.json / timeline.csv: every event as the timeline chart draws it, in date order. */
export function timelineRows(story: Story, link: Linker = (p) => p): Row[] {
  return timelineItems(story, (id) => link(`/events/${id}/`)).map((i) => ({
    id: i.id,
    title: i.title,
    start: i.start,
    end: i.end,
    precision: i.shape,
    lane: i.lane,
    kind: i.kind,
    date_label: i.dateLabel,
    alleged: i.alleged,
    disputed: i.disputed,
    actors: i.actors.length ? i.actors.join(' ') : null,
    url: i.href,
  }));
}

/** Rows of market.json / market.csv: reported points, reported moves and the levels derived from them. */
export function marketRows(story: Story): Row[] {
  const s = getById(story.series, 'alibaba-ads', 'series').data;
  const source = (cites: CitationInput[]) => cites.map((c) => citation(c).source).join(' ');
  return [
    ...s.points.map((p) => ({ date: p.date, kind: 'reported', value: p.value, qualifier: 'as-stated', formula: null, note: p.note ?? null, sources: source(p.sources) })),
    ...s.moves.map((m) => ({ date: `${m.from}/${m.to}`, kind: 'reported move (percent)', value: m.percent, qualifier: m.qualifier, formula: null, note: m.note ?? null, sources: source(m.sources) })),
    ...impliedLevels(s).map((l) => ({
      date: l.date,
      kind: 'derived',
      value: r2(l.value),
      qualifier: l.approximate ? 'about' : 'as-stated',
      formula: l.formula,
      note: 'Derived from the reported move; not a reported price.',
      sources: source(s.moves[0]?.sources ?? []),
    })),
  ];
}

/** Rows of /data/events/<id>.json: each event's date, summary, standing and sources, in date order. */
export function eventDetailRows(story: Story, link: Linker = href): Row[] {
  return eventsByDate(story).map((e) => {
    const d = e.data;
    const standing = standingOf(story, e);
    return {
      id: e.id,
      title: d.title,
      date: d.date,
      end_date: d.endDate ?? null,
      date_label: eventDateLabel(story, d),
      kind: d.kind,
      summary: fillFigures(story, d.summary),
      standing: standing.label,
      alleged_by: standing.allegedBy,
      url: link(`/events/${e.id}/`),
      sources: resolveCitations(story, d.sources).map((c) => ({
        id: c.source,
        number: sourceNumber(story, c.source),
        label: c.entry.data.label,
        title: c.entry.data.title,
        credits: c.credits ?? null,
        url: link(`/sources/#${c.source}`),
      })),
    };
  });
}

/** Every dataset, in the order the data page, the data package and the ZIP list them. */
export const DATASETS = [
  {
    id: 'events',
    title: 'Events',
    rowIs: 'one row per event',
    description: 'Every dated event in the story, with its date as precisely as the sources give it, its standing (alleged, disputed or reported) and its sources.',
    columns: EVENT_COLUMNS,
    rows: eventRows,
  },
  {
    id: 'campaigns',
    title: 'Campaigns',
    rowIs: 'one row per campaign, and one per combined figure',
    description: 'The distillation campaigns as Anthropic alleges them: accounts, exchanges and activity windows exactly as reported, and the derived rates with their formulas.',
    columns: CAMPAIGN_COLUMNS,
    rows: campaignRows,
  },
  {
    id: 'instruments',
    title: 'Policy instruments',
    rowIs: 'one row per bill, amendment, memo, list, lawsuit or enforcement tool',
    description: 'Every policy instrument with its derived status, its dated and sourced steps and what comes next.',
    columns: INSTRUMENT_COLUMNS,
    rows: (story) => instrumentRows(story),
  },
  {
    id: 'sources',
    title: 'Sources',
    rowIs: 'one row per source article',
    description: 'The articles the site is built from, with their publication details and the events that cite them.',
    columns: SOURCE_COLUMNS,
    rows: sourceRows,
  },
  {
    id: 'claims',
    title: 'Disputed claims',
    rowIs: 'one row per position in a dispute',
    description: 'Every point on which the sources disagree, with each position beside the source that takes it. The site does not settle them.',
    columns: CLAIM_COLUMNS,
    rows: claimRows,
  },
  {
    id: 'timeline',
    title: 'Timeline chart data',
    rowIs: 'one row per event',
    description: 'The data behind the timeline chart: every event with the days it is drawn across, its lane and its standing.',
    columns: TIMELINE_COLUMNS,
    rows: timelineRows,
  },
  {
    id: 'market',
    title: 'Market chart data',
    rowIs: 'one row per reported price, reported move or derived level',
    description: 'The data behind the market chart: reported prices of Alibaba\'s ADS, reported moves and the levels derived from them. The chart shows timing, not cause.',
    columns: MARKET_COLUMNS,
    rows: (story) => marketRows(story),
  },
  {
    id: 'event-details',
    title: 'Event details',
    rowIs: 'one row each, one file per event',
    description: 'What the timeline shows when a reader selects an event: its date, summary and standing, and its sources with the numbers and labels the site gives them.',
    columns: EVENT_DETAIL_COLUMNS,
    rows: eventDetailRows,
    perRow: { dir: 'events', key: 'id' },
  },
] as const satisfies readonly Dataset[];

export type DatasetId = (typeof DATASETS)[number]['id'];

/** Looks a dataset up by id. */
export function dataset(id: DatasetId, registry: readonly Dataset[] = DATASETS): Dataset {
  const found = registry.find((d) => d.id === id);
  if (!found) throw new Error(`No dataset "${id}"`);
  return found;
}

/** Files of the data folder that are not datasets; no dataset may take their names. */
const RESERVED = ['datapackage', 'distillation-files-data', 'index'];

function checked(registry: readonly Dataset[]): readonly Dataset[] {
  const names = registry.map((d) => d.id);
  const dirs = registry.flatMap((d) => (d.perRow ? [d.perRow.dir] : []));
  for (const [i, name] of names.entries()) {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`Dataset "${name}": an id is lower case, digits and hyphens`);
    if (names.indexOf(name) !== i) throw new Error(`Dataset "${name}" is registered twice`);
    if (RESERVED.includes(name)) throw new Error(`Dataset "${name}": the name is taken by another file in /data/`);
  }
  if (new Set(dirs).size !== dirs.length) throw new Error(`Two per-row datasets share a folder: ${dirs.join(', ')}`);
  return registry;
}

/** The datasets published as tables: /data/<id>.csv and /data/<id>.json each. */
export function tables(registry: readonly Dataset[] = DATASETS): Dataset[] {
  return checked(registry).filter((d) => !d.perRow);
}

/** The datasets published one JSON file per row, /data/<dir>/<key>.json. */
export function perRowDatasets(registry: readonly Dataset[] = DATASETS): Dataset[] {
  return checked(registry).filter((d) => d.perRow);
}

/** The columns a format carries, in order. */
export function columnsIn(ds: Dataset, format: Format): Column[] {
  return ds.columns.filter((c) => !c.only || c.only === format);
}

/** A column as a file describes it: in JSON, with its JSON description where the value has another form there. */
export function publicColumn(c: Column, format: Format): PublicColumn {
  const description = format === 'json' && c.json ? c.json : c.description;
  return { name: c.name, type: c.type, nullable: c.nullable, derived: c.derived, description, ...(c.partial ? { partial: true } : {}) };
}

/** Does the JSON file carry the same columns, in the same form, as the CSV? */
export function sameInBothFormats(ds: Dataset): boolean {
  return ds.columns.every((c) => !c.only && !c.json);
}

/**
 * The rows, checked against the declaration: each has exactly the declared
 * columns in order, a list where a list is declared, and null only where a
 * column may be empty. Bad rows fail the build naming the file and column.
 */
export function checkedRows(ds: Dataset, story: Story, link: Linker): Row[] {
  const names = ds.columns.map((c) => c.name);
  const rows = ds.rows(story, link);
  rows.forEach((row, i) => {
    const where = `data/${ds.id}: row ${i + 1}${typeof row.id === 'string' ? ` (${row.id})` : ''}`;
    const keys = Object.keys(row);
    if (keys.join() !== names.join()) throw new Error(`${where} has the columns [${keys.join(', ')}]; the dataset declares [${names.join(', ')}]`);
    for (const c of ds.columns) {
      const value = row[c.name]!;
      if (value === null && !c.nullable) throw new Error(`${where}: "${c.name}" is null, but the column is not declared nullable`);
      if (value !== null && Array.isArray(value) !== (c.type === 'list')) throw new Error(`${where}: "${c.name}" ${c.type === 'list' ? 'is not a list' : 'is a list'}, but the column is declared ${c.type}`);
    }
  });
  return rows;
}

/** A value as CSV text: lists of objects through their column's writer, everything else as csvCell writes it. */
function csvValue(ds: Dataset, c: Column, value: Cell): CsvValue {
  if (c.csv) return c.csv(value);
  if (Array.isArray(value) && value.some((v) => typeof v !== 'string')) throw new Error(`data/${ds.id}.csv: "${c.name}" holds objects; its column needs a csv writer`);
  return value as CsvValue;
}

/** The body of /data/<id>.csv: a header of the CSV columns, then the rows (src/lib/util/csv.ts). */
export function csvFile(ds: Dataset, story: Story, link: Linker): string {
  const cols = columnsIn(ds, 'csv');
  const rows = checkedRows(ds, story, link).map((r) => Object.fromEntries(cols.map((c) => [c.name, csvValue(ds, c, r[c.name]!)])));
  return csvText(
    cols.map((c) => c.name),
    rows,
  );
}

export interface JsonMeta {
  dataset: string;
  title: string;
  description: string;
  rows_are: string;
  row_count: number;
  as_of: string;
  licence: typeof DATA_LICENCE;
  /** Where the columns are explained. */
  dictionary: string;
  /** The same rows as CSV (null for a dataset published one file per row). */
  csv: string | null;
  columns: PublicColumn[];
}

/** The one envelope of every JSON file: metadata (licence, as-of day, columns) and the rows. */
export interface DataDocument {
  meta: JsonMeta;
  rows: Row[];
}

/** The JSON document of some of a dataset's rows (all of them, or one for a per-row file), keeping the JSON columns. */
export function jsonDocument(ds: Dataset, rows: Row[], story: Story, link: Linker): DataDocument {
  const cols = columnsIn(ds, 'json');
  return {
    meta: {
      dataset: ds.id,
      title: `${ds.title} · ${SITE_NAME}`,
      description: ds.description,
      rows_are: ds.rowIs,
      row_count: rows.length,
      as_of: asOfDate(story),
      licence: DATA_LICENCE,
      dictionary: link(`/data/#${ds.id}`),
      csv: ds.perRow ? null : link(`/data/${ds.id}.csv`),
      columns: cols.map((c) => publicColumn(c, 'json')),
    },
    rows: rows.map((r) => Object.fromEntries(cols.map((c) => [c.name, r[c.name]!]))),
  };
}

const jsonText = (doc: DataDocument) => `${JSON.stringify(doc, null, 2)}\n`;

/** The body of /data/<id>.json. */
export function jsonFile(ds: Dataset, story: Story, link: Linker): string {
  return jsonText(jsonDocument(ds, checkedRows(ds, story, link), story, link));
}

/** A per-row dataset's files: each row with its path under /data/. Addresses are site paths (href), as these files are fetched by the site's own scripts. */
export function rowFiles(ds: Dataset, story: Story): { key: string; path: string; row: Row }[] {
  if (!ds.perRow) throw new Error(`Dataset "${ds.id}" is a table, not published one file per row`);
  const { dir, key } = ds.perRow;
  return checkedRows(ds, story, href).map((row) => {
    const value = row[key];
    if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(value)) throw new Error(`data/${ds.id}: "${key}" ${JSON.stringify(value)} cannot name a file`);
    return { key: value, path: `${dir}/${value}.json`, row };
  });
}

/** The body of one per-row file, /data/<dir>/<key>.json: the same envelope, with one row. */
export function rowFile(ds: Dataset, row: Row, story: Story): string {
  return jsonText(jsonDocument(ds, [row], story, href));
}

/** The static paths of /data/[dataset].csv and /data/[dataset].json: every table. */
export function tablePaths(registry: readonly Dataset[] = DATASETS) {
  return tables(registry).map((ds) => ({ params: { dataset: ds.id }, props: { dataset: ds } }));
}

/** The static paths of /data/[dataset]/[key].json: every row of every per-row dataset. */
export function rowPaths(story: Story, registry: readonly Dataset[] = DATASETS) {
  return perRowDatasets(registry).flatMap((ds) => rowFiles(ds, story).map((f) => ({ params: { dataset: ds.perRow!.dir, key: f.key }, props: { dataset: ds, row: f.row } })));
}

/** Every file the data routes publish, as paths under /data/. */
export function dataFilePaths(story: Story, registry: readonly Dataset[] = DATASETS): string[] {
  return [
    ...tablePaths(registry).flatMap(({ params }) => [`${params.dataset}.csv`, `${params.dataset}.json`]),
    ...rowPaths(story, registry).map(({ params }) => `${params.dataset}/${params.key}.json`),
  ];
}

/** A table's files, CSV then JSON, as site paths. */
function tableDownloads(ds: Dataset): { label: string; path: string }[] {
  if (ds.perRow) throw new Error(`Dataset "${ds.id}" is published one file per row; it has no single download`);
  return [
    { label: 'CSV', path: `/data/${ds.id}.csv` },
    { label: 'JSON', path: `/data/${ds.id}.json` },
  ];
}

/** "Get the data": a table's files, CSV then JSON, as site paths. */
export function datasetDownloads(id: DatasetId): { label: string; path: string }[] {
  return tableDownloads(dataset(id));
}

/** One table of the data dictionary. */
export interface DictionaryTable {
  caption: string;
  /** Whether the table gives each column's type (the JSON fields of a table that differs from its CSV give only descriptions). */
  typed: boolean;
  columns: PublicColumn[];
}

/** One dataset as the data page lists it. */
export interface DatasetListing {
  dataset: Dataset;
  rowCount: number;
  /** The file names shown in its heading: "events.csv", "events.json"; "events/<id>.json" for a per-row dataset. */
  names: string[];
  /** The files to download, as site paths; for a per-row dataset, its first file as an example. */
  files: { name: string; path: string }[];
  dictionary: DictionaryTable[];
}

/** Every dataset as the data page lists it: the file table and the dictionary. */
export function datasetListing(story: Story, registry: readonly Dataset[] = DATASETS): DatasetListing[] {
  return checked(registry).map((ds): DatasetListing => {
    if (ds.perRow) {
      const files = rowFiles(ds, story);
      const pattern = `${ds.perRow.dir}/<${ds.perRow.key}>.json`;
      return {
        dataset: ds,
        rowCount: files.length,
        names: [pattern],
        files: files.slice(0, 1).map((f) => ({ name: f.path, path: `/data/${f.path}` })),
        dictionary: [{ caption: `Columns of ${pattern}`, typed: true, columns: columnsIn(ds, 'json').map((c) => publicColumn(c, 'json')) }],
      };
    }
    const csv = `${ds.id}.csv`;
    const json = `${ds.id}.json`;
    const same = sameInBothFormats(ds);
    return {
      dataset: ds,
      rowCount: ds.rows(story, (p) => p).length,
      names: [csv, json],
      files: tableDownloads(ds).map((d) => ({ name: d.path.slice('/data/'.length), path: d.path })),
      dictionary: [
        { caption: `Columns of ${csv}${same ? ` and ${json}` : ''}`, typed: true, columns: columnsIn(ds, 'csv').map((c) => publicColumn(c, 'csv')) },
        ...(same ? [] : [{ caption: `Fields of each object in ${json}`, typed: false, columns: columnsIn(ds, 'json').map((c) => publicColumn(c, 'json')) }]),
      ],
    };
  });
}
