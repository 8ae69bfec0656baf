import { describe, expect, it } from 'vitest';
import { approximately, formatCount, formatDate, formatDateAlternatives, formatExact, formatNumber, qualified, QUALIFIER_WORDS } from '../../src/lib/util/format';
import { formatMove } from '../../src/lib/views/campaigns';
import { addDays, dayRange, daysBetween } from '../../src/lib/util/dates';
import { fillFigures, typedFigures } from '../../src/lib/story/figures';
import { loadContent } from './support/load-content';

describe('formatNumber', () => {
  it.each([
    [28_800_000, '28.8 million'],
    [16_000_000, '16 million'],
    [3_400_000, '3.4 million'],
    [13_000_000, '13 million'],
    [16_550_000, '16.55 million'],
    [150_000, '150,000'],
    [25_000, '25,000'],
    [1152, '1,152'],
  ])('%d → %s', (value, text) => expect(formatNumber(value)).toBe(text));
});

describe('formatCount', () => {
  it.each([
    [{ value: 25000, qualifier: 'about' as const, sources: [] }, 'about 25,000'],
    [{ value: 13000000, qualifier: 'over' as const, sources: [] }, 'over 13 million'],
    [{ value: 28800000, qualifier: 'as-stated' as const, sources: [] }, '28.8 million'],
    [{ value: null, note: 'n', sources: [] }, 'not disclosed'],
  ])('%j → %s', (count, text) => expect(formatCount(count)).toBe(text));
  it('tables show exact values', () => expect(formatExact(28_800_000)).toBe('28,800,000'));
});

describe('dates', () => {
  it('formats days and months honestly', () => {
    expect(formatDate('2026-06-10')).toBe('June 10, 2026');
    expect(formatDate('2026-06')).toBe('June 2026');
  });
  it('formats disputed alternatives', () => {
    expect(formatDateAlternatives(['2026-06-24', '2026-06-23'])).toBe('June 23 or 24, 2026');
    expect(formatDateAlternatives(['2026-05-31', '2026-06-01'])).toBe('May 31, 2026 or June 1, 2026');
  });
  it('does calendar arithmetic in UTC', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(addDays('2026-06-24', 90)).toBe('2026-09-22');
    expect(dayRange('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
  });
});

describe('figure references', () => {
  const { story } = loadContent('content');
  it('fills {{ref}} from the data entries', () => {
    expect(fillFigures(story, '{{alibaba-linked.exchanges}} from {{alibaba-linked.accounts}}')).toBe('28.8 million from about 25,000');
    expect(fillFigures(story, '{{alibaba-ads@2026-06-26}}, {{alibaba-ads.move}}')).toBe('$94.93, about 25 percent');
  });
  it('finds hand-typed figures but not dates or bill numbers', () => {
    expect(typedFigures('28.8 million, 25,000, $94.93 and 25 percent')).toEqual(['28.8 million', '25,000', '$94.93', '25 percent']);
    expect(typedFigures('On June 24, 2026, H.R. 8283 and the 1260H list; {{a.exchanges}}')).toEqual([]);
  });
});

describe('qualifier words: one map for counts, moves, derived figures and tables', () => {
  it.each([
    ['about', 'about 25,000'],
    ['over', 'over 25,000'],
    ['nearly', 'nearly 25,000'],
    ['as-stated', '25,000'],
    [undefined, '25,000'],
  ] as const)('qualified(%s, "25,000") → %s', (q, text) => {
    expect(qualified(q, '25,000')).toBe(text);
  });

  it('formatCount, formatMove and approximately read the same words', () => {
    expect(formatCount({ value: 25_000, qualifier: 'nearly', unit: 'accounts', sources: ['x'] } as never)).toBe('nearly 25,000');
    expect(formatMove(-25, 'about')).toBe('about −25%');
    expect(approximately(true, '192')).toBe('about 192');
    expect(approximately(false, '192')).toBe('192');
    expect(QUALIFIER_WORDS['as-stated']).toBe('as stated');
  });
});
