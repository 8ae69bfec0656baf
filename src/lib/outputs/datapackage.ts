/**
 * The data package: /data/datapackage.json (Frictionless Data Package v2)
 * describing every CSV the site publishes, and /data/distillation-files-data.zip
 * (fflate) holding those CSVs, the datapackage.json and a README.
 *
 * Both are built from the data registry (src/lib/outputs/datasets.ts): one
 * resource per table, its Table Schema from the columns the CSV is written
 * from, its bytes from the same function as /data/<id>.csv. Each function
 * takes the registry, so a dataset added there is in the package and the ZIP.
 */
import { strToU8, zipSync } from 'fflate';
import { type Story, asOfDate } from '../story/story';
import { type Column, type Dataset, DATA_LICENCE, DATASETS, columnsIn, csvFile, tables } from './datasets';
import { formatDate } from '../util/format';
import type { Linker } from '../util/url';
import { SITE_NAME } from '../util/site';

export interface PackageResource {
  name: string;
  path: string;
  title: string;
  description: string;
  columns: Column[];
  /** The CSV text, as /data/<name>.csv serves it. */
  csv: (story: Story, link: Linker) => string;
}

/** Every CSV the site publishes: each table of the registry, in its order. */
export function packageResources(registry: readonly Dataset[] = DATASETS): PackageResource[] {
  return tables(registry).map((ds) => ({
    name: ds.id,
    path: `${ds.id}.csv`,
    title: ds.title,
    description: `${ds.description} The file has ${ds.rowIs}.`,
    columns: columnsIn(ds, 'csv'),
    csv: (story, link) => csvFile(ds, story, link),
  }));
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
export function dataPackage(story: Story, link: Linker, registry: readonly Dataset[] = DATASETS): Record<string, unknown> {
  const asOf = asOfDate(story);
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'the-distillation-files',
    title: `${SITE_NAME}: data`,
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
    resources: packageResources(registry).map((r) => ({
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

export function dataPackageJson(story: Story, link: Linker, registry: readonly Dataset[] = DATASETS): string {
  return `${JSON.stringify(dataPackage(story, link, registry), null, 2)}\n`;
}

/** The README inside the ZIP. */
export function packageReadme(story: Story, link: Linker, registry: readonly Dataset[] = DATASETS): string {
  const asOf = formatDate(asOfDate(story));
  const files = packageResources(registry).map((r) => `- ${r.path}: ${r.title}. ${r.description}`);
  return [
    `${SITE_NAME}: data package`,
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
export function zipFileNames(registry: readonly Dataset[] = DATASETS): string[] {
  return [...packageResources(registry).map((r) => r.path), 'datapackage.json', 'README.txt'];
}

/** The ZIP's bytes: a fixed timestamp (the as-of day), so two builds give the same file. */
export function dataZip(story: Story, link: Linker, registry: readonly Dataset[] = DATASETS): Uint8Array {
  const mtime = new Date(`${asOfDate(story)}T12:00:00Z`);
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const r of packageResources(registry)) files[r.path] = [strToU8(r.csv(story, link)), { mtime }];
  files['datapackage.json'] = [strToU8(dataPackageJson(story, link, registry)), { mtime }];
  files['README.txt'] = [strToU8(packageReadme(story, link, registry)), { mtime }];
  return zipSync(files, { level: 9 });
}
