/** The one citation walker (src/lib/story/citations.ts), which integrity, "last updated", "Cite this" and the embeds read. */
import { describe, expect, it } from 'vitest';
import { citationsIn, citedSources, sourcesIn } from '../../src/lib/story/citations';

const data = {
  sources: ['b-source', { source: 'a-source', credits: 'Bloomberg' }],
  attribution: [{ wording: 'x', quote: false, source: 'c-source' }],
  steps: [{ date: '2026-06-01', sources: [{ source: 'a-source', note: 'again' }] }],
  notes: null,
  accounts: { value: 1, sources: [] },
};

describe('citationsIn(value)', () => {
  it('finds every `sources` list and `source` field, anywhere, with the field path integrity names', () => {
    expect(citationsIn(data)).toEqual([
      { field: 'sources[0]', source: 'b-source' },
      { field: 'sources[1]', source: 'a-source' },
      { field: 'attribution[0].source', source: 'c-source' },
      { field: 'steps[0].sources[0]', source: 'a-source' },
    ]);
  });

  it('citedSources gives each id once in citing order; sourcesIn sorts them over several values', () => {
    expect([...citedSources(data)]).toEqual(['b-source', 'a-source', 'c-source']);
    expect(sourcesIn([data, { source: 'd-source' }])).toEqual(['a-source', 'b-source', 'c-source', 'd-source']);
  });

  it('ignores a null source and values that are not objects', () => {
    expect(citationsIn({ source: null, n: 3, s: 'text' })).toEqual([]);
  });
});
