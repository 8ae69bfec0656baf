/**
 * "Cite this": APA 7, MLA 9 and Chicago (notes-bibliography, bibliography
 * form) citations of a page, and the same reference as BibTeX, RIS and
 * CSL-JSON files (/cite/<key>.bib, .ris, .csl.json). Written here at build
 * time in plain TypeScript: no citation processor ships to readers.
 *
 * The date of every citation is the page's "last updated" day: for event and
 * instrument pages the rule of src/lib/story/corrections.ts (the same day the page
 * shows); for the list and chart pages, the newest publication day of the
 * sources behind what they show, or a correction to them, else the as-of day.
 */
import { type Story, asOfDate, byId } from '../story/story';
import { correctionsFor, lastUpdated } from '../story/corrections';
import { citedSources } from '../story/citations';
import { SITE_NAME } from '../util/site';

/** Shown where the reader fills in the day they read the page. */
export const ACCESS_PLACEHOLDER = '[access date]';

export interface CitePage {
  /** File name of the downloads: "events-alibaba-sues-dod", "disputes". */
  key: string;
  /** Base-free site path. */
  path: string;
  title: string;
  /** "YYYY-MM-DD". */
  updated: string;
  type: 'webpage' | 'dataset';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const BIB_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const parts = (day: string) => day.split('-').map(Number) as [number, number, number];

/** The page's key: its path with slashes as dashes ("/events/x/" → "events-x"). */
export const citeKey = (path: string) => path.replace(/^\/|\/$/g, '').replace(/\//g, '-') || 'home';

/** Newest publication day among the sources cited anywhere in `data`, and corrections to `path`; else the as-of day. */
function newestOf(story: Story, path: string, data: unknown): string {
  const days = [...citedSources(data)].map((s) => byId(story.sources, s)?.data.published ?? null).filter((d): d is string => d !== null);
  days.push(...correctionsFor(story, path).map((c) => c.data.date));
  return days.sort().at(-1) ?? asOfDate(story);
}

/** Every page with a "Cite this" block. */
export function citePages(story: Story): CitePage[] {
  const page = (path: string, title: string, updated: string, type: CitePage['type'] = 'webpage'): CitePage => ({ key: citeKey(path), path, title, updated, type });
  return [
    ...story.events.map((e) => page(`/events/${e.id}/`, e.data.title, lastUpdated(story, 'events', e.id).day)),
    ...story.instruments.map((i) => page(`/tracker/${i.id}/`, i.data.name, lastUpdated(story, 'instruments', i.id).day)),
    page('/disputes/', 'Where the sources disagree', newestOf(story, '/disputes/', story.claims.map((c) => c.data))),
    page('/timeline/', 'Timeline', newestOf(story, '/timeline/', story.events.map((e) => e.data))),
    page('/campaigns/', 'The campaigns compared', newestOf(story, '/campaigns/', story.campaigns.map((c) => c.data))),
    ...story.campaigns.map((c) => page(`/campaigns/${c.id}/`, c.data.name, newestOf(story, `/campaigns/${c.id}/`, c.data))),
    page('/markets/', 'Markets', newestOf(story, '/markets/', story.series.map((s) => s.data))),
    page('/data/', 'Data downloads', asOfDate(story), 'dataset'),
  ];
}

/** The cite page for a path; throws when the path has none. */
export function citePage(story: Story, path: string): CitePage {
  const found = citePages(story).find((p) => p.path === path);
  if (!found) throw new Error(`No "Cite this" page for "${path}"`);
  return found;
}

/** A citation as text runs; `italic` runs are the titles a style sets in italics. */
export type Run = { text: string; italic?: boolean };
export interface Styled {
  style: 'APA 7' | 'MLA 9' | 'Chicago';
  runs: Run[];
}

const plain = (runs: Run[]) => runs.map((r) => r.text).join('');
/** The text a reader copies (italics cannot travel in plain text). */
export const citationText = (s: Styled) => plain(s.runs);

/** The three ready-to-copy citations of a page. `url` is its absolute address. */
export function citations(p: CitePage, url: string): Styled[] {
  const [y, m, d] = parts(p.updated);
  const month = MONTHS[m - 1]!;
  const title = p.title.replace(/[.]$/, '');
  return [
    {
      style: 'APA 7',
      runs: [
        { text: `${SITE_NAME}. (${y}, ${month} ${d}). ` },
        { text: title, italic: true },
        { text: `${p.type === 'dataset' ? ' [Data set]' : ''}. Retrieved ${ACCESS_PLACEHOLDER}, from ${url}` },
      ],
    },
    {
      style: 'MLA 9',
      runs: [{ text: `“${title}.” ` }, { text: SITE_NAME, italic: true }, { text: `, ${d} ${month} ${y}, ${url.replace(/^https?:\/\//, '')}. Accessed ${ACCESS_PLACEHOLDER}.` }],
    },
    {
      style: 'Chicago',
      runs: [{ text: `${SITE_NAME}. “${title}.” Last modified ${month} ${d}, ${y}. Accessed ${ACCESS_PLACEHOLDER}. ${url}.` }],
    },
  ];
}

/** BibTeX: braces protect the corporate author and the title's capitals; specials are escaped. */
const bibEscape = (s: string) => s.replace(/[\\{}]/g, (c) => `\\${c}`).replace(/[&%$#_]/g, (c) => `\\${c}`).replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');

export function bibtex(p: CitePage, url: string): string {
  const [y, m] = parts(p.updated);
  // Values in braces; the corporate author and the title get a second pair, so BibTeX neither splits nor lower-cases them.
  const fields: [string, string][] = [
    ['author', `{{${SITE_NAME}}}`],
    ['title', `{{${bibEscape(p.title)}}}`],
    ['organization', `{${SITE_NAME}}`],
    ['year', `{${y}}`],
    ['month', BIB_MONTHS[m - 1]!],
    ['date', `{${p.updated}}`],
    ['url', `{${url}}`],
    ['note', `{Last updated ${p.updated}${p.type === 'dataset' ? '. Data set' : ''}}`],
  ];
  return `@${p.type === 'dataset' ? 'misc' : 'online'}{distillationfiles-${p.key},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}\n`;
}

export function ris(p: CitePage, url: string): string {
  const [y, m, d] = parts(p.updated);
  const pad = (n: number) => String(n).padStart(2, '0');
  const lines: [string, string][] = [
    ['TY', p.type === 'dataset' ? 'DATA' : 'ELEC'],
    ['AU', SITE_NAME],
    ['TI', p.title],
    ['T2', SITE_NAME],
    ['PY', String(y)],
    ['DA', `${y}/${pad(m)}/${pad(d)}/`],
    ['UR', url],
    ['N1', `Last updated ${p.updated}.`],
    ['ER', ''],
  ];
  return lines.map(([k, v]) => `${k}  - ${v}`.trimEnd()).join('\r\n') + '\r\n';
}

export function cslJson(p: CitePage, url: string): string {
  const [y, m, d] = parts(p.updated);
  const item = {
    id: `distillationfiles-${p.key}`,
    type: p.type,
    title: p.title,
    author: [{ literal: SITE_NAME }],
    'container-title': SITE_NAME,
    publisher: SITE_NAME,
    issued: { 'date-parts': [[y, m, d]] },
    URL: url,
    note: `Last updated ${p.updated}.`,
  };
  return `${JSON.stringify([item], null, 2)}\n`;
}

export const CITE_FORMATS = [
  { ext: 'bib', label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8', write: bibtex },
  { ext: 'ris', label: 'RIS', type: 'application/x-research-info-systems; charset=utf-8', write: ris },
  { ext: 'csl.json', label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json; charset=utf-8', write: cslJson },
] as const;
