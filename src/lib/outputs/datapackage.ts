/**
 * The data package: /data/datapackage.json (Frictionless Data Package v2)
 * describing every CSV the site publishes, and /data/distillation-files-data.zip
 * (fflate) holding those CSVs, the datapackage.json and a README.
 *
 * Each resource's Table Schema is built from the column declarations the
 * files themselves are written from (src/lib/outputs/datasets.ts for the five
 * datasets; the chart-data columns are declared below, keyed by the column
 * lists of src/lib/outputs/timeline-files.ts and src/lib/outputs/chart-files.ts, so a new
 * column there fails the type check here until it is described). The file
 * bodies come from the same functions as the /data/*.csv endpoints.
 */
import { strToU8, zipSync } from 'fflate';
import { type Story, asOfDate } from '../story/story';
import { type Column, DATA_LICENCE, DATASETS, csvFile } from './datasets';
import { exportRows, toCsv as instrumentsCsv } from '../views/tracker';
import { TIMELINE_COLUMNS, timelineRows, toCsv } from './timeline-files';
import { MARKET_COLUMNS, marketRows } from './chart-files';
import { formatDate } from '../util/format';

export type Linker = (path: string) => string;

/** The chart-data CSVs' columns (the five datasets declare theirs in src/lib/outputs/datasets.ts). */
const TIMELINE_DOCS: Record<(typeof TIMELINE_COLUMNS)[number], Omit<Column, 'name'>> = {
  id: { type: 'string', nullable: false, derived: false, description: 'Identifier of the event (events.csv).' },
  title: { type: 'string', nullable: false, derived: false, description: 'Headline, in our words.' },
  start: { type: 'date', nullable: false, derived: false, description: 'First day the event is drawn on: its day, the first day of its month, or the earliest disputed day.' },
  end: { type: 'date', nullable: false, derived: false, description: 'Last day the event is drawn on: its day, the last day of its span or month, or the latest disputed day.' },
  precision: { type: 'string', nullable: false, derived: false, description: '"point" (a day), "span", "month" (only the month is known) or "uncertain" (the sources disagree on the day).' },
  lane: { type: 'string', nullable: false, derived: false, description: 'The timeline lane the event is drawn in.' },
  kind: { type: 'string', nullable: false, derived: false, description: 'Kind of event, as in events.csv.' },
  date_label: { type: 'string', nullable: false, derived: false, description: 'The date as the pages show it.' },
  alleged: { type: 'boolean', nullable: false, derived: false, description: 'True when the event is one party\'s allegation.' },
  disputed: { type: 'boolean', nullable: false, derived: false, description: 'True when the sources disagree on part of the event.' },
  actors: { type: 'string', nullable: true, derived: false, description: 'Ids of the actors involved, separated by spaces; empty when none is named.' },
  url: { type: 'url', nullable: false, derived: false, description: 'Address of the event page.' },
};

const MARKET_DOCS: Record<(typeof MARKET_COLUMNS)[number], Omit<Column, 'name'>> = {
  date: { type: 'string', nullable: false, derived: false, description: 'Day of a reported or derived price ("YYYY-MM-DD"), or "from/to" days of a reported move.' },
  kind: { type: 'string', nullable: false, derived: false, description: '"reported" (a price), "reported move (percent)" or "derived" (a level implied by a reported move).' },
  value: { type: 'number', nullable: false, derived: false, description: 'US dollars per ADS for a price or level; percent for a move.' },
  qualifier: { type: 'string', nullable: false, derived: false, description: 'How the sources qualify the figure: as-stated, about, over or nearly.' },
  formula: { type: 'string', nullable: true, derived: true, description: 'Derived: how a derived level was computed; empty for reported figures.' },
  note: { type: 'string', nullable: true, derived: false, description: 'How the figure was reported, or why it is derived.' },
  sources: { type: 'string', nullable: false, derived: false, description: 'Ids of the sources, separated by spaces.' },
};

export interface PackageResource {
  name: string;
  path: string;
  title: string;
  description: string;
  columns: Column[];
  /** The CSV text, as /data/<name>.csv serves it. */
  csv: (story: Story, link: Linker) => string;
}

const withNames = (docs: Record<string, Omit<Column, 'name'>>, names: readonly string[]): Column[] => names.map((name) => ({ name, ...docs[name]! }));

/** Every CSV the site publishes, in the data page's order, then the chart data. */
export function packageResources(): PackageResource[] {
  return [
    ...DATASETS.map(
      (ds): PackageResource => ({
        name: ds.id,
        path: `${ds.id}.csv`,
        title: ds.title,
        description: `${ds.description} The file has ${ds.rowIs}.`,
        columns: ds.columns,
        csv: ds.id === 'instruments' ? (story) => instrumentsCsv(exportRows(story)) : (story, link) => csvFile(ds.id as Exclude<typeof ds.id, 'instruments'>, story, link),
      }),
    ),
    {
      name: 'timeline',
      path: 'timeline.csv',
      title: 'Timeline chart data',
      description: 'The data behind the timeline chart: one row per event, with the days it is drawn across.',
      columns: withNames(TIMELINE_DOCS, TIMELINE_COLUMNS),
      csv: (story, link) => toCsv(TIMELINE_COLUMNS, timelineRows(story, new URL(link('/')))),
    },
    {
      name: 'market',
      path: 'market.csv',
      title: 'Market chart data',
      description: 'The data behind the market chart: reported prices of Alibaba\'s ADS, reported moves and the levels derived from them. The chart shows timing, not cause.',
      columns: withNames(MARKET_DOCS, MARKET_COLUMNS),
      csv: (story) => toCsv(MARKET_COLUMNS, marketRows(story)),
    },
  ];
}

const LIST_NOTE = ' A list: items joined with "; " (empty when there are none).';
const PARTIAL_DATE = '^\\d{4}-\\d{2}(-\\d{2})?$';

/** A column as a Table Schema field. */
export function tableField(c: Column): Record<string, unknown> {
  const base = { name: c.name, description: c.description + (c.type === 'list' ? LIST_NOTE : ''), derived: c.derived };
  // Lists and nullable columns may be empty; every other column always has a value.
  const constraints: Record<string, unknown> = { required: !c.nullable && c.type !== 'list' };
  switch (c.type) {
    case 'list':
      return { ...base, type: 'string', constraints };
    case 'url':
      return { ...base, type: 'string', format: 'uri', constraints };
    case 'date':
      return c.partial ? { ...base, type: 'string', constraints: { ...constraints, pattern: PARTIAL_DATE } } : { ...base, type: 'date', constraints };
    default:
      return { ...base, type: c.type, constraints };
  }
}

export const ZIP_NAME = 'distillation-files-data.zip';
export const ALLEGATION_CAVEAT = "Campaign figures are Anthropic's allegations, not verified findings.";

/** The datapackage.json object. `link` makes absolute URLs for the sources and homepage. */
export function dataPackage(story: Story, link: Linker): Record<string, unknown> {
  const asOf = asOfDate(story);
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'the-distillation-files',
    title: 'The Distillation Files: data',
    description: `Events, campaigns, policy instruments, sources and disputed claims of the 2026 AI distillation story, and the data behind its charts, as of ${formatDate(asOf)}. ${ALLEGATION_CAVEAT} Where the sources disagree, the files show each position rather than settling it.`,
    version: asOf,
    created: `${asOf}T00:00:00Z`,
    homepage: link('/data/'),
    keywords: ['AI distillation', 'Anthropic', 'Claude', 'policy tracker', 'export controls', 'sanctions'],
    licenses: [{ name: DATA_LICENCE.id, path: DATA_LICENCE.url, title: DATA_LICENCE.name }],
    as_of: asOf,
    caveat: ALLEGATION_CAVEAT,
    sources: story.sources
      .filter((s) => s.data.url)
      .map((s) => ({ title: s.data.title ?? s.data.label, path: s.data.url })),
    resources: packageResources().map((r) => ({
      name: r.name,
      type: 'table',
      path: r.path,
      scheme: 'file',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      title: r.title,
      description: r.description,
      dialect: { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true },
      schema: { fields: r.columns.map(tableField), missingValues: [''] },
    })),
  };
}

export function dataPackageJson(story: Story, link: Linker): string {
  return `${JSON.stringify(dataPackage(story, link), null, 2)}\n`;
}

/** The README inside the ZIP. */
export function packageReadme(story: Story, link: Linker): string {
  const asOf = formatDate(asOfDate(story));
  const files = packageResources().map((r) => `- ${r.path}: ${r.title}. ${r.description}`);
  return [
    'The Distillation Files: data package',
    '====================================',
    '',
    `As of ${asOf}, the publication date of the newest source. The files record nothing after that day.`,
    '',
    ALLEGATION_CAVEAT,
    'Every row names its sources; where the sources disagree, the files give each position beside its source and do not settle it.',
    '',
    'Files',
    '-----',
    ...files,
    '- datapackage.json: a Frictionless Data Package describing every CSV: each column\'s name, type, description, whether it may be empty and whether it is derived.',
    '- README.txt: this file.',
    '',
    'CSV files are RFC 4180: UTF-8, a header row, CRLF line ends; a list is one field with its items joined with "; ".',
    `The data dictionary is at ${link('/data/')}.`,
    '',
    'Licence',
    '-------',
    `${DATA_LICENCE.text}`,
    `${DATA_LICENCE.name}: ${DATA_LICENCE.url}`,
    `Credit: "${DATA_LICENCE.attribution}", ${link('/data/')}`,
    '',
  ].join('\r\n');
}

/** Names of the files in the ZIP, in order. */
export function zipFileNames(): string[] {
  return [...packageResources().map((r) => r.path), 'datapackage.json', 'README.txt'];
}

/** The ZIP's bytes: a fixed timestamp (the as-of day), so two builds give the same file. */
export function dataZip(story: Story, link: Linker): Uint8Array {
  const mtime = new Date(`${asOfDate(story)}T12:00:00Z`);
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const r of packageResources()) files[r.path] = [strToU8(r.csv(story, link)), { mtime }];
  files['datapackage.json'] = [strToU8(dataPackageJson(story, link)), { mtime }];
  files['README.txt'] = [strToU8(packageReadme(story, link)), { mtime }];
  return zipSync(files, { level: 9 });
}
