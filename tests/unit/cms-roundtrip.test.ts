/**
 * Nothing is lost when the CMS saves. Every content file is read and written
 * back the way the admin page's custom format does (src/cms/format.ts): an
 * unchanged save is byte-identical, an edit changes only its own lines (key
 * order, comments and quoting elsewhere survive), dates stay quoted strings,
 * empty optional fields are not written, and what the CMS writes passes
 * `npm run validate`.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { parse, parseDocument, stringify } from 'yaml';
import { makeCmsFormat, makeFormat, type FormatRules } from '../../src/cms/format';
import { registerFormats } from '../../src/cms/formats';
import { CMS_COLLECTIONS } from '../../src/cms/config';
import { validateContent } from '../../src/lib/story/validate';
import saveRules from '../../src/admin/save-rules.json';

type Collection = (typeof CMS_COLLECTIONS)[number];
const config = parse(readFileSync('src/admin/config.yml', 'utf8')) as { collections: { name: Collection; identifier_field: string; fields: { name: string }[] }[] };
const rulesOf = (c: Collection): FormatRules => ({ nulls: saveRules.nulls[c], numbers: saveRules.numbers[c], citations: saveRules.citations[c] });
const orderOf = (c: Collection) => config.collections.find((x) => x.name === c)!.fields.map((f) => f.name);
const identifierOf = (c: Collection) => config.collections.find((x) => x.name === c)!.identifier_field;
const isMdx = (c: Collection) => c === 'events';

const files = CMS_COLLECTIONS.flatMap((c) =>
  readdirSync(`content/${c}`)
    .filter((f) => f.endsWith(isMdx(c) ? '.mdx' : '.yaml'))
    .map((f) => ({ collection: c, path: `content/${c}/${f}`, text: readFileSync(`content/${c}/${f}`, 'utf8') })),
);

/** The frontmatter (or whole YAML file) as the build reads it. */
const asBuildReadsIt = (text: string, mdx: boolean) => jsyaml.load(mdx ? /^---\n([\s\S]*?\n)---/.exec(text)![1]! : text) as Record<string, unknown>;

const changedLines = (a: string, b: string) => {
  const x = a.split('\n');
  const y = b.split('\n');
  return { removed: x.filter((l, i) => y[i] !== l), added: y.filter((l, i) => x[i] !== l), lengthDelta: y.length - x.length };
};

describe('CMS round trip', () => {
  it('reads every content file the CMS edits', () => {
    expect(files.length).toBeGreaterThan(80);
    expect(new Set(files.map((f) => f.collection))).toEqual(new Set(CMS_COLLECTIONS.filter((c) => c !== 'corrections')));
  });

  it.each(files.map((f) => [f.path, f]))('%s: an unchanged save is byte-identical', (_path, { collection, text }) => {
    const format = makeFormat(rulesOf(collection), isMdx(collection));
    expect(format.toFile(format.fromFile(text), text, orderOf(collection))).toBe(text);
  });

  it('an unchanged save through the CMS hook (data only, no file name) finds its own file, for every file', () => {
    for (const collection of CMS_COLLECTIONS) {
      const cms = makeCmsFormat(rulesOf(collection), isMdx(collection));
      const own = files.filter((f) => f.collection === collection);
      const read = own.map((f) => cms.fromFile(f.text));
      own.forEach((f, i) => expect(cms.toFile(read[i]!, orderOf(collection)), f.path).toBe(f.text));
    }
  });

  it('an edit through the CMS hook is written onto its own file (the one sharing most values), for every file', () => {
    for (const collection of CMS_COLLECTIONS) {
      const cms = makeCmsFormat(rulesOf(collection), isMdx(collection));
      const own = files.filter((f) => f.collection === collection);
      const read = own.map((f) => cms.fromFile(f.text));
      const field = identifierOf(collection);
      own.forEach((f, i) => {
        const out = cms.toFile({ ...read[i]!, [field]: `${String(read[i]![field])} (edited)` }, orderOf(collection));
        const diff = changedLines(f.text, out);
        expect([diff.removed.length, diff.added.length, diff.lengthDelta], f.path).toEqual([1, 1, 0]);
      });
    }
  });

  it('registers one format per collection with the CMS, under the names the configuration uses', () => {
    const registered: { name: string; extension: string; format: { fromFile(t: string): object; toFile(d: object, k?: string[]): string } }[] = [];
    const cms = { registerCustomFormat: (name: string, extension: string, format: (typeof registered)[number]['format']) => registered.push({ name, extension, format }) };
    const collections = (config as unknown as { collections: { name: string; format: string; extension: string }[] }).collections;
    expect(registerFormats(cms, saveRules, collections)).toEqual(collections.map((c) => c.format));
    for (const f of files) {
      const { format, extension } = registered.find((r) => r.name === collections.find((c) => c.name === f.collection)!.format)!;
      expect(f.path.endsWith(`.${extension}`)).toBe(true);
      expect(format.toFile(format.fromFile(f.text), orderOf(f.collection)), f.path).toBe(f.text);
    }
    expect(() => registerFormats(cms, saveRules, [{ name: 'events', format: 'frontmatter', extension: 'mdx' }])).toThrow('format "frontmatter"');
  });

  it.each(files.map((f) => [f.path, f]))('%s: editing one field changes that line only; dates stay quoted strings', (_path, { collection, text }) => {
    const mdx = isMdx(collection);
    const format = makeFormat(rulesOf(collection), mdx);
    const data = format.fromFile(text);
    const field = identifierOf(collection);
    const edited = { ...data, [field]: `${String(data[field])} (edited)` };
    const out = format.toFile(edited, text, orderOf(collection));
    const diff = changedLines(text, out);
    expect(diff.lengthDelta).toBe(0);
    expect(diff.removed).toHaveLength(1);
    expect(diff.added).toHaveLength(1);
    expect(diff.added[0]).toContain('(edited)');
    // The build reads the same data, with the one change: every date is still a string.
    const before = asBuildReadsIt(text, mdx);
    const after = asBuildReadsIt(out, mdx);
    expect(after).toEqual({ ...before, [field]: `${String(before[field])} (edited)` });
    expect(JSON.stringify(after)).not.toMatch(/T00:00:00/);
  });

  it('writes a changed date in double quotes, in its place', () => {
    const { text } = files.find((f) => f.path === 'content/events/alibaba-sues-dod.mdx')!;
    const format = makeFormat(rulesOf('events'), true);
    const out = format.toFile({ ...format.fromFile(text), date: '2026-07-15' }, text, orderOf('events'));
    expect(changedLines(text, out).added).toEqual(['date: "2026-07-15"']);
    expect(asBuildReadsIt(out, true).date).toBe('2026-07-15');
  });

  it('keeps comments and key order when a field changes', () => {
    const text = [
      '# A correction, kept with its comments.',
      'date: "2026-07-02"                 # the day of the correction (quoted)',
      'page: /events/alibaba-sues-dod/    # a site path',
      'what: The page gave the filing date as June 24.',
      '',
      '# Why, in our words.',
      'why: We read only one of the two sources.',
      'sources: [unsigned-hearing-report] # optional',
      '',
    ].join('\n');
    const format = makeFormat(rulesOf('corrections'), false);
    const out = format.toFile({ ...format.fromFile(text), what: 'It now gives June 23 or 24.', why: 'Two sources differ.' }, text, orderOf('corrections'));
    expect(out).toBe(
      text.replace('what: The page gave the filing date as June 24.', 'what: It now gives June 23 or 24.').replace('why: We read only one of the two sources.', 'why: Two sources differ.'),
    );
  });

  it('keeps the fixture correction (with its comment) byte for byte, and adds a source after the others', () => {
    const text = readFileSync('tests/fixtures/corrections/lawsuit-date.yaml', 'utf8');
    const format = makeFormat(rulesOf('corrections'), false);
    const data = format.fromFile(text);
    expect(format.toFile(data, text)).toBe(text);
    const out = format.toFile({ ...data, sources: [...(data.sources as object[]), { source: 'khalid-senate-letter', credits: '', note: '' }] }, text);
    expect(changedLines(text, out).added).toEqual(['sources: [unsigned-hearing-report, khalid-senate-letter]']);
    expect(out.startsWith('# Test fixture')).toBe(true);
  });

  it('writes a new event in the form’s field order, quoted dates, short citations, and no empty optional field', () => {
    const format = makeFormat(rulesOf('events'), true);
    const out = format.toFile(
      {
        title: 'Senate Banking schedules a hearing on distillation',
        date: '2026-07-15',
        endDate: '',
        dateClaim: '',
        dateNote: undefined,
        kind: 'hearing',
        summary: 'A hearing is set.',
        allegedBy: '',
        actors: ['senate-banking'],
        sources: [{ source: 'nolan-banking-sanctions', credits: '', note: '' }, { source: 'khalid-senate-letter', credits: 'Bloomberg (June 24, 2026)' }],
        campaigns: [],
        instruments: [],
        claims: [],
        body: 'Prose <Cite s="nolan-banking-sanctions" />.',
      },
      undefined,
      orderOf('events'),
    );
    expect(out).toBe(
      [
        '---',
        'title: Senate Banking schedules a hearing on distillation',
        'date: "2026-07-15"',
        'kind: hearing',
        'summary: A hearing is set.',
        'actors: [senate-banking]',
        'sources:',
        '  - nolan-banking-sanctions',
        '  - { source: khalid-senate-letter, credits: "Bloomberg (June 24, 2026)" }',
        '---',
        '',
        'Prose <Cite s="nolan-banking-sanctions" />.',
        '',
      ].join('\n'),
    );
  });

  it('adds a step to an instrument’s history without touching the rest; an empty date is written as null', () => {
    const { text } = files.find((f) => f.path === 'content/instruments/hr-8283.yaml')!;
    const format = makeFormat(rulesOf('instruments'), false);
    const data = format.fromFile(text);
    const steps = data.steps as Record<string, unknown>[];
    const out = format.toFile(
      {
        ...data,
        steps: [
          ...steps,
          { action: 'passed-house', date: '2026-07-20', dateNote: '', text: 'The House passed the bill.', event: '', sources: [{ source: 'flux-tokentoday' }] },
          { action: 'passed-senate', date: '', dateNote: 'Not yet dated.', text: 'A later step.', sources: [{ source: 'flux-tokentoday' }] },
        ],
      },
      text,
    );
    const diff = changedLines(text, out);
    expect(diff.removed.length).toBeLessThanOrEqual(diff.added.length);
    expect(out).toContain('  - action: passed-house\n    date: "2026-07-20"\n    text: The House passed the bill.\n    sources: [flux-tokentoday]\n');
    expect(out).toContain('  - action: passed-senate\n    date: null\n    dateNote: Not yet dated.\n');
    // Everything that was there is still there, in order.
    const kept = text.split('\n').filter((l) => l !== '');
    const outLines = out.split('\n');
    let at = 0;
    for (const line of kept) {
      at = outLines.indexOf(line, at);
      expect(at, line).toBeGreaterThanOrEqual(0);
    }
    expect((asBuildReadsIt(out, false).steps as { date: unknown }[]).at(-2)!.date).toBe('2026-07-20');
  });

  it('writes a claim position’s number as a number', () => {
    const { text } = files.find((f) => f.path === 'content/claims/minimax-exchange-count.yaml')!;
    const format = makeFormat(rulesOf('claims'), false);
    const data = format.fromFile(text);
    const positions = (data.positions as Record<string, unknown>[]).map((p, i) => (i === 0 ? { ...p, value: '123' } : p));
    const out = format.toFile({ ...data, positions }, text);
    expect((asBuildReadsIt(out, false).positions as { value: unknown }[])[0]!.value).toBe(123);
  });

  it('what the CMS writes passes npm run validate, and an impossible date typed into it is named', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cms-roundtrip-'));
    try {
      cpSync('content', tmp, { recursive: true });
      const events = makeFormat(rulesOf('events'), true);
      const event = {
        title: 'Senate Banking schedules a hearing',
        date: '2026-07-15',
        kind: 'hearing',
        summary: 'A hearing is set.',
        actors: ['senate-banking'],
        sources: [{ source: 'nolan-banking-sanctions' }],
        body: 'Prose <Cite s="nolan-banking-sanctions" />.',
      };
      writeFileSync(join(tmp, 'events/senate-banking-hearing.mdx'), events.toFile(event, undefined, orderOf('events')));
      const corrections = makeFormat(rulesOf('corrections'), false);
      writeFileSync(
        join(tmp, 'corrections/2026-07-02-lawsuit-date.yaml'),
        corrections.toFile({ date: '2026-07-02', page: '/events/alibaba-sues-dod/', what: 'Now June 23 or 24.', why: 'Two sources differ.', sources: [] }, undefined, orderOf('corrections')),
      );
      expect(validateContent(tmp).problems).toEqual([]);
      writeFileSync(join(tmp, 'events/senate-banking-hearing.mdx'), events.toFile({ ...event, date: '2026-02-30' }, undefined, orderOf('events')));
      expect(validateContent(tmp).problems.map((p) => p.slice(p.indexOf('events/')))).toEqual([
        'events/senate-banking-hearing.mdx: date: "2026-02-30" is not a real calendar day',
      ]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  /**
   * Why the custom format: the CMS's own YAML writer (Decap's formats/yaml.ts and frontmatter.ts) parses
   * to plain data and stringifies it afresh. Modelled here with the `yaml` package's plain stringify, it
   * rewrites every file: flow lists become block lists and, worst, quoted dates lose their quotes, which
   * the build then reads as Dates and rejects. (Decap's exact calls, with the yaml@1 and gray-matter it
   * ships, measured once over the 96 files: all 96 change, 90 lose their flow lists, 26 get unquoted
   * dates, 25 would be read differently by the build, 6 change key order.)
   */
  it('the CMS’s own writer would change files and unquote dates (why the custom format exists)', () => {
    let changed = 0;
    let unquotedDates = 0;
    for (const { collection, text } of files) {
      const yamlText = isMdx(collection) ? /^---\n([\s\S]*?\n)---/.exec(text)![1]! : text;
      const rewritten = stringify(parseDocument(yamlText).toJS());
      if (rewritten !== yamlText) changed++;
      if (JSON.stringify(jsyaml.load(rewritten)) !== JSON.stringify(jsyaml.load(yamlText))) unquotedDates++;
    }
    expect(changed).toBeGreaterThan(files.length * 0.9);
    // Every event, every source, every dated step: read back by the build as Dates, or rolled over.
    expect(unquotedDates).toBeGreaterThanOrEqual(20);
  });
});
