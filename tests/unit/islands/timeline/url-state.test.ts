import { describe, expect, it } from 'vitest';
import { domainMs } from '../../../../src/charts/timeline-zoom';
import { isFullView, readState, stateSearch, toDay, type ViewState } from '../../../../src/islands/timeline/url-state';

const full = domainMs(['2024-12-18', '2026-07-10']);
const known = (id: string) => id === 'alibaba-sues-dod';

describe('readState(search, full, known)', () => {
  it('reads the default view from an empty query', () => {
    expect(readState('', full, known)).toEqual({ kinds: null, actor: '', span: full, selected: null });
  });

  it('reads kinds, actor, a range of days (both shown) and a known event', () => {
    const s = readState('?kinds=hearing,litigation&actor=anthropic&from=2026-06-01&to=2026-06-30&event=alibaba-sues-dod', full, known);
    expect([...s.kinds!]).toEqual(['hearing', 'litigation']);
    expect(s.actor).toBe('anthropic');
    expect(s.span.map(toDay)).toEqual(['2026-06-01', '2026-07-01']);
    expect(s.selected).toBe('alibaba-sues-dod');
  });

  it('reads ?kinds=- (every box unticked) as no kinds, not as every kind', () => {
    expect(readState('?kinds=-', full, known).kinds).toEqual(new Set(['-']));
    expect(readState('?kinds=', full, known).kinds).toEqual(new Set());
  });

  it.each([
    ['only one end', '?from=2026-06-01'],
    ['ends in the wrong order', '?from=2026-06-30&to=2026-06-01'],
    ['not a day', '?from=2026-06&to=2026-07'],
    ['free text', '?from=june&to=july'],
  ])('ignores a range with %s', (_, search) => {
    expect(readState(search, full, known).span).toEqual(full);
  });

  it('drops an event that does not exist, and asks only when there is one', () => {
    const asked: string[] = [];
    const ask = (id: string) => (asked.push(id), false);
    expect(readState('?event=no-such-event', full, ask).selected).toBeNull();
    readState('?kinds=hearing', full, ask);
    expect(asked).toEqual(['no-such-event']);
  });
});

describe('stateSearch(search, state, full)', () => {
  const state = (over: Partial<ViewState>): ViewState => ({ kinds: null, actor: '', span: full, selected: null, ...over });

  it('writes nothing for the default view', () => {
    expect(stateSearch('', state({}), full)).toBe('');
  });

  it('writes the range as the first and last day shown, and keeps other parameters', () => {
    const span = domainMs(['2026-06-01', '2026-06-30']);
    expect(stateSearch('?theme=dark&from=2025-01-01&to=2025-02-01', state({ span, actor: 'anthropic', selected: 'x' }), full)).toBe(
      '?theme=dark&from=2026-06-01&to=2026-06-30&actor=anthropic&event=x',
    );
  });

  it('writes "-" when no kind is ticked, so the URL is not read back as every kind', () => {
    expect(stateSearch('', state({ kinds: new Set() }), full)).toBe('?kinds=-');
    expect(stateSearch('', state({ kinds: new Set(['hearing', 'market']) }), full)).toBe('?kinds=hearing%2Cmarket');
  });

  it('round-trips through readState', () => {
    const s = state({ kinds: new Set(['hearing']), actor: 'anthropic', span: domainMs(['2026-02-01', '2026-03-15']), selected: 'alibaba-sues-dod' });
    expect(readState(stateSearch('', s, full), full, known)).toEqual(s);
  });

  it('drops the range once the view is back to the full view, to within a minute', () => {
    expect(isFullView([full[0] + 59_000, full[1] - 59_000], full)).toBe(true);
    expect(isFullView([full[0] + 61_000, full[1]], full)).toBe(false);
    expect(stateSearch('?from=2026-06-01&to=2026-06-30', state({ span: [full[0] + 1000, full[1]] }), full)).toBe('');
  });
});
