import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import {
  CampaignSchema,
  ClaimSchema,
  CountSchema,
  EventSchema,
  InstrumentSchema,
  IsoDaySchema,
  PartialDateSchema,
  QuestionSchema,
  SourceSchema,
} from '../../src/schemas';

const event = {
  title: 'A test event',
  date: '2026-06-10',
  kind: 'disclosure',
  summary: 'Something happened.',
  sources: ['flux-tokentoday'],
};

/** The messages of a failed parse, each prefixed with its field path. */
function problems(schema: { safeParse: (v: unknown) => any }, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((i: { path: (string | number)[]; message: string }) => `${i.path.join('.')}: ${i.message}`);
}

describe('dates', () => {
  it.each([
    ['2026-02-30', 'not a real calendar day'],
    ['2025-02-29', 'not a real calendar day'],
    ['2026-13-01', 'not a real calendar day'],
    ['sometime in June', 'not a date in the form YYYY-MM-DD'],
    ['June 10, 2026', 'not a date in the form YYYY-MM-DD'],
    ['2026-6-10', 'not a date in the form YYYY-MM-DD'],
  ])('IsoDaySchema rejects %s', (value, message) => {
    expect(problems(IsoDaySchema, value).join()).toContain(message);
  });

  it.each(['2026-02-28', '2024-02-29', '2026-06-26'])('IsoDaySchema accepts %s', (value) => {
    expect(problems(IsoDaySchema, value)).toEqual([]);
  });

  it('rejects an unquoted YAML date, which YAML has already turned into a Date (and rolled over)', () => {
    const parsed = yaml.load('date: 2026-02-30') as { date: unknown };
    expect(parsed.date).toBeInstanceOf(Date);
    // js-yaml rolls the impossible day over to March 2: exactly what must not reach the site.
    expect((parsed.date as Date).toISOString().slice(0, 10)).toBe('2026-03-02');
    expect(problems(IsoDaySchema, parsed.date).join()).toContain('Write dates as quoted strings');
    expect(problems(PartialDateSchema, parsed.date).join()).toContain('Write dates as quoted strings');
  });

  it.each([
    ['2026-06', true],
    ['2026-00', false],
    ['2026-13', false],
    ['2026', false],
    ['sometime in June', false],
  ])('PartialDateSchema on %s → valid: %s', (value, ok) => {
    expect(problems(PartialDateSchema, value).length === 0).toBe(ok);
  });
});

describe('EventSchema', () => {
  it('accepts a minimal event', () => {
    expect(problems(EventSchema, event)).toEqual([]);
  });

  it.each([
    ['an unknown field (typo "sorces")', { ...event, sorces: ['x'] }, 'sorces'],
    ['no sources', { ...event, sources: [] }, 'At least one source is required'],
    ['missing sources', (({ sources, ...rest }) => rest)(event), 'sources'],
    ['a free-text date', { ...event, date: 'sometime in June' }, 'date'],
    ['an impossible date', { ...event, date: '2026-02-30' }, 'not a real calendar day'],
    ['an end before the start', { ...event, endDate: '2026-06-01' }, 'endDate 2026-06-01 is before date'],
    ['an end of another precision', { ...event, endDate: '2026-07' }, 'same precision'],
    ['an unknown kind', { ...event, kind: 'rumour' }, 'kind'],
    ['a bad id', { ...event, actors: ['Not An Id'] }, 'kebab-case'],
    ['an empty date note', { ...event, dateNote: '' }, 'dateNote'],
  ])('rejects %s', (_, value, message) => {
    expect(problems(EventSchema, value).join('\n')).toContain(message);
  });

  it('names the field of a bad citation', () => {
    expect(problems(EventSchema, { ...event, sources: [{ source: 'x', credit: 'typo' }] }).join()).toContain('sources.0');
  });

  it('accepts a note on what the date stands for', () => {
    expect(problems(EventSchema, { ...event, date: '2026-06', dateNote: 'the month of the coverage' })).toEqual([]);
  });
});

describe('CountSchema', () => {
  it.each([
    ['a negative count', { value: -5, qualifier: 'about', sources: ['s'] }, 'Counts cannot be negative'],
    ['a fractional count', { value: 2.5, qualifier: 'about', sources: ['s'] }, 'whole numbers'],
    ['a figure without qualifier', { value: 5, sources: ['s'] }, 'qualifier'],
    ['a figure without source', { value: 5, qualifier: 'about' }, 'at least one source'],
    ['an unknown figure without a note', { value: null }, 'note'],
    ['an unknown qualifier', { value: 5, qualifier: 'exactly', sources: ['s'] }, 'qualifier'],
  ])('rejects %s', (_, value, message) => {
    expect(problems(CountSchema, value).join('\n')).toContain(message);
  });

  it('keeps an unknown value as null, never zero', () => {
    const parsed = CountSchema.parse({ value: null, note: 'Not disclosed per lab.' });
    expect(parsed.value).toBeNull();
  });
});

describe('other schemas', () => {
  const source = {
    title: null,
    label: 'Unsigned',
    publisher: null,
    author: null,
    published: null,
    url: null,
    kind: 'news-report',
    seedFile: '002_981140a0ff6c4b9f.txt',
    description: 'x',
  };
  it('requires a note on an undated source', () => {
    expect(problems(SourceSchema, source).join()).toContain('publishedNote');
    expect(problems(SourceSchema, { ...source, publishedNote: 'No date.' })).toEqual([]);
  });
  it('rejects a non-web URL', () => {
    expect(problems(SourceSchema, { ...source, publishedNote: 'n', url: 'ftp://x.org/a' }).join()).toContain('url');
  });
  it('needs two positions for a dispute', () => {
    const claim = {
      question: 'q',
      topic: 't',
      handling: 'h',
      positions: [{ label: 'a', wording: 'w', quote: false, source: 's' }],
    };
    expect(problems(ClaimSchema, claim).join()).toContain('at least two positions');
  });
  it('rejects a claim position dated to an impossible day', () => {
    const position = { label: 'a', wording: 'w', quote: false, source: 's', value: '2026-06-31' };
    const claim = { question: 'q', topic: 't', handling: 'h', positions: [position, position] };
    expect(problems(ClaimSchema, claim).length).toBeGreaterThan(0);
  });
  it('rejects a campaign window that ends before it starts', () => {
    const campaign = {
      name: 'n', label: 'l', operators: ['a'], attributedBy: 'b', disclosure: 'e',
      attribution: [{ wording: 'w', quote: false, source: 's' }],
      window: { start: '2026-06-05', end: '2026-04-22', sources: ['s'] },
      accounts: { value: null, note: 'n' }, exchanges: { value: null, note: 'n' }, sources: ['s'],
    };
    expect(problems(CampaignSchema, campaign).join()).toContain('window.end');
  });
  it('requires a note or a claim for an undated step', () => {
    const instrument = {
      name: 'n', shortName: 's', kind: 'bill', summary: 'x', sources: ['s'],
      steps: [{ action: 'introduced', date: null, text: 't', sources: ['s'] }],
    };
    expect(problems(InstrumentSchema, instrument).join()).toContain('dateNote');
  });
  it('pairs a deadline count with its start day', () => {
    const question = {
      kind: 'signpost', question: 'q', detail: 'd', outcome: null, sources: ['s'],
      deadline: { wording: 'within 90 days', days: 90, sources: ['s'] },
    };
    expect(problems(QuestionSchema, question).join()).toContain('`days` and `from` (or `fromStep`) go together');
  });

  it('takes a deadline\'s start as a day or as an instrument step, not both', () => {
    const base = { kind: 'signpost', question: 'q', detail: 'd', outcome: null, sources: ['s'] };
    const step = { wording: 'within 90 days', days: 90, fromStep: { instrument: 'nstm-4', step: 1 }, sources: ['s'] };
    expect(problems(QuestionSchema, { ...base, deadline: step })).toEqual([]);
    expect(problems(QuestionSchema, { ...base, deadline: { ...step, from: '2026-06-24' } }).join()).toContain('Give `from` or `fromStep`, not both');
    expect(problems(QuestionSchema, { ...base, deadline: { ...step, fromStep: { instrument: 'nstm-4', step: 0 } } }).join()).toContain('fromStep.step');
  });
});
