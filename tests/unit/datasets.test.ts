/**
 * The data registry (src/lib/outputs/datasets.ts): every dataset it declares
 * is published (CSV and JSON for a table, one JSON file per row otherwise), is
 * in datapackage.json and the ZIP, and is listed on /data/; every JSON file has
 * the one envelope and every CSV header is its declared columns in order. A
 * fake dataset registered here appears in all of those, and rows that do not
 * match their declaration fail, naming the file and the column.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { loadContent } from './support/load-content';
import { parseCsv } from '../support/csv';
import {
  DATASETS,
  columnsIn,
  csvFile,
  dataFilePaths,
  datasetListing,
  jsonFile,
  perRowDatasets,
  rowFile,
  rowFiles,
  rowPaths,
  tablePaths,
  tables,
  type Column,
  type Dataset,
  type DataDocument,
} from '../../src/lib/outputs/datasets';
import { dataPackage, dataZip, packageReadme, zipFileNames } from '../../src/lib/outputs/datapackage';
import { datasetsLd } from '../../src/lib/outputs/jsonld';

const { story } = loadContent('content');
const link = (p: string) => `https://example.test/sub${p}`;
type Pkg = { resources: { name: string; path: string; schema: { fields: { name: string; description: string; derived: boolean }[] } }[] };

/** The envelope every JSON file shares. */
function expectEnvelope(doc: DataDocument, ds: Dataset, rows: number) {
  expect(Object.keys(doc)).toEqual(['meta', 'rows']);
  expect(Object.keys(doc.meta)).toEqual(['dataset', 'title', 'description', 'rows_are', 'row_count', 'as_of', 'licence', 'dictionary', 'csv', 'columns']);
  expect(doc.meta.dataset).toBe(ds.id);
  expect(doc.meta.row_count).toBe(rows);
  expect(doc.rows).toHaveLength(rows);
  expect(doc.meta.as_of).toBe('2026-06-26');
  expect(doc.meta.licence.id).toBe('CC-BY-4.0');
  const names = columnsIn(ds, 'json').map((c) => c.name);
  expect(doc.meta.columns.map((c) => c.name)).toEqual(names);
  for (const c of doc.meta.columns) expect(Object.keys(c).slice(0, 5)).toEqual(['name', 'type', 'nullable', 'derived', 'description']);
  for (const r of doc.rows) expect(Object.keys(r)).toEqual(names);
}

const snake = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

describe('every registry dataset', () => {
  const pkg = dataPackage(story, link) as Pkg;
  const zip = unzipSync(dataZip(story, link));
  const listing = datasetListing(story);
  const files = dataFilePaths(story);

  it('has snake_case column names, each described, each once', () => {
    for (const ds of DATASETS) {
      const names = ds.columns.map((c) => c.name);
      expect(new Set(names).size, ds.id).toBe(names.length);
      for (const c of ds.columns) {
        expect(c.name, `${ds.id}.${c.name}`).toMatch(snake);
        expect(c.description.length, `${ds.id}.${c.name} is described`).toBeGreaterThan(5);
      }
    }
  });

  it.each(tables().map((ds) => [ds.id, ds] as const))('%s: published as CSV and JSON, in the package and the ZIP, listed on /data/', (id, ds) => {
    expect(tablePaths().map((p) => p.params.dataset)).toContain(id);
    expect(files).toEqual(expect.arrayContaining([`${id}.csv`, `${id}.json`]));

    const csv = csvFile(ds, story, link);
    const header = csv.slice(0, csv.indexOf('\r\n')).split(',');
    expect(header).toEqual(columnsIn(ds, 'csv').map((c) => c.name));
    const rows = ds.rows(story, link);
    expect(parseCsv(csv)).toHaveLength(rows.length);
    expectEnvelope(JSON.parse(jsonFile(ds, story, link)), ds, rows.length);
    expect(JSON.parse(jsonFile(ds, story, link)).meta.csv).toBe(link(`/data/${id}.csv`));

    const resource = pkg.resources.find((r) => r.name === id)!;
    expect(resource.path).toBe(`${id}.csv`);
    expect(resource.schema.fields.map((f) => f.name)).toEqual(header);
    expect(strFromU8(zip[`${id}.csv`]!)).toBe(csv);

    const entry = listing.find((l) => l.dataset.id === id)!;
    expect(entry.files.map((f) => f.path)).toEqual([`/data/${id}.csv`, `/data/${id}.json`]);
    expect(entry.rowCount).toBe(rows.length);
    expect(entry.dictionary[0]!.columns.map((c) => c.name)).toEqual(header);
  });

  it.each(perRowDatasets().map((ds) => [ds.id, ds] as const))('%s: one JSON file per row in the envelope, listed on /data/, not in the package', (id, ds) => {
    const rows = rowFiles(ds, story);
    expect(rows.length).toBeGreaterThan(0);
    const paths = rowPaths(story).filter((p) => p.props.dataset === ds);
    expect(paths).toHaveLength(rows.length);
    for (const f of rows) {
      expect(files).toContain(f.path);
      expectEnvelope(JSON.parse(rowFile(ds, f.row, story)), ds, 1);
    }
    expect(JSON.parse(rowFile(ds, rows[0]!.row, story)).meta.csv).toBeNull();
    expect(pkg.resources.map((r) => r.name)).not.toContain(id);
    expect(Object.keys(zip).some((n) => n.startsWith(`${ds.perRow!.dir}/`))).toBe(false);
    const entry = listing.find((l) => l.dataset.id === id)!;
    expect(entry.rowCount).toBe(rows.length);
    expect(entry.files[0]!.path).toBe(`/data/${rows[0]!.path}`);
  });

  it('the event details keep what the timeline island reads, in snake_case', () => {
    const ds = perRowDatasets().find((d) => d.id === 'event-details')!;
    const f = rowFiles(ds, story).find((x) => x.key === 'alibaba-sues-dod')!;
    expect(f.path).toBe('events/alibaba-sues-dod.json');
    const row = JSON.parse(rowFile(ds, f.row, story)).rows[0];
    expect(row).toMatchObject({ id: 'alibaba-sues-dod', date_label: 'June 23 or 24, 2026', standing: 'Disputed', alleged_by: null, end_date: null, url: '/events/alibaba-sues-dod/' });
    expect(row.sources[0]).toEqual(expect.objectContaining({ id: 'unsigned-hearing-report', number: 3, credits: null, url: '/sources/#unsigned-hearing-report' }));
  });

  it('the built site has every file, and /data/ lists every dataset', () => {
    if (!existsSync('dist/data/index.html')) return;
    for (const f of files) expect(existsSync(`dist/data/${f}`), f).toBe(true);
    const page = readFileSync('dist/data/index.html', 'utf8');
    for (const ds of DATASETS) expect(page, ds.id).toContain(`<section id="${ds.id}"`);
    for (const ds of tables()) for (const ext of ['csv', 'json']) expect(page).toContain(`href="/data/${ds.id}.${ext}" download`);
    for (const f of files.filter((x) => x.endsWith('.json'))) {
      const doc = JSON.parse(readFileSync(`dist/data/${f}`, 'utf8'));
      expect(Object.keys(doc), f).toEqual(['meta', 'rows']);
    }
    for (const ds of tables()) {
      const header = readFileSync(`dist/data/${ds.id}.csv`, 'utf8').split('\r\n')[0];
      expect(header, ds.id).toBe(columnsIn(ds, 'csv').map((c) => c.name).join(','));
    }
  });
});

const column = (name: string, type: Column['type'], extra: Partial<Column> = {}): Column => ({ name, type, nullable: false, derived: false, description: `The ${name} of a fake thing.`, ...extra });

/** A dataset that exists only here: registering it is one entry, and it must appear everywhere. */
const fake: Dataset = {
  id: 'fake-things',
  title: 'Fake things',
  rowIs: 'one row per fake thing',
  description: 'Things registered only by this test.',
  columns: [
    column('id', 'string'),
    column('count', 'integer', { nullable: true }),
    column('tags', 'list'),
    column('parts', 'list', { json: 'The parts, as objects with a name.', csv: (v) => (v as { name: string }[]).map((p) => p.name).join('; ') }),
    column('secret_json', 'string', { only: 'json' }),
    column('url', 'url'),
  ],
  rows: (_, link) => [
    { id: 'a', count: 3, tags: ['x', 'y'], parts: [{ name: 'p1' }, { name: 'p2' }], secret_json: 'j', url: link('/things/a/') },
    { id: 'b', count: null, tags: [], parts: [], secret_json: 'k', url: link('/things/b/') },
  ],
};

const fakeRows: Dataset = {
  id: 'fake-details',
  title: 'Fake details',
  rowIs: 'one row each, one file per fake thing',
  description: 'Details registered only by this test.',
  columns: [column('id', 'string'), column('url', 'url')],
  rows: (_, link) => [{ id: 'a', url: link('/things/a/') }, { id: 'b', url: link('/things/b/') }],
  perRow: { dir: 'things', key: 'id' },
};

describe('registering a fake dataset', () => {
  const registry = [...DATASETS, fake, fakeRows];

  it('publishes it through the one CSV route and the one JSON route', () => {
    expect(tablePaths(registry).map((p) => p.params.dataset)).toContain('fake-things');
    expect(dataFilePaths(story, registry)).toEqual(expect.arrayContaining(['fake-things.csv', 'fake-things.json', 'things/a.json', 'things/b.json']));
    expect(csvFile(fake, story, link)).toBe('id,count,tags,parts,url\r\na,3,x; y,p1; p2,https://example.test/sub/things/a/\r\nb,,,,https://example.test/sub/things/b/\r\n');
    const doc = JSON.parse(jsonFile(fake, story, link)) as DataDocument;
    expectEnvelope(doc, fake, 2);
    expect(doc.rows[0]).toEqual({ id: 'a', count: 3, tags: ['x', 'y'], parts: [{ name: 'p1' }, { name: 'p2' }], secret_json: 'j', url: 'https://example.test/sub/things/a/' });
    expect(doc.meta.columns.find((c) => c.name === 'parts')!.description).toBe('The parts, as objects with a name.');
    expect(doc.meta.dictionary).toBe('https://example.test/sub/data/#fake-things');
  });

  it('publishes a per-row fake one file per row, with site paths', () => {
    expect(rowPaths(story, registry).filter((p) => p.props.dataset === fakeRows).map((p) => p.params)).toEqual([
      { dataset: 'things', key: 'a' },
      { dataset: 'things', key: 'b' },
    ]);
    const doc = JSON.parse(rowFile(fakeRows, rowFiles(fakeRows, story)[1]!.row, story)) as DataDocument;
    expectEnvelope(doc, fakeRows, 1);
    expect(doc.rows[0]).toEqual({ id: 'b', url: '/things/b/' });
  });

  it('puts it in datapackage.json, the ZIP and its README, with its schema', () => {
    const pkg = dataPackage(story, link, registry) as Pkg;
    const resource = pkg.resources.find((r) => r.name === 'fake-things')!;
    expect(resource.path).toBe('fake-things.csv');
    expect(resource.schema.fields.map((f) => f.name)).toEqual(['id', 'count', 'tags', 'parts', 'url']);
    expect(pkg.resources.map((r) => r.name)).not.toContain('fake-details');
    expect(zipFileNames(registry)).toContain('fake-things.csv');
    const zip = unzipSync(dataZip(story, link, registry));
    expect(strFromU8(zip['fake-things.csv']!)).toBe(csvFile(fake, story, link));
    expect(JSON.parse(strFromU8(zip['datapackage.json']!))).toEqual(pkg);
    expect(packageReadme(story, link, registry)).toContain('- fake-things.csv: Fake things. Things registered only by this test. The file has one row per fake thing.');
  });

  it('lists it on /data/, with its dictionary, and in the page\'s JSON-LD', () => {
    const listing = datasetListing(story, registry);
    expect(listing.map((l) => l.dataset.id).slice(-2)).toEqual(['fake-things', 'fake-details']);
    const entry = listing.find((l) => l.dataset.id === 'fake-things')!;
    expect(entry.rowCount).toBe(2);
    expect(entry.files).toEqual([
      { name: 'fake-things.csv', path: '/data/fake-things.csv' },
      { name: 'fake-things.json', path: '/data/fake-things.json' },
    ]);
    expect(entry.dictionary.map((t) => t.caption)).toEqual(['Columns of fake-things.csv', 'Fields of each object in fake-things.json']);
    expect(entry.dictionary[1]!.columns.map((c) => c.name)).toEqual(['id', 'count', 'tags', 'parts', 'secret_json', 'url']);
    const details = listing.find((l) => l.dataset.id === 'fake-details')!;
    expect(details.names).toEqual(['things/<id>.json']);
    expect(details.files).toEqual([{ name: 'things/a.json', path: '/data/things/a.json' }]);
    const ld = datasetsLd(story, link, registry);
    expect(ld.map((d) => d['@id'])).toContain('https://example.test/sub/data/#fake-things');
  });

  it('rejects rows that do not match the declaration, naming the file and the column', () => {
    const missing: Dataset = { ...fake, rows: (s, l) => fake.rows(s, l).map(({ url: _, ...r }) => r) };
    expect(() => csvFile(missing, story, link)).toThrow(/data\/fake-things: row 1 \(a\) has the columns \[id, count, tags, parts, secret_json\]/);
    const nulled: Dataset = { ...fake, rows: (s, l) => fake.rows(s, l).map((r) => ({ ...r, tags: null })) };
    expect(() => jsonFile(nulled, story, link)).toThrow(/data\/fake-things: row 1 \(a\): "tags" is null, but the column is not declared nullable/);
    const flat: Dataset = { ...fake, columns: fake.columns.map((c) => (c.name === 'parts' ? { ...c, csv: undefined } : c)) };
    expect(() => csvFile(flat, story, link)).toThrow(/data\/fake-things.csv: "parts" holds objects/);
    expect(() => tablePaths([...DATASETS, { ...fake, id: 'events' }])).toThrow(/"events" is registered twice/);
    expect(() => tablePaths([...DATASETS, { ...fake, id: 'datapackage' }])).toThrow(/taken by another file/);
  });
});
