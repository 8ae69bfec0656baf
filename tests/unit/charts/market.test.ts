/** The market chart: one reported price, one derived level, the period's events, and no invented path. */
import { describe, expect, it } from 'vitest';
import { defaults, marketDescription, marketSvg } from '../../../src/charts/market';
import { marketChartData } from '../../../src/lib/views/campaigns';
import { loadContent } from '../support/load-content';
import { expectSvgSnapshot } from './snapshot';

const { story } = loadContent('content');
const data = marketChartData(story);
const svg = marketSvg(data);

describe('marketSvg', () => {
  it('renders like the accepted snapshot', () => {
    expectSvgSnapshot('market', svg);
  });

  it('renders with its defaults when given no options', () => {
    expect(marketSvg(data, defaults)).toBe(svg);
  });

  it('draws the one reported price filled and the implied May 27 level hollow, labelled as derived with its formula', () => {
    expect(svg.match(/class="c-point c-point--reported"/g)).toHaveLength(1);
    expect(svg.match(/class="c-point c-point--derived"/g)).toHaveLength(1);
    expect(svg).toContain('>$94.93, reported</text>');
    expect(svg).toContain('>≈ $126.57, derived</text>');
    expect(svg).toContain('>= 94.93 ÷ (1 − 25/100)</text>');
  });

  it('connects the two only with a dashed line that says the path between is not reported', () => {
    expect(svg.match(/class="c-move-line"[^>]*stroke-dasharray="6 4"/g)).toHaveLength(1);
    expect(svg).toContain('Reported move: about −25%; path between not reported');
    expect(svg).not.toMatch(/<path/);
  });

  it('annotates the events between May 27 and June 26 from the content', () => {
    expect(data.events.map((e) => e.id)).toEqual([
      'dod-1260h-list-published',
      'hagerty-kim-amendment-plan',
      'anthropic-letter-to-senate-banking',
      'ai-american-dream-hearing',
      'alibaba-sues-dod',
      'alibaba-ends-lobbying-engagement',
      'press-reports-letter',
    ]);
    for (const e of data.events) expect(svg).toContain(`data-id="${e.id}"`);
  });

  it('draws a month-only date as a band across the month, not as a day', () => {
    expect(data.events[0]).toMatchObject({ precision: 'month', first: '2026-06-01', last: '2026-06-30', dateText: 'June 2026' });
    expect(svg.match(/class="c-band"/g)).toHaveLength(1);
    expect(svg).toContain('June 2026: day not reported');
  });

  it('shows both disputed days of the lawsuit', () => {
    const lawsuit = data.events.find((e) => e.id === 'alibaba-sues-dod')!;
    expect(lawsuit).toMatchObject({ precision: 'alternatives', alternatives: ['2026-06-23', '2026-06-24'], dateText: 'June 23 or 24, 2026' });
    const group = new RegExp('data-id="alibaba-sues-dod"[^>]*>(.*?)</g>').exec(svg)![1]!;
    expect(group.match(/c-event-line--disputed/g)).toHaveLength(2);
  });

  it('says it shows timing, not cause', () => {
    expect(svg).toContain('Timing, not cause');
    expect(marketDescription(data)).toContain('The chart shows timing, not cause.');
  });

  it('describes the reported and the derived value from the data', () => {
    const desc = marketDescription(data);
    expect(desc).toContain('Reported: $94.93, price by the close on June 26, 2026.');
    expect(desc).toContain('Derived, not reported: about $126.57 on May 27, 2026, computed as 94.93 ÷ (1 − 25/100).');
  });

  it('rounds coordinates to two decimals and uses no inline styles', () => {
    for (const m of svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|cx|cy|r|width|height)="([^"]*)"/g)) expect(m[1]).toMatch(/^-?\d+(\.\d{1,2})?$/);
    expect(svg).not.toMatch(/\sstyle=|\son[a-z]+=|NaN/);
  });
});
