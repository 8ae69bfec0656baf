import { describe, expect, it } from 'vitest';
import { timelineLayout, timelineSvg, type TimelineDatum } from '../../../../src/charts/timeline';
import { domainMs } from '../../../../src/charts/timeline-zoom';
import { TIMELINE_ARTBOARDS } from '../../../../src/charts/artboards';
import type { Meta } from '../../../../src/islands/timeline/data';
import { announcement, chartOptions, layoutOptions, parseRange, tooTall } from '../../../../src/islands/timeline/render';

const meta: Meta = {
  base: '/',
  domain: ['2026-01-15', '2026-07-10'],
  asOf: '2026-06-26',
  asOfLabel: 'As of June 26, 2026',
  axisBreak: null,
  maxRows: 6,
  lanes: [
    { id: 'disclosures', label: 'Disclosures and reports', kinds: ['disclosure', 'report'] },
    { id: 'policy', label: 'Policy and legislation', kinds: ['policy'] },
  ],
};

const datum = (id: string, start: string, lane = 'disclosures'): TimelineDatum => ({
  id, title: `Event ${id}`, start, end: start, shape: 'point', lane, dateLabel: start, href: `/events/${id}/`, alleged: false, disputed: false,
});
const data = [datum('a', '2026-02-23'), datum('b', '2026-04-23', 'policy'), datum('c', '2026-06-10')];

describe("the plot range: the chart's layout at each width, read back from its data-range", () => {
  it.each([...TIMELINE_ARTBOARDS])('at %i px', (width) => {
    const options = { ...layoutOptions(meta, width), title: 'T', description: 'D' };
    const svg = timelineSvg(data, options);
    const range = parseRange(/ data-range="([^"]+)"/.exec(svg)?.[1]);
    const layout = timelineLayout(data, options);
    expect(range).toEqual(layout.range.map((n) => Math.round(n * 100) / 100));
    // The axis takes most of the width: a fixed range would be wrong at every other width.
    expect(range[1] - range[0]).toBeGreaterThan((layout.orientation === 'horizontal' ? width : layout.height) * 0.5);
  });

  it('reads a missing range as a unit range rather than failing', () => {
    expect(parseRange(null)).toEqual([0, 1]);
    expect(parseRange('150,944')).toEqual([150, 944]);
  });
});

describe('chartOptions(meta, state, o)', () => {
  it('asks for the visible days, with the story-wide break and lanes, and describes what is shown', () => {
    const o = chartOptions(meta, { kinds: null, actor: '', span: domainMs(['2026-03-01', '2026-03-31']), selected: 'b' }, {
      width: 700, orientation: 'horizontal', idPrefix: 'tl-live', title: 'Timeline', shown: 2, total: 3, minHeight: 0,
    });
    expect(o).toMatchObject({ domain: ['2026-03-01', '2026-03-31'], width: 700, selected: 'b', lanes: meta.lanes, axisBreak: null, maxRows: 6, idPrefix: 'tl-live' });
    expect(o.description).toBe('2 of 3 events shown, 2026-03-01 to 2026-03-31.');
  });
});

describe('tooTall(svg, keepHeight) and announcement', () => {
  it('keeps the artboard only when a first redraw would be taller than it', () => {
    expect(tooTall('<svg width="900" height="301">', 300)).toBe(true);
    expect(tooTall('<svg width="900" height="300.4">', 300)).toBe(false);
    expect(tooTall('<svg width="900" height="999">', 0)).toBe(false);
  });

  it('announces the count, and how to leave the density view', () => {
    expect(announcement(3, 15, false)).toBe('3 of 15 events shown.');
    expect(announcement(900, 2015, true)).toBe('900 of 2015 events shown. Too many in view to mark one by one: zoom in, or press an arrow key on the chart.');
  });
});
