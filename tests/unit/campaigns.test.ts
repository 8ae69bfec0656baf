/** Campaign and market queries: order, chart data, arithmetic checks and the market window, against the content. */
import { describe, expect, it } from 'vitest';
import {
  aggregateChecks,
  campaignEvents,
  campaignsInOrder,
  eventsInWindow,
  formatMove,
  formatTimes,
  intensityOf,
  listOf,
  MARKET_PAGE_MARKS,
  marketChartData,
  marketChartSvg,
  marketView,
  pointEvents,
  showsMarketChart,
  percentGap,
  scaleChartData,
  seriesWindow,
  spreadOf,
  uniqueCitations,
} from '../../src/lib/views/campaigns';
import { type Entry, type Story, getById } from '../../src/lib/story/story';
import type { EventData } from '../../src/schemas';
import { loadContent } from './support/load-content';

const { story } = loadContent('content');
const campaign = (id: string) => getById(story.campaigns, id, 'campaign');

describe('campaignsInOrder', () => {
  it('puts the February labs in the order their total lists them, then the total, then the June campaign', () => {
    expect(campaignsInOrder(story).map((c) => c.id)).toEqual([
      'deepseek-february',
      'moonshot-february',
      'minimax-february',
      'february-total',
      'alibaba-linked',
    ]);
  });
});

describe('scaleChartData', () => {
  const data = scaleChartData(story);
  const bar = (id: string) => data.bars.find((b) => b.id === id)!;

  it('passes each figure with its qualifier, and "not disclosed" for a null, never zero', () => {
    expect(bar('deepseek-february').values.exchanges).toMatchObject({ value: 150_000, text: 'about 150,000' });
    expect(bar('alibaba-linked').values.exchanges).toMatchObject({ value: 28_800_000, text: '28.8 million' });
    expect(bar('moonshot-february').values.accounts).toMatchObject({ value: null, text: 'not disclosed' });
    expect(bar('moonshot-february').values.accounts.note).toMatch(/Not disclosed per lab/);
  });

  it('flags the figures the sources word differently', () => {
    expect(bar('minimax-february').values.exchanges.disputed).toBe(true);
    expect(bar('alibaba-linked').values.accounts.disputed).toBe(true);
    expect(bar('deepseek-february').values.exchanges.disputed).toBeUndefined();
  });

  it('marks the February total as a combined figure and names the accuser', () => {
    expect(data.bars.filter((b) => b.aggregate).map((b) => b.id)).toEqual(['february-total']);
    expect(data.allegedBy).toBe('Anthropic');
  });
});

describe('spreadOf', () => {
  it('exchanges: Alibaba-linked is 28,800,000 ÷ 150,000 = 192 times DeepSeek', () => {
    const spread = spreadOf(story, 'exchanges')!;
    expect([spread.largest.id, spread.smallest.id]).toEqual(['alibaba-linked', 'deepseek-february']);
    expect(spread.times.value).toBe(192);
  });
  it('accounts: only two figures are known, 25,000 ÷ 24,000', () => {
    expect(spreadOf(story, 'accounts')!.times.value).toBeCloseTo(1.0417, 4);
  });
  it('formats ratios for readers', () => {
    expect(formatTimes(192)).toBe('192');
    expect(formatTimes(1.041666)).toBe('1.04');
  });
});

describe('intensityOf', () => {
  it('computes both rates for the Alibaba-linked campaign, and the 44-day alternative', () => {
    const i = intensityOf(story, campaign('alibaba-linked'));
    expect(i.perAccount?.value).toBe(1152);
    expect(i.perDay?.value).toBe(640_000);
    expect(i.perDayBetween?.value).toBeCloseTo(654_545.45, 2);
  });
  it('says which input is missing rather than guessing', () => {
    const i = intensityOf(story, campaign('deepseek-february'));
    expect(i.perAccount).toBeNull();
    expect(i.perAccountMissing).toBe('accounts given only for the February total');
    expect(i.perDayMissing).toBe('no activity window given');
  });
});

describe('arithmetic notes', () => {
  it('the per-lab February exchanges sum to 16,550,000 while the stated total is about 16,000,000', () => {
    const [check, ...rest] = aggregateChecks(story);
    expect(rest).toEqual([]);
    expect(check).toMatchObject({ metric: 'exchanges', agrees: false });
    expect(check!.sum.value).toBe(16_550_000);
    expect(check!.stated).toMatchObject({ value: 16_000_000, qualifier: 'about' });
  });

  it('sets the source’s "about 5 percent more" accounts beside the computed 4.2%', () => {
    const gap = percentGap(story, 'accounts-versus-february', 'accounts')!;
    expect(gap.quoted).toMatchObject({ wording: 'about 5 percent more fraudulent accounts', value: 5 });
    expect(gap.quotedSource.source).toBe('nolan-banking-sanctions');
    expect(gap.computed.value).toBeCloseTo(4.1667, 4);
    expect(gap.computedText).toBe('4.2%');
    expect([gap.a.id, gap.b.id]).toEqual(['alibaba-linked', 'february-total']);
  });

  it('gives no gap for an unknown claim', () => {
    expect(percentGap(story, 'no-such-claim', 'accounts')).toBeNull();
  });
});

describe('market', () => {
  it('covers May 27 to June 26, 2026, the reported move', () => {
    expect(seriesWindow(story, 'alibaba-ads')).toEqual({ from: '2026-05-27', to: '2026-06-26' });
  });

  it('annotates the events that start in the window, but not the price event itself', () => {
    const ids = eventsInWindow(story, '2026-05-27', '2026-06-26').map((e) => e.id);
    expect(ids).toContain('anthropic-letter-to-senate-banking');
    expect(ids).toContain('ai-american-dream-hearing');
    expect(ids).not.toContain('alibaba-ads-low');
    expect(ids).not.toContain('alibaba-linked-campaign');
  });

  it('keeps the one reported point and derives the May 27 level with its formula', () => {
    const data = marketChartData(story);
    expect(data.reported).toEqual([
      { date: '2026-06-26', dateText: 'June 26, 2026', value: 94.93, text: '$94.93', label: 'Price by the close' },
    ]);
    expect(data.derived).toHaveLength(1);
    expect(data.derived[0]).toMatchObject({ date: '2026-05-27', text: '$126.57', formula: '94.93 ÷ (1 − 25/100)', approximate: true });
    expect(data.moves).toEqual([{ from: '2026-05-27', to: '2026-06-26', text: 'about −25%' }]);
  });

  it('numbers the events in date order and keeps each one’s precision', () => {
    const events = marketChartData(story).events;
    expect(events.map((e) => e.n)).toEqual(events.map((_, i) => i + 1));
    expect(events.find((e) => e.id === 'dod-1260h-list-published')).toMatchObject({ precision: 'month', dateText: 'June 2026' });
    expect(events.find((e) => e.id === 'ai-american-dream-hearing')).toMatchObject({ precision: 'day', first: '2026-06-11', last: '2026-06-11' });
    expect(events.find((e) => e.id === 'anthropic-letter-to-senate-banking')?.standing).toMatch(/Alleged/);
  });

  it('lists each source once, numbered', () => {
    const ids = marketView(story).sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('nolan-banking-sanctions');
  });

  it('writes a move with its qualifier and a true minus sign', () => {
    expect(formatMove(-25, 'about')).toBe('about −25%');
    expect(formatMove(3, 'as-stated')).toBe('+3%');
  });
});

describe('helpers', () => {
  it('lists the events of a campaign in date order, its disclosure included', () => {
    expect(campaignEvents(story, 'alibaba-linked').map((e) => e.id)).toEqual([
      'alibaba-linked-campaign',
      'anthropic-letter-to-senate-banking',
      'press-reports-letter',
    ]);
  });
  it('keeps one citation per source', () => {
    expect(uniqueCitations(['a', { source: 'b', credits: 'X' }, 'a', 'b'])).toEqual([{ source: 'a' }, { source: 'b', credits: 'X' }]);
  });
  it('joins lists for readers', () => {
    expect(listOf(['A'])).toBe('A');
    expect(listOf(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('market chart, built once per story', () => {
  it('returns the same view, data and SVG on every call, so event pages do not rebuild it', () => {
    expect(marketChartData(story, 'alibaba-ads')).toBe(marketChartData(story, 'alibaba-ads'));
    const view = marketView(story);
    const svg = marketChartSvg(view, 'm-svg');
    expect(marketChartSvg(marketView(story), 'm-svg')).toBe(svg);
    expect(svg).toContain('id="m-svg');
    expect(marketChartSvg(view, 'other-svg')).toContain('id="other-svg');
  });

  it('gives an event page of a quiet period the whole chart', () => {
    const whole = marketView(story);
    expect(whole.total).toBe(whole.marked.length);
    expect(whole.total).toBeLessThanOrEqual(MARKET_PAGE_MARKS);
    expect(marketView(story, 'alibaba-ads', whole.marked[0]!.id)).toBe(whole);
    expect(whole.focus).toBeNull();
  });

  it('knows which event pages show the chart: market events and the events it marks', () => {
    const inside = marketView(story).marked[0]!;
    const outside = story.events.find((e) => e.data.kind !== 'market' && e.data.date < '2026-05');
    const market = story.events.find((e) => e.data.kind === 'market')!;
    expect(showsMarketChart(story, 'alibaba-ads', inside)).toBe(true);
    expect(showsMarketChart(story, 'alibaba-ads', outside!)).toBe(false);
    expect(showsMarketChart(story, 'alibaba-ads', market)).toBe(true);
  });

  it('finds the market events of a day', () => {
    for (const day of ['2026-06-26', '2026-06-01', '2026-05-27'])
      expect(pointEvents(story, day)).toEqual(story.events.filter((e) => e.data.kind === 'market' && e.data.date === day));
  });
});

describe('market chart on the event pages of a busy period', () => {
  // The real events plus 40 made-up ones, one a day from June 1, 2026: more than one chart can number.
  const extra: Entry<EventData>[] = Array.from({ length: 40 }, (_, i) => {
    const base = marketView(story).marked[0]!;
    const day = `2026-06-${String(1 + (i % 26)).padStart(2, '0')}`;
    return { ...base, id: `extra-${i}`, data: { ...base.data, date: day, title: `Extra ${String(i).padStart(2, '0')}`, allegedBy: i === 5 ? 'anthropic' : undefined, endDate: undefined, dateClaim: undefined } };
  });
  const busy: Story = { ...story, events: [...story.events, ...extra] };
  const whole = marketView(busy);

  it('keeps every event on the whole chart', () => {
    expect(whole.total).toBe(marketView(story).total + extra.length);
    expect(whole.marked).toHaveLength(whole.total);
    expect(whole.focus).toBeNull();
  });

  it('marks the event and those just before and after it in date order, numbered from 1, at most MARKET_PAGE_MARKS', () => {
    for (const focus of ['extra-0', 'extra-13', 'extra-25', 'alibaba-sues-dod', 'press-reports-letter']) {
      const view = marketView(busy, 'alibaba-ads', focus);
      expect(view.focus).toBe(focus);
      expect(view.total).toBe(whole.total);
      expect(view.marked).toHaveLength(MARKET_PAGE_MARKS);
      expect(view.marked.map((e) => e.id)).toContain(focus);
      // A run of the whole chart's events, in its order.
      const start = whole.marked.indexOf(view.marked[0]!);
      expect(view.marked).toEqual(whole.marked.slice(start, start + MARKET_PAGE_MARKS));
      // Centred on the focus unless an end of the period is nearer.
      const at = view.marked.findIndex((e) => e.id === focus);
      if (start > 0 && start + MARKET_PAGE_MARKS < whole.total) expect(at).toBe(Math.floor((MARKET_PAGE_MARKS - 1) / 2));
      expect(view.data.events.map((e) => e.n)).toEqual(Array.from({ length: MARKET_PAGE_MARKS }, (_, i) => i + 1));
      expect(view.data.events.map((e) => e.id)).toEqual(view.marked.map((e) => e.id));
    }
  });

  it('clamps at the ends of the period', () => {
    expect(marketView(busy, 'alibaba-ads', whole.marked[0]!.id).marked).toEqual(whole.marked.slice(0, MARKET_PAGE_MARKS));
    expect(marketView(busy, 'alibaba-ads', whole.marked.at(-1)!.id).marked).toEqual(whole.marked.slice(-MARKET_PAGE_MARKS));
  });

  it('centres a market event on its day', () => {
    const market = busy.events.find((e) => e.data.kind === 'market' && e.data.date === '2026-06-26')!;
    expect(marketView(busy, 'alibaba-ads', market.id).marked).toEqual(whole.marked.slice(-MARKET_PAGE_MARKS));
  });

  it('numbers its allegation note and cites its own events', () => {
    const view = marketView(busy, 'alibaba-ads', 'extra-5');
    const n = view.marked.findIndex((e) => e.id === 'extra-5') + 1;
    expect(view.allegedNote).toMatch(new RegExp(`(^|[ ,])${n}[,:]`));
    const cited = new Set(view.marked.flatMap((e) => e.data.sources.map((c) => (typeof c === 'string' ? c : c.source))));
    for (const id of cited) expect(view.sources.map((r) => r.id)).toContain(id);
  });
});
