/**
 * "Cite this" (BibTeX, RIS and CSL-JSON parse; every date is the page's
 * last-updated day) and the data package (every resource exists, its fields
 * match its CSV header in order, every value fits its declared type; the ZIP
 * holds exactly those files).
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { ACCESS_PLACEHOLDER, bibtex, citationText, citations, citePage, citePages, cslJson, ris } from '../../src/lib/outputs/cite';
import { lastUpdated } from '../../src/lib/story/corrections';
import { dataPackage, dataZip, packageResources, packageReadme, zipFileNames } from '../../src/lib/outputs/datapackage';
import { tablePaths } from '../../src/lib/outputs/datasets';
import { parseCsv } from '../support/csv';
import { asOfDate } from '../../src/lib/story/story';
import { loadContent } from './support/load-content';

const { story } = loadContent('content');
const link = (p: string) => `https://example.org${p}`;

/** A small BibTeX parser: one entry, fields as `name = {value}` (nested braces) or a bare word. */
function parseBibtex(text: string): { type: string; key: string; fields: Record<string, string> } {
  const head = /^@(\w+)\{([^,\s]+),\n/.exec(text);
  if (!head) throw new Error('no entry head');
  const fields: Record<string, string> = {};
  let i = head[0].length;
  while (i < text.length) {
    const m = /^\s*(\w+)\s*=\s*/.exec(text.slice(i));
    if (!m) break;
    i += m[0].length;
    let value = '';
    if (text[i] === '{') {
      let depth = 0;
      const start = i;
      for (; i < text.length; i++) {
        if (text[i] === '\\') { i++; continue; }
        if (text[i] === '{') depth++;
        if (text[i] === '}' && --depth === 0) break;
      }
      if (depth !== 0) throw new Error('unbalanced braces');
      value = text.slice(start + 1, i);
      i++;
    } else {
      const w = /^\w+/.exec(text.slice(i));
      if (!w) throw new Error(`bad value at ${i}`);
      value = w[0];
      i += w[0].length;
    }
    fields[m[1]!] = value;
    const sep = /^\s*(,|\n?\})/.exec(text.slice(i));
    if (!sep) throw new Error(`expected , or } at ${i}`);
    i += sep[0].length;
    if (sep[1]!.endsWith('}')) break;
  }
  if (text.slice(i).trim() !== '') throw new Error('text after the entry');
  return { type: head[1]!, key: head[2]!, fields };
}

/** RIS: "XX  - value" lines, TY first and ER last. */
function parseRis(text: string): Record<string, string[]> {
  const lines = text.split('\r\n').filter((l) => l !== '');
  const tags: Record<string, string[]> = {};
  for (const l of lines) {
    const m = /^([A-Z][A-Z0-9])  - ?(.*)$/.exec(l);
    if (!m) throw new Error(`bad RIS line "${l}"`);
    (tags[m[1]!] ??= []).push(m[2]!);
  }
  if (!lines[0]!.startsWith('TY  - ') || lines.at(-1) !== 'ER  -') throw new Error('RIS must start with TY and end with ER');
  return tags;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

describe('cite this', () => {
  const pages = citePages(story);

  it('covers every event, instrument, dispute, chart and dataset page, with unique keys', () => {
    const paths = pages.map((p) => p.path);
    for (const e of story.events) expect(paths).toContain(`/events/${e.id}/`);
    for (const i of story.instruments) expect(paths).toContain(`/tracker/${i.id}/`);
    for (const c of story.campaigns) expect(paths).toContain(`/campaigns/${c.id}/`);
    for (const p of ['/disputes/', '/timeline/', '/campaigns/', '/markets/', '/data/']) expect(paths).toContain(p);
    expect(new Set(pages.map((p) => p.key)).size).toBe(pages.length);
  });

  it('dates event and instrument citations by the page\'s last-updated day', () => {
    for (const e of story.events) expect(citePage(story, `/events/${e.id}/`).updated).toBe(lastUpdated(story, 'events', e.id).day);
    for (const i of story.instruments) expect(citePage(story, `/tracker/${i.id}/`).updated).toBe(lastUpdated(story, 'instruments', i.id).day);
    expect(citePage(story, '/data/').updated).toBe(asOfDate(story));
  });

  it.each(pages.map((p) => [p.key, p] as const))('%s: BibTeX, RIS and CSL-JSON parse and carry the page\'s date and address', (_, p) => {
    const url = link(p.path);
    const [y, m, d] = p.updated.split('-').map(Number) as [number, number, number];

    const bib = parseBibtex(bibtex(p, url));
    expect(bib.key).toBe(`distillationfiles-${p.key}`);
    expect(bib.fields.date).toBe(p.updated);
    expect(bib.fields.year).toBe(String(y));
    expect(bib.fields.month).toBe(MONTHS[m - 1]);
    expect(bib.fields.url).toBe(url);
    expect(bib.fields.author).toBe('{The Distillation Files}');

    const r = parseRis(ris(p, url));
    expect(r.DA).toEqual([`${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/`]);
    expect(r.UR).toEqual([url]);
    expect(r.TI).toEqual([p.title]);

    const csl = JSON.parse(cslJson(p, url));
    expect(csl).toHaveLength(1);
    expect(csl[0].issued['date-parts']).toEqual([[y, m, d]]);
    expect(csl[0].URL).toBe(url);
    expect(['webpage', 'dataset']).toContain(csl[0].type);

    for (const s of citations(p, url)) {
      const text = citationText(s);
      expect(text).toContain(ACCESS_PLACEHOLDER);
      expect(text).toContain(String(y));
      expect(text).toContain(String(d));
    }
  });

  it('writes the three styles as expected for one page', () => {
    const p = citePage(story, '/events/alibaba-sues-dod/');
    const [apa, mla, chicago] = citations(p, 'https://example.org/events/alibaba-sues-dod/').map(citationText);
    const [y, m, d] = p.updated.split('-').map(Number) as [number, number, number];
    const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    expect(apa).toBe(`The Distillation Files. (${y}, ${month} ${d}). ${p.title}. Retrieved [access date], from https://example.org/events/alibaba-sues-dod/`);
    expect(mla).toBe(`“${p.title}.” The Distillation Files, ${d} ${month} ${y}, example.org/events/alibaba-sues-dod/. Accessed [access date].`);
    expect(chicago).toBe(`The Distillation Files. “${p.title}.” Last modified ${month} ${d}, ${y}. Accessed [access date]. https://example.org/events/alibaba-sues-dod/.`);
  });

  it('escapes BibTeX specials in titles', () => {
    const p = { ...citePage(story, '/data/'), title: 'R&D {50%} of_x #1' };
    expect(parseBibtex(bibtex(p, link('/data/'))).fields.title).toBe('{R\\&D \\{50\\%\\} of\\_x \\#1}');
  });
});

type Field = { name: string; type: string; format?: string; constraints: { required: boolean; pattern?: string } };

function fits(value: string, f: Field): boolean {
  if (value === '') return !f.constraints.required;
  if (f.constraints.pattern && !new RegExp(f.constraints.pattern).test(value)) return false;
  switch (f.type) {
    case 'integer':
      return /^-?\d+$/.test(value);
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value);
    case 'boolean':
      return value === 'true' || value === 'false';
    case 'date': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
      return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
    }
    case 'string':
      if (f.format === 'uri') {
        try {
          return Boolean(new URL(value));
        } catch {
          return false;
        }
      }
      return true;
    default:
      return false;
  }
}

describe('the data package', () => {
  const pkg = dataPackage(story, link) as { resources: { name: string; path: string; schema: { fields: Field[] } }[]; licenses: unknown[]; as_of: string; sources: unknown[] };

  it('carries the licence, the sources and the as-of day', () => {
    expect(pkg.licenses).toEqual([expect.objectContaining({ name: 'CC-BY-4.0' })]);
    expect(pkg.as_of).toBe(asOfDate(story));
    expect(pkg.sources.length).toBeGreaterThan(0);
  });

  it('describes every CSV the site publishes, each served by an endpoint', () => {
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(['campaigns.csv', 'claims.csv', 'events.csv', 'instruments.csv', 'market.csv', 'sources.csv', 'timeline.csv']);
    // Every CSV is served by the one CSV route, whose static paths are the registry's tables.
    expect(existsSync('src/pages/data/[dataset].csv.ts')).toBe(true);
    const served = tablePaths().map((p) => `${p.params.dataset}.csv`);
    for (const r of pkg.resources) expect(served, r.path).toContain(r.path);
    if (existsSync('dist/data/datapackage.json')) for (const r of pkg.resources) expect(existsSync(`dist/data/${r.path}`), r.path).toBe(true);
  });

  it.each(packageResources().map((r) => [r.name, r] as const))('%s: fields match the CSV header in order, and every value fits its type', (name, r) => {
    const resource = pkg.resources.find((x) => x.name === name)!;
    const text = r.csv(story, link);
    const header = text.slice(0, text.indexOf('\r\n')).split(',');
    expect(resource.schema.fields.map((f) => f.name)).toEqual(header);
    const rows = parseCsv(text);
    expect(rows.length).toBeGreaterThan(0);
    for (const [n, row] of rows.entries()) {
      for (const f of resource.schema.fields) {
        expect(fits(row[f.name]!, f), `${r.path} row ${n + 1} ${f.name}=${JSON.stringify(row[f.name])} (${f.type})`).toBe(true);
      }
    }
  });

  it('the type check can fail', () => {
    expect(fits('2026-06', { name: 'x', type: 'date', constraints: { required: true } })).toBe(false);
    expect(fits('', { name: 'x', type: 'string', constraints: { required: true } })).toBe(false);
    expect(fits('1.5', { name: 'x', type: 'integer', constraints: { required: true } })).toBe(false);
  });

  it('the ZIP holds exactly the CSVs, datapackage.json and the README, byte for byte', () => {
    const files = unzipSync(dataZip(story, link));
    expect(Object.keys(files).sort()).toEqual([...zipFileNames()].sort());
    expect(Object.keys(files).sort()).toEqual([...pkg.resources.map((r) => r.path), 'datapackage.json', 'README.txt'].sort());
    for (const r of packageResources()) expect(strFromU8(files[r.path]!)).toBe(r.csv(story, link));
    expect(JSON.parse(strFromU8(files['datapackage.json']!))).toEqual(pkg);
    const readme = strFromU8(files['README.txt']!);
    expect(readme).toContain("Campaign figures are Anthropic's allegations, not verified findings.");
    expect(readme).toContain('As of June 26, 2026');
    expect(readme).toContain('CC BY 4.0');
    expect(readme).toBe(packageReadme(story, link));
    // Two builds give the same bytes.
    expect(dataZip(story, link)).toEqual(dataZip(story, link));
  });
});
