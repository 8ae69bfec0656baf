/**
 * The timeline's layout decisions: where the axis break goes and how much room
 * the dense period gets, label placement (no overlapping boxes, no crossing
 * leaders, full titles on the narrow rail), the switch between layouts, tick
 * count against width, fixed text sizes and tap targets at every artboard width.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_TITLES_BELOW,
  axisBreak,
  layoutFor,
  LEADER_COST,
  MIN_HORIZONTAL,
  plotShare,
  stack,
  TEXT_PX,
  TICK_PX,
  timeAxis,
  timelineLayout,
  timelineSvg,
  type Box,
  type TimelineDatum,
} from '../../../src/charts/timeline';
import { parseWarp, unwarp, warp, warpAttr, zoomTransform } from '../../../src/charts/timeline-zoom';
import { dayMs } from '../../../src/lib/util/dates';
import { TIMELINE_ARTBOARDS, TIMELINE_EMBED_ARTBOARDS } from '../../../src/charts/artboards';
import { rangeTransform, warpOf } from '../../../src/embed/range';

const lanes = [
  { id: 'disclosures', label: 'Disclosures and reports' },
  { id: 'policy', label: 'Policy and legislation' },
  { id: 'hearings', label: 'Hearings' },
  { id: 'litigation', label: 'Litigation' },
  { id: 'markets', label: 'Markets' },
];

const ev = (id: string, start: string, lane: string, title: string, over: Partial<TimelineDatum> = {}): TimelineDatum => ({
  id,
  title,
  start,
  end: start,
  shape: 'point',
  lane,
  dateLabel: start,
  href: `/events/${id}/`,
  alleged: false,
  disputed: false,
  ...over,
});

/** The story's shape: one event in January 2025, then fourteen from February to June 2026. */
const story: TimelineDatum[] = [
  ev('copyright', '2025-01-01', 'policy', 'Copyright Office says AI output lacks human authorship', { end: '2025-01-31', shape: 'month' }),
  ev('google', '2026-02-01', 'disclosures', 'Google raises distillation concerns without naming companies', { end: '2026-02-28', shape: 'month' }),
  ev('openai', '2026-02-01', 'disclosures', 'OpenAI reports DeepSeek staff bypassed ChatGPT restrictions', { end: '2026-02-28', shape: 'month' }),
  ev('three', '2026-02-23', 'disclosures', 'Anthropic discloses three distillation campaigns', { alleged: true }),
  ev('campaign', '2026-04-22', 'disclosures', 'Alleged Alibaba-linked campaign runs against Claude', { end: '2026-06-05', shape: 'span' }),
  ev('hr', '2026-04-22', 'policy', 'House Foreign Affairs Committee passes H.R. 8283'),
  ev('nstm', '2026-04-23', 'policy', 'White House science office issues NSTM-4 on distillation'),
  ev('dod', '2026-06-01', 'policy', 'Pentagon publishes military-company list naming Alibaba', { end: '2026-06-30', shape: 'month' }),
  ev('amend', '2026-06-01', 'policy', 'Senators Hagerty and Kim plan a defense-bill amendment', { end: '2026-06-30', shape: 'month' }),
  ev('letter', '2026-06-10', 'disclosures', "Anthropic's letter to Senate Banking alleges Alibaba-linked campaign"),
  ev('hearing', '2026-06-11', 'hearings', 'Senate hearing "AI and the American Dream"'),
  ev('sues', '2026-06-23', 'litigation', 'Alibaba sues the Pentagon over its military-company designation', { end: '2026-06-24', shape: 'uncertain' }),
  ev('lobby', '2026-06-24', 'policy', 'Alibaba ends its lobbying engagement with Greenberg Traurig'),
  ev('press', '2026-06-24', 'disclosures', 'The letter becomes public through press reports'),
  ev('shares', '2026-06-26', 'markets', 'Alibaba shares close at a 16-month low'),
];
const domain: [string, string] = ['2024-12-18', '2026-07-10'];
const asOf = '2026-06-26';
const brk = axisBreak(story, domain, asOf);
const base = { lanes, domain, asOf, asOfLabel: 'As of June 26, 2026', title: 'Timeline', description: 'Test.', axisBreak: brk };

const overlaps = (a: Box, b: Box) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.5;
function overlapping(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) out.push(`${JSON.stringify(boxes[i])} × ${JSON.stringify(boxes[j])}`);
  return out;
}

describe('axisBreak: the empty stretch is compressed, the dense period gets the room', () => {
  it('breaks between the 2025 event and the 2026 ones, with air either side', () => {
    expect(brk).not.toBeNull();
    const w = brk!;
    expect(w.g0).toBeGreaterThanOrEqual(dayMs('2025-02-01') + 14 * 86_400_000);
    expect(w.g1).toBeLessThanOrEqual(dayMs('2026-02-01') - 14 * 86_400_000);
    for (const d of story) expect(dayMs(d.end) + 86_400_000 <= w.g0 || dayMs(d.start) >= w.g1, `${d.id} is outside the break`).toBe(true);
  });

  it('gives February–June 2026 at least 55% of the plot (a quarter without the break), the break about 5%', () => {
    const withBreak = timeAxis(domain, [12, 948], brk);
    const linear = timeAxis(domain, [12, 948], null);
    expect(plotShare(withBreak, '2026-02-01', '2026-06-30')).toBeGreaterThanOrEqual(0.55);
    expect(plotShare(linear, '2026-02-01', '2026-06-30')).toBeLessThan(0.3);
    const gap = Math.abs(withBreak(brk!.g1) - withBreak(brk!.g0)) / 936;
    expect(gap).toBeGreaterThan(0.03);
    expect(gap).toBeLessThan(0.07);
  });

  it('does not break an axis whose events are spread out', () => {
    const spread = Array.from({ length: 24 }, (_, i) => ev(`e${i}`, `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-10`, 'policy', `Event ${i}`));
    expect(axisBreak(spread, ['2025-01-01', '2026-12-31'], '2026-12-15')).toBeNull();
  });

  it('warp and unwarp are inverses, and the embed copy agrees with the island across the break', () => {
    for (const day of ['2024-12-18', '2025-03-01', '2025-09-30', '2026-02-01', '2026-07-10']) expect(unwarp(brk, warp(brk, dayMs(day)))).toBeCloseTo(dayMs(day), -1);
    expect(parseWarp(warpAttr(brk))).toEqual(brk);
    const u = warpOf(warpAttr(brk));
    const drawn: [string, string] = domain;
    const span = (a: string, b: string): [number, number] => [u(dayMs(a)), u(dayMs(b) + 86_400_000)];
    for (const [from, to] of [['2026-06-01', '2026-06-30'], ['2025-01-01', '2026-03-01']] as const) {
      expect(rangeTransform(drawn, from, to, [12, 948], u)).toBe(zoomTransform(span(drawn[0], drawn[1]), span(from, to), [12, 948], 'horizontal'));
      expect(rangeTransform(drawn, from, to, [20, 700], u, 'vertical')).toBe(zoomTransform(span(drawn[0], drawn[1]), span(from, to), [20, 700], 'vertical'));
    }
  });
});

describe('layout by width', () => {
  it(`is the vertical rail below ${MIN_HORIZONTAL} px, the lanes from ${ALL_TITLES_BELOW} px, and between them the lanes only where every title fits`, () => {
    for (const w of [...TIMELINE_ARTBOARDS, ...TIMELINE_EMBED_ARTBOARDS]) {
      expect(layoutFor(story, { ...base, width: w }), `${w} px`).toBe(w < ALL_TITLES_BELOW ? 'vertical' : 'horizontal');
    }
    // The story's lanes leave titles off between 560 and 960 px (8 of 15 at 560), so the rail is used there.
    expect(timelineLayout(story, { ...base, width: 560, orientation: 'horizontal' }).labelled).toBeLessThan(story.length);
    // A few events spread out: every title fits beside its mark, so the lanes stay, even at 560 px.
    const sparse = [story[0]!, story[10]!, story[14]!];
    const opts = { ...base, domain: ['2024-12-18', '2026-07-10'] as [string, string] };
    const lanes560 = timelineLayout(sparse, { ...opts, width: 560 });
    expect(lanes560.orientation).toBe('horizontal');
    expect(lanes560.labelled).toBe(sparse.length);
  });

  it(`between ${MIN_HORIZONTAL} and ${ALL_TITLES_BELOW} px every event in view has its title, in the page's, the home page's and the embed's options`, () => {
    for (const extra of [{}, { maxRows: 3, metaLines: 'lane' as const }, { maxRows: 4, metaLines: 'none' as const }]) {
      for (let width = MIN_HORIZONTAL; width < ALL_TITLES_BELOW; width += 20) {
        const l = timelineLayout(story, { ...base, ...extra, width });
        expect(l.labelled, `${width} px ${JSON.stringify(extra)}: ${l.orientation}`).toBe(l.inView);
      }
    }
  });

  it('switches to the rail when most labels would not fit beside their marks', () => {
    const crowded = Array.from({ length: 20 }, (_, i) => ev(`c${i}`, `2026-06-${String(5 + i).padStart(2, '0')}`, 'policy', `A long title for crowded event number ${i} that needs room`));
    const opts = { ...base, axisBreak: null, domain: ['2026-01-01', '2026-06-30'] as [string, string], width: 640 };
    expect(layoutFor(crowded, opts)).toBe('vertical');
    expect(layoutFor(crowded, { ...opts, width: 1280 })).toBe('vertical');
    expect(layoutFor(crowded, { ...opts, labels: false })).toBe('horizontal');
    expect(layoutFor(crowded, { ...opts, orientation: 'horizontal' })).toBe('horizontal');
  });
});

describe('label placement', () => {
  it.each([...TIMELINE_ARTBOARDS.filter((w) => w >= MIN_HORIZONTAL), 1280] as number[])('horizontal at %i px: no two text boxes overlap, none leaves the chart', (width) => {
    // The lanes drawn at every width they can be (below ALL_TITLES_BELOW the island or a caller may still ask for them).
    const l = timelineLayout(story, { ...base, width, orientation: 'horizontal' });
    expect(l.orientation).toBe('horizontal');
    expect(overlapping(l.boxes)).toEqual([]);
    for (const b of l.boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(width);
    }
    expect(l.labelled).toBeGreaterThanOrEqual(Math.ceil(0.4 * l.inView));
  });

  it.each([280, 340, 400, 560, 640, 760])('vertical at %i px: every title in full, wrapped, no overlaps, leaders that do not cross', (width) => {
    const l = timelineLayout(story, { ...base, width });
    expect(l.orientation).toBe('vertical');
    expect(l.labelled).toBe(story.length);
    expect(overlapping(l.boxes)).toEqual([]);
    for (const b of l.boxes) expect(b.x + b.w, JSON.stringify(b)).toBeLessThanOrEqual(width);
    // Leaders start on one line in anchor order and end in the same order: they cannot cross.
    const sorted = [...l.leaders].sort((a, b) => a[1] - b[1]);
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i]![0]).toBe(sorted[0]![0]);
      expect(sorted[i]![3]).toBeGreaterThan(sorted[i - 1]![3]);
    }
    const svg = timelineSvg(story, { ...base, width });
    expect(svg).not.toMatch(/…|\.\.\.</);
    for (const d of story) {
      const label = new RegExp(`<text class="tl-label"[^>]*>((?:<tspan[^>]*>[^<]*</tspan>)+)</text>`, 'g');
      const titles = [...svg.matchAll(label)].map((m) => [...m[1]!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]).join(' '));
      expect(titles).toContain(d.title.replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    }
  });

  it(`rail: where events bunch up (June 2026), a little height buys shorter leaders (LEADER_COST ${LEADER_COST})`, () => {
    const longest = (l: ReturnType<typeof timelineLayout>) => Math.max(...l.leaders.map((q) => Math.abs(q[3] - q[1])));
    // The page's rail (titles with date and lane) at its narrowest artboard: the shortest chart had a 534 px leader in June.
    const page = timelineLayout(story, { ...base, width: 280 });
    expect(longest(page)).toBeLessThan(400);
    expect(page.height).toBeLessThan(1274 * 1.02);
    // The embed's titles-only rail at 360 px (shown in a 390 px frame) keeps its height: it must stay within 1,100 px.
    const embed = timelineLayout(story, { ...base, width: 360, maxRows: 4, metaLines: 'none' });
    expect(embed.height).toBeLessThanOrEqual(661);
  });

  it('stack(): keeps order, never overlaps, and handles 10,000 labels', () => {
    const n = 10_000;
    const blocks = Array.from({ length: n }, (_, i) => ({ want: (i * 7919) % 5000, h: 16 + (i % 3) * 15 })).sort((a, b) => a.want - b.want);
    const tops = stack(blocks, 6, 0);
    for (let i = 1; i < n; i++) expect(tops[i]!).toBeGreaterThanOrEqual(tops[i - 1]! + blocks[i - 1]!.h + 6 - 1e-6);
    expect(tops[0]).toBeGreaterThanOrEqual(0);
    // Labels that do not collide stay where they want to be.
    expect(stack([{ want: 10, h: 10 }, { want: 100, h: 10 }], 4, 0)).toEqual([10, 100]);
    // Two that collide share the difference.
    expect(stack([{ want: 50, h: 20 }, { want: 60, h: 20 }], 0, 0)).toEqual([45, 65]);
  });
});

describe('ticks follow the pixels', () => {
  it.each([560, 760, 960, 1280])('about one tick per %i/80 px, none inside the break, labels apart', (width) => {
    const l = timelineLayout(story, { ...base, width, orientation: 'horizontal' });
    const length = width - 24;
    expect(l.ticks.length).toBeGreaterThanOrEqual(3);
    expect(l.ticks.length).toBeLessThanOrEqual(Math.ceil(length / TICK_PX) + 1);
    for (const t of l.ticks) expect(t.t <= brk!.g0 || t.t >= brk!.g1).toBe(true);
  });

  it('more ticks on a wider chart', () => {
    const n = (width: number) => timelineLayout(story, { ...base, width, orientation: 'horizontal', domain: ['2026-06-01', '2026-06-30'] }).ticks.length;
    expect(n(1280)).toBeGreaterThan(n(560));
  });
});

describe('text sizes and tap targets at every artboard width', () => {
  /** Effective font-size of each <text>: its own attribute or the nearest ancestor's, as the markup nests. */
  function textSizes(svg: string): { cls: string; size: number }[] {
    const out: { cls: string; size: number }[] = [];
    const stackSizes: number[] = [];
    for (const m of svg.matchAll(/<(\/?)(svg|g|text)\b([^>]*?)(\/?)>/g)) {
      const [, close, tag, attrs, self] = m;
      if (close) {
        stackSizes.pop();
        continue;
      }
      const own = /font-size="([\d.]+)"/.exec(attrs!)?.[1];
      const size = own ? Number(own) : (stackSizes[stackSizes.length - 1] ?? 16);
      if (tag === 'text') out.push({ cls: /class="([^"]*)"/.exec(attrs!)?.[1] ?? '', size });
      if (!self) stackSizes.push(size);
    }
    return out;
  }

  it.each([...new Set([...TIMELINE_ARTBOARDS, ...TIMELINE_EMBED_ARTBOARDS])])('at %i px: drawn at that width, text ≥ 12 px, labels ≥ 13 px, hit areas ≥ 24 px', (width) => {
    const svg = timelineSvg(story, { ...base, width });
    expect(svg).toMatch(new RegExp(`^<svg [^>]*viewBox="0 0 ${width} [\\d.]+" width="${width}"`));
    const sizes = textSizes(svg);
    expect(sizes.length).toBeGreaterThan(10);
    for (const t of sizes) {
      expect(t.size, t.cls).toBeGreaterThanOrEqual(TEXT_PX.tick);
      if (/label/.test(t.cls)) expect(t.size, t.cls).toBeGreaterThanOrEqual(TEXT_PX.label);
    }
    const marks = [...svg.matchAll(/<a [^>]*class="tl-mark[^"]*"[^>]*><title>[^<]*<\/title><rect class="tl-hit" x="[-\d.]+" y="[-\d.]+" width="([\d.]+)" height="([\d.]+)"\/>/g)];
    expect(marks).toHaveLength(story.length);
    for (const m of marks) {
      expect(Number(m[1])).toBeGreaterThanOrEqual(24);
      expect(Number(m[2])).toBeGreaterThanOrEqual(24);
    }
  });
});
