import { describe, expect, it } from 'vitest';
import { domainMs, isDense, timelineSvg, zoomTransform, type TimelineDatum } from '../../../src/charts/timeline';
import { expectSvgSnapshot } from './snapshot';

const lanes = [
  { id: 'disclosures', label: 'Disclosures and reports' },
  { id: 'policy', label: 'Policy and legislation' },
  { id: 'litigation', label: 'Litigation' },
];

const datum = (over: Partial<TimelineDatum> & Pick<TimelineDatum, 'id' | 'start'>): TimelineDatum => ({
  title: over.id,
  end: over.start,
  shape: 'point',
  lane: 'disclosures',
  dateLabel: over.start,
  href: `/events/${over.id}/`,
  alleged: false,
  disputed: false,
  ...over,
});

/** A fixed dataset with every shape: a day, a month, a range and a disputed day. */
const data: TimelineDatum[] = [
  datum({ id: 'feb-disclosure', title: 'Three campaigns disclosed', start: '2026-02-23', alleged: true }),
  datum({ id: 'feb-report', title: 'OpenAI report', start: '2026-02-01', end: '2026-02-28', shape: 'month', dateLabel: 'February 2026' }),
  datum({ id: 'campaign', title: 'Alleged campaign', start: '2026-04-22', end: '2026-06-05', shape: 'span', alleged: true }),
  datum({ id: 'memo', title: 'NSTM-4', start: '2026-04-23', lane: 'policy' }),
  datum({ id: 'list', title: 'DoD list', start: '2026-06-01', end: '2026-06-30', shape: 'month', lane: 'policy' }),
  datum({ id: 'lawsuit', title: 'Alibaba sues', start: '2026-06-23', end: '2026-06-24', shape: 'uncertain', lane: 'litigation', disputed: true, dateLabel: 'June 23 or 24, 2026' }),
];

const base = {
  lanes,
  domain: ['2026-01-15', '2026-07-10'] as [string, string],
  asOf: '2026-06-26',
  asOfLabel: 'As of June 26, 2026',
  title: 'Test timeline',
  description: 'Six test events.',
};

describe('timelineSvg(data, options)', () => {
  it('renders the horizontal layout (snapshot)', () => {
    expectSvgSnapshot('timeline-horizontal', timelineSvg(data, { ...base, width: 800 }));
  });

  it('renders the vertical layout for narrow screens (snapshot)', () => {
    expectSvgSnapshot('timeline-vertical', timelineSvg(data, { ...base, orientation: 'vertical', width: 320 }));
  });

  it('draws a month-precision event as the whole month, not as a day', () => {
    const svg = timelineSvg(data, { ...base, width: 800 });
    const month = /<a [^>]*data-id="list"[^>]*>.*?<rect class="tl-bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg);
    const day = /<a [^>]*data-id="memo"[^>]*>.*?<line class="tl-dot"/.exec(svg);
    expect(month, 'the DoD list is a bar').not.toBeNull();
    expect(day, 'NSTM-4 is a point').not.toBeNull();
    // 30 days of a ~176-day domain over 634 px ≈ 108 px.
    expect(Number(month![2])).toBeGreaterThan(100);
    expect(svg).toMatch(/class="tl-mark tl-month lane-policy"/);
  });

  it('draws a range as a span and a disputed day as an uncertain bar', () => {
    const svg = timelineSvg(data, { ...base, width: 800 });
    expect(svg).toMatch(/class="tl-mark tl-span lane-disclosures is-alleged"/);
    expect(svg).toMatch(/class="tl-mark tl-uncertain lane-litigation is-disputed"/);
  });

  it('names each mark with its title, date and standing for screen readers', () => {
    const svg = timelineSvg(data, { ...base, width: 800 });
    expect(svg).toContain('<title>Alibaba sues, June 23 or 24, 2026 (sources give different days, disputed)</title>');
    expect(svg).toContain('<title>OpenAI report, February 2026 (day not known)</title>');
  });

  it('marks the as-of day and the selected event', () => {
    const svg = timelineSvg(data, { ...base, width: 800, selected: 'memo' });
    expect(svg).toContain('As of June 26, 2026');
    expect(svg).toMatch(/data-id="memo" aria-current="true"/);
  });

  it('culls events far outside the domain but keeps one domain-width either side for panning', () => {
    const far = datum({ id: 'far', start: '2020-01-01' });
    const near = datum({ id: 'near', start: '2025-12-01' });
    const svg = timelineSvg([...data, far, near], { ...base, width: 800 });
    expect(svg).not.toContain('data-id="far"');
    expect(svg).toContain('data-id="near"');
  });

  describe('density view (more events in view than maxMarks)', () => {
    const dense = { ...base, width: 800, maxMarks: 4 };

    it('snapshot: merged paths per look, no labels, a note, and the selected event still a link', () => {
      expectSvgSnapshot('timeline-dense', timelineSvg(data, { ...dense, selected: 'memo' }));
    });

    it('switches on above maxMarks events in the domain, not counting the panning margin', () => {
      expect(isDense(data, { domain: base.domain, maxMarks: 6 })).toBe(false);
      expect(isDense(data, { domain: base.domain, maxMarks: 5 })).toBe(true);
      // Only NSTM-4 and the campaign overlap late April; the rest are in the panning margin.
      expect(isDense(data, { domain: ['2026-04-23', '2026-04-30'], maxMarks: 2 })).toBe(false);
      const svg = timelineSvg(data, { ...base, width: 800, maxMarks: 6 });
      expect(svg).not.toContain('is-dense');
      expect(svg.match(/<a /g)).toHaveLength(6);
    });

    it('draws every event, one subpath each, grouped by shape, kind and standing', () => {
      const svg = timelineSvg(data, dense);
      expect(svg).toMatch(/^<svg [^>]*class="timeline-svg tl-horizontal is-dense"/);
      expect(svg).not.toMatch(/<a /);
      expect(svg).not.toMatch(/class="tl-label[ "]/);
      const groups = [...svg.matchAll(/<g class="(tl-cluster [^"]+)" aria-hidden="true"><path class="(tl-dot|tl-bar)" d="([^"]+)"\/><\/g>/g)];
      const subpaths = groups.reduce((n, g) => n + (g[3]!.match(/M/g)?.length ?? 0), 0);
      expect(subpaths).toBe(data.length);
      // Two month bars in different lanes share a look but not a lane: one group each.
      expect(groups.map((g) => g[1])).toContain('tl-cluster tl-month lane-disclosures');
      expect(groups.map((g) => g[1])).toContain('tl-cluster tl-month lane-policy');
      expect(groups.find((g) => g[1]!.includes('tl-point lane-disclosures is-alleged'))?.[2]).toBe('tl-dot');
      expect(svg).toContain('6 events in view, too many to mark one by one');
    });

    it('keeps the mark geometry of the single-mark view, so nothing jumps at the threshold', () => {
      const single = timelineSvg(data, { ...base, width: 800, labels: false });
      const merged = timelineSvg(data, dense);
      const x = /data-id="memo"[^>]*><title>[^<]*<\/title><rect class="tl-hit"[^>]*\/><line class="tl-dot" x1="([\d.]+)" y1="([\d.]+)"/.exec(single)!;
      expect(merged).toContain(`M${x[1]},${x[2]}L`);
    });

    it('has a vertical form of fixed height, without label rows', () => {
      const svg = timelineSvg(data, { ...base, orientation: 'vertical', width: 320, maxMarks: 4 });
      const more = timelineSvg([...data, datum({ id: 'extra', title: 'An extra event with a long title to wrap', start: '2026-05-05' })], { ...base, orientation: 'vertical', width: 320, maxMarks: 4 });
      const height = (s: string) => /class="timeline-svg tl-vertical is-dense" viewBox="0 0 320 ([\d.]+)"/.exec(s)?.[1];
      expect(height(svg)).toBeDefined();
      expect(height(more)).toBe(height(svg));
      expect(svg).not.toMatch(/class="tl-label[ "]/);
      expect(svg).toContain('<tspan');
    });
  });

  it('escapes titles', () => {
    const svg = timelineSvg([datum({ id: 'x', title: 'A <b> & "c"', start: '2026-03-01' })], { ...base, width: 800 });
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
  });

  it('is deterministic', () => {
    expect(timelineSvg(data, { ...base, width: 800 })).toBe(timelineSvg(data, { ...base, width: 800 }));
  });
});

describe('zoomTransform(from, to, range, orientation)', () => {
  const range: [number, number] = [150, 950];
  it('is the identity when nothing changed', () => {
    const span = domainMs(['2026-01-01', '2026-12-31']);
    expect(zoomTransform(span, span, range, 'horizontal')).toBe('translate(0,0) scale(1,1)');
  });
  it('doubles and re-anchors when zooming into the first half', () => {
    const full = domainMs(['2026-01-01', '2026-01-10']);
    const half: [number, number] = [full[0], (full[0] + full[1]) / 2];
    // x' = 2x − 150: the left edge stays put, the middle moves to the right edge.
    expect(zoomTransform(full, half, range, 'horizontal')).toBe('translate(-150,0) scale(2,1)');
  });
  it('works along y for the vertical layout', () => {
    const full = domainMs(['2026-01-01', '2026-01-10']);
    const later: [number, number] = [full[0] + 86_400_000, full[1] + 86_400_000];
    expect(zoomTransform(full, later, range, 'vertical')).toBe('translate(0,-80) scale(1,1)');
  });
});
