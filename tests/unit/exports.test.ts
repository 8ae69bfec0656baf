/**
 * The data downloads and the feed, built from the real content: every row has
 * exactly its documented columns, the files round-trip with the content
 * (figures exact, undisclosed as null never 0, derived figures from
 * derive.ts with their formula), CSV is RFC 4180, and the RSS items are one
 * per event plus one per dated instrument step.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from './support/load-content';
import { getById, citation } from '../../src/lib/story/story';
import { exchangesPerAccount, exchangesPerDay } from '../../src/lib/story/derive';
import {
  CAMPAIGN_COLUMNS,
  CLAIM_COLUMNS,
  DATASETS,
  DATA_LICENCE,
  EVENT_COLUMNS,
  SOURCE_COLUMNS,
  campaignRows,
  claimRows,
  columnsIn,
  csvFile,
  dataset,
  eventRows,
  jsonFile,
  sourceRows,
  tables,
  type Cell,
  type Row,
} from '../../src/lib/outputs/datasets';
import { csvCell, csvText, type CsvValue } from '../../src/lib/util/csv';
import { parseCsv } from '../support/csv';
import { eventItems, feedItems, statusItems } from '../../src/lib/outputs/feed';

const { story, errors } = loadContent('content');
const link = (p: string) => `https://example.test/sub${p}`;

describe('columns and rows', () => {
  it('the content loads', () => expect(errors).toEqual([]));

  it.each([
    ['events', EVENT_COLUMNS, () => eventRows(story)],
    ['campaigns', CAMPAIGN_COLUMNS, () => campaignRows(story)],
    ['sources', SOURCE_COLUMNS, () => sourceRows(story)],
    ['claims', CLAIM_COLUMNS, () => claimRows(story)],
  ] as const)('%s: every row has exactly the documented columns', (_, columns, rows) => {
    const names = columns.map((c) => c.name);
    expect(new Set(names).size, 'column names are unique').toBe(names.length);
    for (const row of rows()) expect(Object.keys(row)).toEqual(names);
    for (const c of columns) expect(c.description.length, `${c.name} is described`).toBeGreaterThan(10);
  });

  it('the instruments file is documented column by column, in CSV and in JSON', () => {
    const instruments = dataset('instruments');
    const csvHeader = csvFile(instruments, story, link).split('\r\n')[0]!.split(',');
    expect(columnsIn(instruments, 'csv').map((c) => c.name).sort()).toEqual([...csvHeader].sort());
    const first = JSON.parse(jsonFile(instruments, story, link)).rows[0];
    expect(columnsIn(instruments, 'json').map((c) => c.name).sort()).toEqual(Object.keys(first).sort());
    expect(columnsIn(instruments, 'csv').map((c) => c.name)).toEqual([
      'id', 'name', 'short_name', 'kind', 'status', 'stage_index', 'stage_name', 'stage_count', 'status_code', 'ended',
      'last_action_dates', 'possible_next', 'steps', 'next', 'sponsors', 'issuers', 'committees', 'sources', 'as_of',
    ]);
    for (const c of instruments.columns) expect(c.description.length, `${c.name} is described`).toBeGreaterThan(5);
  });

  it('every dataset is listed once: the five the issue asks for, the chart data and the per-event files', () => {
    expect(tables().map((d) => d.id).sort()).toEqual(['campaigns', 'claims', 'events', 'instruments', 'market', 'sources', 'timeline']);
    expect(DATASETS.map((d) => d.id).sort()).toEqual(['campaigns', 'claims', 'event-details', 'events', 'instruments', 'market', 'sources', 'timeline']);
  });
});

describe('round trip with the content', () => {
  it('one event row per event, with its date, standing and source ids', () => {
    const rows = eventRows(story);
    expect(rows).toHaveLength(story.events.length);
    for (const e of story.events) {
      const row = rows.find((r) => r.id === e.id)!;
      expect(row.date).toBe(e.data.date);
      expect(row.date_precision).toBe(e.data.date.length === 7 ? 'month' : 'day');
      expect(row.sources).toEqual([...new Set(e.data.sources.map((c) => citation(c).source))]);
      expect(row.alleged_by).toBe(e.data.allegedBy ?? null);
      expect(row.date_note).toBe(e.data.dateNote ?? null);
    }
    expect(rows.find((r) => r.id === 'hagerty-kim-amendment-plan')!.date_note).toMatch(/no source dates the announcement/);
    const disputed = rows.find((r) => r.id === 'alibaba-sues-dod')!;
    expect(disputed.date_disputed).toBe(true);
    expect(disputed.date_alternatives).toEqual(['2026-06-23', '2026-06-24']);
    expect(disputed.date).toBe('2026-06-23');
  });

  it('campaign figures are the exact integers of the content; undisclosed is null, never 0', () => {
    const rows = campaignRows(story);
    expect(rows).toHaveLength(story.campaigns.length);
    for (const c of story.campaigns) {
      const row = rows.find((r) => r.id === c.id)!;
      for (const metric of ['accounts', 'exchanges'] as const) {
        expect(row[metric]).toBe(c.data[metric].value);
        if (c.data[metric].value === null) {
          expect(row[`${metric}_qualifier`]).toBeNull();
          expect(row[`${metric}_note`]).toBe(c.data[metric].note);
        } else {
          expect(row[`${metric}_qualifier`]).toBe(c.data[metric].qualifier);
          expect(row[`${metric}_sources`]).toEqual([...new Set(c.data[metric].sources.map((s) => citation(s).source))]);
        }
      }
    }
    const alibaba = rows.find((r) => r.id === 'alibaba-linked')!;
    expect(alibaba.exchanges).toBe(28_800_000);
    expect(alibaba.accounts).toBe(25_000);
    expect(alibaba.accounts_qualifier).toBe('about');
    const deepseek = rows.find((r) => r.id === 'deepseek-february')!;
    expect(deepseek.accounts).toBeNull();
    expect(csvCell(deepseek.accounts as CsvValue)).toBe('');
  });

  it('derived figures come from derive.ts, rounded to two decimals, with their formula', () => {
    for (const c of story.campaigns) {
      const row = campaignRows(story).find((r) => r.id === c.id)!;
      const perAccount = exchangesPerAccount(c.data);
      expect(row.exchanges_per_account).toBe(perAccount ? Math.round(perAccount.value * 100) / 100 : null);
      expect(row.exchanges_per_account_formula).toBe(perAccount?.formula ?? null);
      const perDay = exchangesPerDay(c.data);
      expect(row.exchanges_per_day).toBe(perDay ? Math.round(perDay.value * 100) / 100 : null);
    }
    const alibaba = campaignRows(story).find((r) => r.id === 'alibaba-linked')!;
    // Hand-computed: 28,800,000 ÷ 25,000 = 1,152; April 22 to June 5 is 44 days between, 45 counting both.
    expect(alibaba.exchanges_per_account).toBe(1152);
    expect(alibaba.window_days_between).toBe(44);
    expect(alibaba.window_days_inclusive).toBe(45);
    expect(alibaba.exchanges_per_day).toBe(640_000);
    expect(CAMPAIGN_COLUMNS.filter((c) => c.derived).map((c) => c.name)).toContain('exchanges_per_account_formula');
  });

  it('sources and claims round-trip; every claim position is a row with its source', () => {
    expect(sourceRows(story).map((r) => r.id).sort()).toEqual(story.sources.map((s) => s.id).sort());
    const rows = claimRows(story);
    expect(rows).toHaveLength(story.claims.reduce((n, c) => n + c.data.positions.length, 0));
    for (const c of story.claims) {
      const mine = rows.filter((r) => r.claim_id === c.id);
      expect(mine.map((r) => r.source)).toEqual(c.data.positions.map((p) => citation(p.source).source));
      expect(mine.map((r) => r.wording)).toEqual(c.data.positions.map((p) => p.wording));
    }
  });

  it('every row names its sources', () => {
    for (const r of eventRows(story)) expect((r.sources as string[]).length).toBeGreaterThan(0);
    for (const r of campaignRows(story)) expect((r.sources as string[]).length).toBeGreaterThan(0);
    for (const r of claimRows(story)) expect(r.source).toMatch(/^[a-z0-9-]+$/);
    const known = new Set(story.sources.map((s) => s.id));
    for (const r of [...eventRows(story), ...campaignRows(story)]) for (const s of r.sources as string[]) expect(known.has(s)).toBe(true);
  });
});

describe('files', () => {
  it('CSV round-trips: parsing the file gives back every cell', () => {
    for (const ds of tables()) {
      const rows = ds.rows(story, link);
      const parsed = parseCsv(csvFile(ds, story, link));
      const columns = columnsIn(ds, 'csv');
      expect(parsed).toHaveLength(rows.length);
      parsed.forEach((p, i) => {
        const row = rows[i] as Row;
        expect(Object.keys(p)).toEqual(columns.map((c) => c.name));
        for (const c of columns) {
          const value = row[c.name] as Cell;
          expect(p[c.name], `${ds.id} row ${i} ${c.name}`).toBe(c.csv ? c.csv(value) : csvCell(value as CsvValue));
        }
      });
    }
  });

  it('CSV is RFC 4180: header row, CRLF line ends, quoted commas, quotes and line breaks', () => {
    const text = csvText(['a', 'b'], [{ a: 'say "hi", then\nleave', b: ['x', 'y'] }, { a: 'plain', b: null }]);
    expect(text).toBe('a,b\r\n"say ""hi"", then\nleave",x; y\r\nplain,\r\n');
    expect(parseCsv(text)).toEqual([
      { a: 'say "hi", then\nleave', b: 'x; y' },
      { a: 'plain', b: '' },
    ]);
    expect(() => parseCsv('a\r\n"open\r\n')).toThrow(/unterminated/);
    expect(() => csvText(['a', 'b'], [{ a: 'x' }])).toThrow(/row 1 has no value for column "b"/);
  });

  it('each JSON file carries the licence, the as-of day, its columns and its rows', () => {
    for (const ds of tables()) {
      const id = ds.id;
      const doc = JSON.parse(jsonFile(ds, story, link));
      expect(doc.meta.licence.url).toBe(DATA_LICENCE.url);
      expect(doc.meta.licence.text).toContain('publishers');
      expect(doc.meta.as_of).toBe('2026-06-26');
      expect(doc.meta.row_count).toBe(doc.rows.length);
      expect(doc.meta.columns.map((c: { name: string }) => c.name)).toEqual(columnsIn(ds, 'json').map((c) => c.name));
      expect(doc.meta.dictionary).toBe(`https://example.test/sub/data/#${id}`);
    }
    for (const id of ['events', 'campaigns', 'sources', 'claims'] as const) {
      const ds = dataset(id);
      expect(columnsIn(ds, 'json')).toEqual(columnsIn(ds, 'csv'));
      expect(JSON.parse(jsonFile(ds, story, link)).meta.columns).toEqual(ds.columns);
    }
    const events = JSON.parse(jsonFile(dataset('events'), story, link));
    expect(events.rows[0].url).toMatch(/^https:\/\/example\.test\/sub\/events\//);
  });
});

describe('feed', () => {
  const dated = story.instruments.reduce((n, i) => n + i.data.steps.filter((s) => s.date !== null).length, 0);

  it('has one item per event and one per dated instrument step', () => {
    expect(eventItems(story, link)).toHaveLength(story.events.length);
    expect(statusItems(story, link)).toHaveLength(dated);
    expect(feedItems(story, link)).toHaveLength(story.events.length + dated);
  });

  it('links carry the base path; guids are unique', () => {
    const items = feedItems(story, link);
    for (const i of items) expect(i.link.startsWith('https://example.test/sub/')).toBe(true);
    expect(new Set(items.map((i) => i.guid)).size).toBe(items.length);
  });

  it('a month-only date is the first of the month and says so; a disputed date is the earliest and says so', () => {
    const items = eventItems(story, link);
    const month = story.events.find((e) => e.data.date.length === 7)!;
    const m = items.find((i) => i.link.endsWith(`/events/${month.id}/`))!;
    expect(m.pubDate.toISOString().slice(0, 10)).toBe(`${month.data.date}-01`);
    expect(m.description).toContain('Month known only');
    const d = items.find((i) => i.link.endsWith('/events/alibaba-sues-dod/'))!;
    expect(d.pubDate.toISOString().slice(0, 10)).toBe('2026-06-23');
    expect(d.description).toContain('Date disputed: the sources give June 23 or 24, 2026');
  });

  it('a status change is titled with the instrument and the action', () => {
    const hr = getById(story.instruments, 'hr-8283', 'instrument');
    const items = statusItems(story, link).filter((i) => i.link.endsWith('/tracker/hr-8283/'));
    expect(items).toHaveLength(hr.data.steps.filter((s) => s.date !== null).length);
    expect(items.map((i) => i.title)).toContain('H.R. 8283: Passed committee');
  });
});
