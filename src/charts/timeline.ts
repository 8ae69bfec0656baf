/**
 * timelineSvg(data, options) → SVG markup of the story's timeline. Pure: no
 * DOM, no Astro. The build renders it into the page (as artboards, one per
 * width; see src/charts/artboards.ts); the timeline island calls it again at
 * the measured width when the view or the width changes.
 *
 * The chart is drawn at the width it is shown, with text at fixed pixel sizes
 * (TEXT_PX), never scaled down. Two layouts:
 * - horizontal (wide): one lane per group of kinds, named above its rows;
 *   titles beside their marks where they fit (the list below has them all);
 *   below ALL_TITLES_BELOW px only when every title fits (see layoutFor);
 * - vertical (narrow): a date rail, each event's full title wrapped beside its
 *   mark with the date and lane in words, placed without overlaps and joined
 *   by leaders that never cross.
 * A long empty stretch of time can be compressed behind an axis break
 * (axisBreak, Warp in ./timeline-zoom), so the dense period gets the room.
 *
 * Marks are drawn in zoom groups (`.tl-zoom`) so that a zoom or pan frame is
 * one transform (see zoomTransform); zoom works in warped time, where the
 * scale is linear even across a break.
 */
import { line } from 'd3-shape';
import { utcDay, utcMonth, utcYear } from 'd3-time';
import { utcFormat } from 'd3-time-format';
import { esc, r2 } from '../lib/util/markup';
import { DAY, dayMs } from '../lib/util/dates';
import { warp, warpAttr, type Warp } from './timeline-zoom';

export { dayMs };
export type { Warp };

/** One event as the timeline draws it. */
export interface TimelineDatum {
  id: string;
  title: string;
  /** First and last day covered, inclusive ("YYYY-MM-DD"); equal for a one-day event. */
  start: string;
  end: string;
  /** point: one day; span: a range of days; month: known only to the month; uncertain: sources give different days. */
  shape: 'point' | 'span' | 'month' | 'uncertain';
  lane: string;
  /** Event kind, drawn as a class so an embed can filter without re-rendering. */
  kind?: string;
  /** Reader-facing date, e.g. "June 23 or 24, 2026" or "June 2026". */
  dateLabel: string;
  href: string;
  alleged: boolean;
  disputed: boolean;
}

export interface TimelineLane {
  id: string;
  label: string;
}

export interface TimelineOptions {
  /** 'auto' picks by width and by how many labels fit (layoutFor). */
  orientation: 'horizontal' | 'vertical' | 'auto';
  /** Width in px the chart is drawn and shown at. */
  width: number;
  lanes: readonly TimelineLane[];
  /** Visible days, inclusive. */
  domain: [string, string];
  /** Compressed stretch of the time axis (see axisBreak), or null for a plain linear axis. */
  axisBreak: Warp | null;
  /** The "as of" day, marked with a rule. */
  asOf: string;
  asOfLabel: string;
  selected: string | null;
  /** Prefix for element ids, unique per chart on a page. */
  idPrefix: string;
  /** Draw text labels beside marks where they fit. */
  labels: boolean;
  /** Vertical layout: a line under each title with its date and lane ('full'), its lane only, or none. */
  metaLines: 'full' | 'lane' | 'none';
  title: string;
  description: string;
  rowHeight: number;
  maxRows: number;
  /** Pads the chart to at least this height (the island's first render keeps the artboard's height). */
  minHeight: number;
  /**
   * Above this many events in view the chart is a density view: marks with
   * the same look are merged into one path, without labels or links (only
   * the selected event keeps its own link). Thousands of single links are
   * slow to lay out and impossible to tell apart at that zoom; the list
   * below the chart carries every event, and the island zooms in to single
   * marks when a reader steps through events with the keyboard.
   */
  maxMarks: number;
}

export const defaults: Omit<TimelineOptions, 'lanes' | 'domain' | 'asOf' | 'asOfLabel' | 'title' | 'description'> = {
  orientation: 'auto',
  width: 960,
  axisBreak: null,
  selected: null,
  idPrefix: 'tl',
  labels: true,
  metaLines: 'full',
  rowHeight: 24,
  maxRows: 6,
  minHeight: 0,
  maxMarks: 300,
};

type Required = Pick<TimelineOptions, 'lanes' | 'domain' | 'asOf' | 'asOfLabel' | 'title' | 'description'>;
export type TimelineInput = Partial<TimelineOptions> & Required;

/** Text sizes in px, at every width: ticks and notes, direct labels (titles, lanes, the as-of day). */
export const TEXT_PX = { tick: 12, label: 13, meta: 12, note: 12 } as const;
/** Estimated glyph width as a share of the font size: generous for system sans-serif, so estimated boxes hold the real ones. */
const EM = 0.6;
const BOLD_EM = 0.64;
const LINE = { label: 16, meta: 15, note: 15 };
/** Narrowest width the horizontal layout is used at. */
export const MIN_HORIZONTAL = 560;
/**
 * Below this width (an article column, a tablet, an embed in a 640 px column) the lanes are used only when
 * every event in view gets its title beside its mark; otherwise the rail, which gives every title in full.
 * There the lanes left 6 to 10 of 15 titles off and the rail is about as tall (the embed's: 480 px against
 * 470 at 640 px). From this width up, the lanes are kept while MIN_LABEL_SHARE of the titles fit.
 */
export const ALL_TITLES_BELOW = 960;
/** From ALL_TITLES_BELOW up, the horizontal layout is kept while at least this share of the events in view get a label there. */
export const MIN_LABEL_SHARE = 0.4;
/** About one time tick per this many px. */
export const TICK_PX = 80;
/** Smallest tap target, px (WCAG 2.2 AA 2.5.8): each mark's link has a transparent hit area this big. */
export const HIT = 24;

const H = { side: 12, asOfY: 16, tickY: 37, top: 46, laneHead: 22, laneGap: 8, bottom: 10 };
const V = { top: 12, bottom: 16, tickX: 4, rail: 48, nudge: 11, cols: 3, labelX: 90, right: 4, gap: 7 };
/** Vertical layout: leaders start at this x, right of every mark column, so they cannot cross. */
const LEADER_X = V.rail + (V.cols - 1) * V.nudge + 9;
const NOTE_GAP = 8;
const DENSE_AXIS = 600; // vertical density view: no labels to make room for

export const textWidth = (text: string, px: number, em = EM) => text.length * px * em;

/** Breaks text into lines no wider than `max` px (estimated), at spaces; a word longer than a line stays whole. */
export function wrapText(text: string, max: number, px: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = cur ? `${cur} ${word}` : word;
    if (cur && textWidth(next, px) > max) {
      lines.push(cur);
      cur = word;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}

// --- time axis --------------------------------------------------------------

/** A time scale over warped time: ms → px along `range`. */
export interface TimeAxis {
  (t: number): number;
  /** Warped span of the domain, ms. */
  u: [number, number];
  range: [number, number];
  warp: Warp | null;
  /** Domain in ms (first day's start, last day's end). */
  span: [number, number];
}

export function timeAxis(domain: [string, string], range: [number, number], w: Warp | null = null): TimeAxis {
  const span: [number, number] = [dayMs(domain[0]), dayMs(domain[1]) + DAY];
  const u: [number, number] = [warp(w, span[0]), warp(w, span[1])];
  const k = (range[1] - range[0]) / (u[1] - u[0] || 1);
  const f = ((t: number) => range[0] + (warp(w, t) - u[0]) * k) as TimeAxis;
  return Object.assign(f, { u, range, warp: w, span });
}

/**
 * Where to break the time axis: the longest stretch without any event (or
 * the as-of day), if it covers at least `minShare` of the domain. The break
 * keeps `pad` days of air either side of the events around it, and squeezes
 * the rest so it takes `gapShare` of the plot. Null when no stretch is long
 * enough. Computed once from every event, so filters and zoom never move it.
 */
export function axisBreak(
  data: readonly Pick<TimelineDatum, 'start' | 'end'>[],
  domain: [string, string],
  asOf: string,
  { minShare = 0.3, gapShare = 0.05, pad = 14 } = {},
): Warp | null {
  const [d0, d1] = [dayMs(domain[0]), dayMs(domain[1]) + DAY];
  const spans = data.map((d) => [dayMs(d.start), dayMs(d.end) + DAY] as const).concat([[dayMs(asOf), dayMs(asOf) + DAY]]);
  spans.sort((a, b) => a[0] - b[0]);
  let best: [number, number] | null = null;
  let reach = d0;
  for (const [s, e] of spans) {
    if (s > reach && (!best || s - reach > best[1] - best[0])) best = [reach, s];
    reach = Math.max(reach, e);
  }
  if (d1 > reach && (!best || d1 - reach > best[1] - best[0])) best = [reach, d1];
  if (!best) return null;
  const g0 = best[0] + pad * DAY;
  const g1 = best[1] - pad * DAY;
  const gap = g1 - g0;
  const total = d1 - d0;
  if (gap <= 0 || gap < minShare * total) return null;
  // The gap's warped length G·k is gapShare of the warped total (total − G + G·k).
  const k = (gapShare * (total - gap)) / ((1 - gapShare) * gap);
  return k < 1 ? { g0, g1, k: Math.round(k * 1e6) / 1e6 } : null;
}

/** Share of the plot (0–1) that the days from `a` to `b` (inclusive) take on an axis. */
export function plotShare(x: TimeAxis, a: string, b: string): number {
  const [r0, r1] = x.range;
  return Math.abs(x(dayMs(b) + DAY) - x(dayMs(a))) / Math.abs(r1 - r0);
}

export interface Tick {
  t: number;
  at: number;
  text: string[];
}

/**
 * Ticks for the visible span: months (every 1, 2, 3 or 6), years or days, about
 * one per TICK_PX of axis, none inside a break, and none whose label would run
 * into the one before. `labelSize` is the label's extent along the axis.
 */
export function ticksFor(x: TimeAxis, orientation: 'horizontal' | 'vertical'): Tick[] {
  const length = Math.abs(x.range[1] - x.range[0]);
  const days = (x.u[1] - x.u[0]) / DAY;
  const room = Math.max(2, length / TICK_PX);
  const [a, b] = x.span;
  let times: Date[] = [];
  let format: (d: Date) => string[];
  const monthYear = utcFormat('%b %Y');
  const month = utcFormat('%b');
  const year = utcFormat('%Y');
  const dayFmt = utcFormat('%b %-d');
  if (days > 45) {
    const months = [1, 2, 3, 6].find((m) => days / 30.44 / m <= room);
    times = months ? utcMonth.every(months)!.range(new Date(a), new Date(b)) : utcYear.every(1)!.range(new Date(a), new Date(b));
    if (!months) format = (d) => [year(d)];
    else if (orientation === 'vertical') format = (d) => [month(d), year(d)];
    else format = (d) => [monthYear(d)];
  } else {
    times = utcDay.every(Math.max(1, Math.ceil(days / room)))!.range(new Date(a), new Date(b));
    format = (d) => (orientation === 'vertical' ? dayFmt(d).split(' ') : [dayFmt(d)]);
  }
  const w = x.warp;
  const out: Tick[] = [];
  let last = -Infinity;
  let lastYear = '';
  for (const d of times) {
    const t = d.getTime();
    if (w && t > w.g0 && t < w.g1) continue;
    const at = x(t);
    let text = format(d);
    // Vertical ticks give the year only where it changes.
    if (orientation === 'vertical' && text.length === 2) {
      if (text[1] === lastYear) text = [text[0]!];
      lastYear = text[text.length - 1] === year(d) ? year(d) : lastYear;
    }
    const size = orientation === 'horizontal' ? textWidth(text[0]!, TEXT_PX.tick) + 14 : text.length * LINE.meta + 6;
    if (at < last) continue;
    if (orientation === 'horizontal' && at + 3 + size - 14 > x.range[1] + H.side) continue;
    out.push({ t, at, text });
    last = at + size;
  }
  return out;
}

// --- layout -----------------------------------------------------------------

/** An estimated text box, px (for tests and the island: no two may overlap). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  kind: 'label' | 'tick' | 'asof' | 'lane' | 'note';
}

export interface Layout {
  orientation: 'horizontal' | 'vertical';
  width: number;
  height: number;
  /** Pixel range of the time axis (x for horizontal, y for vertical). */
  range: [number, number];
  dense: boolean;
  /** Events in the domain, and those with a label beside them. */
  inView: number;
  labelled: number;
  boxes: Box[];
  /** Vertical layout: leader lines from each mark to its label. */
  leaders: [number, number, number, number][];
  ticks: Tick[];
  /** Where the break is drawn along the time axis, px, if in view. */
  breakAt: [number, number] | null;
}

/**
 * The layout for a width: vertical below MIN_HORIZONTAL px; below ALL_TITLES_BELOW
 * px also where the horizontal layout would leave any event in view without its
 * title, and from there up where it would leave most of them without (a density
 * view has no labels, so there only the width counts).
 */
export function layoutFor(data: TimelineDatum[], options: TimelineInput): 'horizontal' | 'vertical' {
  const o = { ...defaults, ...options };
  if (o.orientation !== 'auto') return o.orientation;
  if (o.width < MIN_HORIZONTAL) return 'vertical';
  if (!o.labels) return 'horizontal';
  const h = horizontal(data, { ...o, orientation: 'horizontal' }).layout;
  if (h.dense) return 'horizontal';
  const needed = o.width < ALL_TITLES_BELOW ? h.inView : MIN_LABEL_SHARE * h.inView;
  return h.labelled >= needed ? 'horizontal' : 'vertical';
}

/** The layout (geometry only) the SVG for these options is drawn from. */
export function timelineLayout(data: TimelineDatum[], options: TimelineInput): Layout {
  return render(data, options).layout;
}

/** Renders the timeline. Events outside the domain (with one domain-width of margin, for panning) are culled. */
export function timelineSvg(data: TimelineDatum[], options: TimelineInput): string {
  return render(data, options).svg;
}

function render(data: TimelineDatum[], options: TimelineInput): { svg: string; layout: Layout } {
  const o: TimelineOptions = { ...defaults, ...options };
  const orientation = layoutFor(data, o);
  return orientation === 'horizontal' ? horizontal(data, { ...o, orientation }) : vertical(data, { ...o, orientation });
}

export { zoomTransform, zoomScale, domainMs, warp, unwarp, parseWarp, warpAttr } from './timeline-zoom';

interface Placed {
  d: TimelineDatum;
  /** Time-axis extent of the mark, px. */
  t0: number;
  t1: number;
  row: number;
  label: string | null;
  /** Which side of the mark the label sits on. */
  side: 'right' | 'left';
}

/** Time-axis extent of a mark, px: a point is HIT/2 either side of its day's middle, anything else covers its days. */
function extent(d: TimelineDatum, x: TimeAxis): [number, number] {
  if (d.shape === 'point') {
    const c = x(dayMs(d.start) + DAY / 2);
    return [c - 5, c + 5];
  }
  const t0 = x(dayMs(d.start));
  return [t0, Math.max(x(dayMs(d.end) + DAY), t0 + 8)];
}

/**
 * Greedy row packing within each lane, earliest first: an event takes the
 * first row where its mark and a label (right of the mark, else left of it)
 * fit, else the first row where the mark alone fits, else the row that frees
 * up first, without a label. The list below the chart carries every title, so
 * a dropped label hides nothing.
 */
function pack(data: TimelineDatum[], x: TimeAxis, o: TimelineOptions, inDomainIds: Set<TimelineDatum> | null): Map<string, Placed[]> {
  const byLane = new Map<string, Placed[]>(o.lanes.map((l) => [l.id, []]));
  const [lo, hi] = [x.range[0] - H.side + 2, x.range[1] + H.side - 2];
  const sorted = [...data].sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  // Events arrive in start order, so a row is free for [a, b] when everything in it ends before a.
  // That keeps packing O(rows) per event, which matters at thousands of events.
  const rowEnds = new Map<string, number[]>();
  for (const d of sorted) {
    const placed = byLane.get(d.lane);
    if (!placed) continue;
    const ends = rowEnds.get(d.lane) ?? [];
    rowEnds.set(d.lane, ends);
    const [t0, t1] = extent(d, x);
    // Keep a tap target's room between marks in a row.
    const m0 = Math.min(t0, (t0 + t1) / 2 - HIT / 2);
    const m1 = Math.max(t1, (t0 + t1) / 2 + HIT / 2);
    const labelled = o.labels && (!inDomainIds || inDomainIds.has(d));
    const width = labelled ? textWidth(d.title, TEXT_PX.label) + 6 : 0;
    const fits = (row: number, a: number) => (ends[row] ?? -Infinity) + 2 <= a;
    let row = -1;
    let side: 'right' | 'left' | null = null;
    for (let r = 0; r < o.maxRows && row < 0; r++) {
      if (!labelled) break;
      if (fits(r, m0) && t1 + width <= hi) [row, side] = [r, 'right'];
      else if (fits(r, t0 - width) && t0 - width >= lo && (ends[r] ?? -Infinity) + 2 <= m0) [row, side] = [r, 'left'];
    }
    for (let r = 0; r < o.maxRows && row < 0; r++) if (fits(r, m0)) row = r;
    if (row < 0) row = ends.indexOf(Math.min(...ends)); // overlap the row that frees up first
    ends[row] = Math.max(ends[row] ?? -Infinity, side === 'right' ? Math.max(m1, t1 + width) : m1);
    placed.push({ d, t0, t1, row, label: side ? d.title : null, side: side ?? 'right' });
  }
  return byLane;
}

function markClass(d: TimelineDatum, selected: string | null): string {
  return ['tl-mark', `tl-${d.shape}`, `lane-${d.lane}`, d.kind ? `kind-${d.kind}` : '', d.alleged ? 'is-alleged' : '', d.disputed ? 'is-disputed' : '', d.id === selected ? 'is-selected' : '']
    .filter(Boolean)
    .join(' ');
}

function accessibleName(d: TimelineDatum): string {
  const notes = [d.shape === 'month' ? 'day not known' : '', d.shape === 'uncertain' ? 'sources give different days' : '', d.alleged ? 'alleged' : '', d.disputed ? 'disputed' : '']
    .filter(Boolean)
    .join(', ');
  return `${d.title}, ${d.dateLabel}${notes ? ` (${notes})` : ''}`;
}

function visible(data: TimelineDatum[], domain: [string, string]): TimelineDatum[] {
  const span = dayMs(domain[1]) - dayMs(domain[0]);
  const lo = dayMs(domain[0]) - span;
  const hi = dayMs(domain[1]) + span;
  return data.filter((d) => dayMs(d.end) >= lo && dayMs(d.start) <= hi);
}

/** Events that overlap the domain itself (not the panning margin). */
function inDomain(data: TimelineDatum[], domain: [string, string]): TimelineDatum[] {
  return data.filter((d) => d.end >= domain[0] && d.start <= domain[1]);
}

/** True when the chart for these options is drawn as a density view (see TimelineOptions.maxMarks). */
export function isDense(data: TimelineDatum[], options: Pick<TimelineOptions, 'domain'> & Partial<Pick<TimelineOptions, 'maxMarks'>>): boolean {
  return inDomain(data, options.domain).length > (options.maxMarks ?? defaults.maxMarks);
}

/**
 * The density view's marks: one path per look (shape, kind, standing), so a
 * few elements stand for thousands of events. Same geometry as the single
 * marks, so nothing jumps when the view crosses the threshold; the groups keep
 * the kind classes an embed filters by.
 */
type At = (t: number, offset: number) => [number, number];

function clusters(placed: Placed[], atFor: (pl: Placed) => At, o: TimelineOptions): string {
  const groups = new Map<string, string[]>();
  for (const pl of placed) {
    if (pl.d.id === o.selected) continue;
    const at = atFor(pl);
    const cls = markClass(pl.d, null).replace('tl-mark', 'tl-cluster');
    let seg: string;
    if (pl.d.shape === 'point') {
      const [x0, y0] = at((pl.t0 + pl.t1) / 2, -3);
      const [x1, y1] = at((pl.t0 + pl.t1) / 2, 3);
      seg = `M${r2(x0)},${r2(y0)}L${r2(x1)},${r2(y1)}`;
    } else {
      const [x0, y0] = at(pl.t0, -6);
      const [x1, y1] = at(pl.t1, 6);
      seg = `M${r2(Math.min(x0, x1))},${r2(Math.min(y0, y1))}h${r2(Math.abs(x1 - x0))}v${r2(Math.abs(y1 - y0))}h${r2(-Math.abs(x1 - x0))}Z`;
    }
    const list = groups.get(cls) ?? [];
    list.push(seg);
    groups.set(cls, list);
  }
  return [...groups]
    .map(([cls, segs]) => `<g class="${cls}" aria-hidden="true"><path class="${cls.includes('tl-point') ? 'tl-dot' : 'tl-bar'}" d="${segs.join('')}"/></g>`)
    .join('');
}

function marksFor(placed: Placed[], atFor: (pl: Placed) => At, o: TimelineOptions, dense: boolean): string {
  if (!dense) return placed.map((pl) => mark(pl, atFor(pl), o)).join('');
  const selected = placed.find((pl) => pl.d.id === o.selected);
  return clusters(placed, atFor, o) + (selected ? mark(selected, atFor(selected), o) : '');
}

/** The density view's note, wrapped to the width. */
function denseNote(count: number, x: number, y: number, width: number, boxes: Box[]): { svg: string; height: number } {
  const text = `${count.toLocaleString('en-US')} events in view, too many to mark one by one: zoom in to pick one, or use the list of every event.`;
  const lines = wrapText(text, width, TEXT_PX.note);
  lines.forEach((l, i) => boxes.push({ x, y: y + i * LINE.note - 12, w: textWidth(l, TEXT_PX.note), h: LINE.note, kind: 'note' }));
  const spans = lines.map((t, i) => `<tspan x="${x}" dy="${i ? LINE.note : 0}">${esc(t)}</tspan>`).join('');
  return { svg: `<text class="tl-dense-note" x="${x}" y="${y}" font-size="${TEXT_PX.note}">${spans}</text>`, height: lines.length * LINE.note };
}

/** Tick rules and the break (moved by gestures) and tick labels (hidden during them, redrawn after). */
function axisGroups(prefix: string, rules: string, labels: string): string {
  return (
    `<g class="tl-axis tl-tick" aria-hidden="true" clip-path="url(#${prefix}-clip)">${rules}</g>` +
    `<g class="tl-axis-labels tl-tick" aria-hidden="true" clip-path="url(#${prefix}-clip)" font-size="${TEXT_PX.tick}">${labels}</g>`
  );
}

function breakNote(o: TimelineOptions, x: TimeAxis): string {
  const w = o.axisBreak;
  if (!w || w.g1 <= x.span[0] || w.g0 >= x.span[1]) return '';
  const fmt = utcFormat('%B %Y');
  return ` The time axis is compressed from ${fmt(new Date(w.g0))} to ${fmt(new Date(w.g1 - DAY))}, a stretch with no events.`;
}

function frame(o: TimelineOptions, layout: Layout, x: TimeAxis, body: string): string {
  const p = o.idPrefix;
  const { width, height, dense, range } = layout;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline-svg tl-${layout.orientation}${dense ? ' is-dense' : ''}" viewBox="0 0 ${width} ${r2(height)}" width="${width}" height="${r2(height)}" ` +
    `font-size="${TEXT_PX.tick}" role="group" aria-roledescription="timeline" aria-labelledby="${p}-title" aria-describedby="${p}-desc" ` +
    `data-domain="${o.domain.join('/')}" data-range="${r2(range[0])},${r2(range[1])}"${o.axisBreak ? ` data-break="${warpAttr(o.axisBreak)}"` : ''}>` +
    `<title id="${p}-title">${esc(o.title)}</title><desc id="${p}-desc">${esc(o.description + breakNote(o, x))}</desc>${body}</svg>`
  );
}

function mark(pl: Placed, at: At, o: TimelineOptions): string {
  const d = pl.d;
  const name = `<title>${esc(accessibleName(d))}</title>`;
  const cls = markClass(d, o.selected);
  const current = d.id === o.selected ? ' aria-current="true"' : '';
  let shape: string;
  const [cx, cy] = at((pl.t0 + pl.t1) / 2, 0);
  let hit: [number, number, number, number];
  if (d.shape === 'point') {
    const [x0, y0] = at((pl.t0 + pl.t1) / 2, -3);
    const [x1, y1] = at((pl.t0 + pl.t1) / 2, 3);
    shape = `<line class="tl-dot" x1="${r2(x0)}" y1="${r2(y0)}" x2="${r2(x1)}" y2="${r2(y1)}"/>`;
    hit = [cx - HIT / 2, cy - HIT / 2, HIT, HIT];
  } else {
    const [x0, y0] = at(pl.t0, -6);
    const [x1, y1] = at(pl.t1, 6);
    const [bx, by, bw, bh] = [Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0)];
    shape = `<rect class="tl-bar" x="${r2(bx)}" y="${r2(by)}" width="${r2(bw)}" height="${r2(bh)}" rx="3"/>`;
    const hw = Math.max(bw, HIT);
    const hh = Math.max(bh, HIT);
    hit = [bx + bw / 2 - hw / 2, by + bh / 2 - hh / 2, hw, hh];
  }
  const hitRect = `<rect class="tl-hit" x="${r2(hit[0])}" y="${r2(hit[1])}" width="${r2(hit[2])}" height="${r2(hit[3])}"/>`;
  return `<a href="${esc(d.href)}" class="${cls}" data-id="${esc(d.id)}"${current}>${name}${hitRect}${shape}</a>`;
}

function breakMark(a: number, b: number, orientation: 'horizontal' | 'vertical', from: number, to: number): string {
  const mid = (a + b) / 2;
  const zig = (o: number) => (orientation === 'horizontal' ? `M${r2(mid - 6 + o)},${r2(from + 7)}l6,-14` : `M${r2(from + 4)},${r2(mid + 6 + o)}l14,-6`);
  const band =
    orientation === 'horizontal'
      ? `<rect class="tl-break-band" x="${r2(Math.min(a, b))}" y="${r2(from)}" width="${r2(Math.abs(b - a))}" height="${r2(to - from)}"/>`
      : `<rect class="tl-break-band" x="${r2(from)}" y="${r2(Math.min(a, b))}" width="${r2(to - from)}" height="${r2(Math.abs(b - a))}"/>`;
  return `<g class="tl-break">${band}<path d="${zig(-3)}${zig(3)}"/></g>`;
}

function horizontal(data: TimelineDatum[], o: TimelineOptions): { svg: string; layout: Layout } {
  const range: [number, number] = [H.side, o.width - H.side];
  const x = timeAxis(o.domain, range, o.axisBreak);
  const inViewList = inDomain(data, o.domain);
  const inView = inViewList.length;
  const dense = inView > o.maxMarks;
  const lanes = pack(visible(data, o.domain), x, dense ? { ...o, labels: false } : o, new Set(inViewList));
  const boxes: Box[] = [];
  const laneTops: number[] = [];
  let y = H.top;
  for (const lane of o.lanes) {
    laneTops.push(y);
    const rows = Math.max(1, ...(lanes.get(lane.id) ?? []).map((p) => p.row + 1));
    y += H.laneHead + rows * o.rowHeight + H.laneGap;
  }
  const plotBottom = y;
  const p = o.idPrefix;
  const ticks = ticksFor(x, 'horizontal');
  const rule = line<[number, number]>();
  const w = o.axisBreak;
  const breakAt: [number, number] | null = w && w.g1 > x.span[0] && w.g0 < x.span[1] ? [x(w.g0), x(w.g1)] : null;
  // Rules and their labels sit in separate groups: a gesture transforms the rules, and text inside a
  // transformed group is laid out again on every frame.
  const axisRules =
    ticks.map((t) => `<path d="${rule([[r2(t.at), H.top - 6], [r2(t.at), plotBottom]])}"/>`).join('') +
    (breakAt ? breakMark(breakAt[0], breakAt[1], 'horizontal', H.top - 6, plotBottom) : '');
  const axisLabels = ticks
    .map((t) => {
      boxes.push({ x: t.at + 3, y: H.tickY - 11, w: textWidth(t.text[0]!, TEXT_PX.tick), h: 14, kind: 'tick' });
      return `<text x="${r2(t.at + 3)}" y="${H.tickY}">${esc(t.text[0]!)}</text>`;
    })
    .join('');
  const axis = axisGroups(p, axisRules, axisLabels);
  let labelled = 0;
  const lanesSvg = o.lanes
    .map((lane, i) => {
      const top = laneTops[i] as number;
      const placed = lanes.get(lane.id) ?? [];
      const rowY = (row: number) => top + H.laneHead + row * o.rowHeight + o.rowHeight / 2;
      const marks = marksFor(placed, (pl) => (t, off) => [t, rowY(pl.row) + off], o, dense);
      const labels = placed
        .filter((pl) => pl.label)
        .map((pl) => {
          labelled += 1;
          const left = pl.side === 'left';
          const tw = textWidth(pl.label as string, TEXT_PX.label);
          const lx = left ? pl.t0 - 6 : pl.t1 + 6;
          boxes.push({ x: left ? lx - tw : lx, y: rowY(pl.row) - 8, w: tw, h: 16, kind: 'label' });
          return `<text class="tl-label${pl.d.id === o.selected ? ' is-selected' : ''}" x="${r2(lx)}" y="${r2(rowY(pl.row) + 4.5)}"${left ? ' text-anchor="end"' : ''}>${esc(pl.label as string)}</text>`;
        })
        .join('');
      boxes.push({ x: H.side, y: top + 3, w: textWidth(lane.label, TEXT_PX.label, BOLD_EM), h: 16, kind: 'lane' });
      const sep = `<path class="tl-lane-rule" d="${rule([[0, top], [o.width, top]])}"/>`;
      return (
        `<g class="tl-lane" role="group" aria-label="${esc(lane.label)} lane">${sep}` +
        `<text class="tl-lane-label" x="${H.side}" y="${r2(top + 16)}" font-size="${TEXT_PX.label}" aria-hidden="true">${esc(lane.label)}</text>` +
        `<g class="tl-marks" clip-path="url(#${p}-clip)"><g class="tl-zoom">${marks}</g></g>` +
        `<g class="tl-labels" aria-hidden="true" clip-path="url(#${p}-clip)" font-size="${TEXT_PX.label}">${labels}</g></g>`
      );
    })
    .join('');
  const asOfX = x(dayMs(o.asOf) + DAY);
  // The as-of rule crosses the marks of its own day: it takes no pointer, so it never blocks their links.
  let asOf = '';
  if (asOfX >= range[0] && asOfX <= range[1]) {
    const tw = textWidth(o.asOfLabel, TEXT_PX.label, BOLD_EM);
    const left = asOfX - 4 - tw >= 0;
    boxes.push({ x: left ? asOfX - 4 - tw : asOfX + 4, y: H.asOfY - 12, w: tw, h: 16, kind: 'asof' });
    asOf =
      `<g class="tl-asof" clip-path="url(#${p}-clip)" pointer-events="none"><path d="${rule([[r2(asOfX), H.asOfY + 4], [r2(asOfX), plotBottom]])}"/></g>` +
      `<text class="tl-asof-label" x="${r2(left ? asOfX - 4 : asOfX + 4)}" y="${H.asOfY}" font-size="${TEXT_PX.label}"${left ? ' text-anchor="end"' : ''}>${esc(o.asOfLabel)}</text>`;
  }
  const note = dense ? denseNote(inView, H.side, plotBottom + 16, o.width - 2 * H.side, boxes) : { svg: '', height: 0 };
  const height = Math.ceil(Math.max(o.minHeight, plotBottom + H.bottom + (dense ? note.height + NOTE_GAP : 0)));
  const clip = `<defs><clipPath id="${p}-clip"><rect x="0" y="0" width="${o.width}" height="${r2(height)}"/></clipPath></defs>`;
  const layout: Layout = { orientation: 'horizontal', width: o.width, height, range, dense, inView, labelled, boxes, leaders: [], ticks, breakAt };
  return { svg: frame(o, layout, x, `${clip}${axis}${lanesSvg}${asOf}${note.svg}`), layout };
}

/**
 * One-dimensional label placement (as labella does, without a DOM): blocks in
 * anchor order, each wanting to be centred on its anchor, are pushed apart so
 * none overlap, a run of touching blocks centred on the mean of what its
 * members want, and none above `min`. Linear in the number of blocks (each
 * merge removes a run), so it stays fast at 10,000 labels. Order is kept, so
 * leaders from anchors to blocks never cross.
 */
export function stack(blocks: { want: number; h: number }[], gap: number, min: number): number[] {
  interface Run {
    first: number;
    last: number;
    top: number;
    h: number;
    /** Sum over members of (want − offset within the run), for the mean. */
    sum: number;
    n: number;
  }
  const runs: Run[] = [];
  blocks.forEach((b, i) => {
    let run: Run = { first: i, last: i, top: Math.max(min, b.want), h: b.h, sum: b.want, n: 1 };
    for (let prev = runs[runs.length - 1]; prev && prev.top + prev.h + gap > run.top; prev = runs[runs.length - 1]) {
      runs.pop();
      const offset = prev.h + gap;
      const sum = prev.sum + run.sum - offset * run.n;
      const n = prev.n + run.n;
      run = { first: prev.first, last: run.last, top: Math.max(min, sum / n), h: prev.h + gap + run.h, sum, n };
    }
    runs.push(run);
  });
  const tops: number[] = new Array(blocks.length);
  for (const run of runs) {
    let y = run.top;
    for (let i = run.first; i <= run.last; i++) {
      tops[i] = y;
      y += blocks[i]!.h + gap;
    }
  }
  return tops;
}

/** What a length of the rail's axis gives: the chart's bottom once labels are stacked, and the longest leader's rise or drop. */
export function railFit(
  items: { d: TimelineDatum; h: number; lines: number }[],
  asOfH: number | null,
  length: number,
  o: Pick<TimelineOptions, 'domain' | 'axisBreak' | 'asOf'>,
): { bottom: number; leader: number } {
  const yy = timeAxis(o.domain, [V.top + 8, V.top + 8 + length], o.axisBreak);
  const blocks = items.map((it) => {
    const [t0, t1] = extent(it.d, yy);
    const at = (t0 + t1) / 2;
    return { at, want: at - it.lines * LINE.label * 0.5 - 4, h: it.h };
  });
  if (asOfH !== null) {
    const at = yy(dayMs(o.asOf) + DAY);
    blocks.push({ at, want: at - LINE.label / 2 - 4, h: asOfH });
  }
  blocks.sort((a, b) => a.at - b.at);
  const tops = stack(blocks, V.gap, V.top);
  // A leader ends 8 px below its label's top (see vertical()).
  return blocks.reduce(
    (m, b, i) => ({ bottom: Math.max(m.bottom, tops[i]! + b.h), leader: Math.max(m.leader, Math.abs(tops[i]! + 8 - b.at)) }),
    { bottom: V.top + 8 + length, leader: 0 },
  );
}

/** Candidate axis lengths of the rail, as shares of the labels' total height (never under 360 px). */
export const RAIL_LENGTHS = [1.1, 0.9, 0.75, 0.6] as const;

/**
 * What a px of the longest leader costs against a px of the rail's height: at 1/4, the page's rail at 280 px
 * takes 21 px more height to cut its longest leader from 534 to 381 px, while the embed's titles-only rail,
 * held to 1,100 px at 390 px, keeps its length.
 */
export const LEADER_COST = 0.25;

/** The rail's axis length: of RAIL_LENGTHS, the one with the least bottom + LEADER_COST × longest leader (the shortest of equals). */
function railLength(items: { d: TimelineDatum; h: number; lines: number }[], asOfH: number | null, labelTotal: number, o: TimelineOptions): number {
  let best = { length: 0, cost: Infinity };
  for (const f of [...RAIL_LENGTHS].reverse()) {
    const length = Math.max(360, labelTotal * f);
    const fit = railFit(items, asOfH, length, o);
    const cost = fit.bottom + LEADER_COST * fit.leader;
    if (cost < best.cost - 1) best = { length, cost };
  }
  return best.length;
}

function vertical(data: TimelineDatum[], o: TimelineOptions): { svg: string; layout: Layout } {
  const p = o.idPrefix;
  const shown = visible(data, o.domain).filter((d) => o.lanes.some((l) => l.id === d.lane));
  const inViewList = inDomain(shown, o.domain);
  const dense = inViewList.length > o.maxMarks;
  const labelled = o.labels && !dense;
  const laneName = new Map(o.lanes.map((l) => [l.id, l.label]));
  const labelW = o.width - V.labelX - V.right;
  // Each label's lines: the full title, wrapped, then its date and lane.
  interface Item {
    d: TimelineDatum | null;
    title: string[];
    meta: string[];
    h: number;
  }
  const itemFor = (d: TimelineDatum | null): Item => {
    const title = wrapText(d ? d.title : o.asOfLabel, labelW, TEXT_PX.label);
    const lane = laneName.get(d?.lane ?? '') ?? '';
    const meta = !d || o.metaLines === 'none' ? [] : wrapText(o.metaLines === 'full' ? `${d.dateLabel} · ${lane}` : lane, labelW, TEXT_PX.meta);
    return { d, title, meta, h: title.length * LINE.label + meta.length * LINE.meta };
  };
  const items = labelled ? inViewList.map(itemFor) : [];
  const asOfItem = o.labels ? itemFor(null) : null;
  const labelTotal = items.reduce((s, it) => s + it.h + V.gap, 0);
  // The axis is long enough for the labels to sit near their marks. Of a few lengths, the one with the lowest
  // cost: the chart's height once labels are stacked (bunched events push theirs past the end of the axis),
  // plus a quarter of the longest leader (LEADER_COST), so a few px of height buy much shorter leaders where
  // events bunch up (June 2026: nine events in four weeks). A density view has no labels.
  const axisLength = dense ? DENSE_AXIS : railLength(items.map((it) => ({ d: it.d!, h: it.h, lines: it.title.length })), asOfItem?.h ?? null, labelTotal, o);
  const range: [number, number] = [V.top + 8, V.top + 8 + axisLength];
  const y = timeAxis(o.domain, range, o.axisBreak);
  const rule = line<[number, number]>();
  // Marks on the rail, nudged sideways where they would sit on one another.
  const sorted = [...shown].sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  const colEnd: number[] = new Array(V.cols).fill(-Infinity);
  const placed: Placed[] = sorted.map((d) => {
    const [t0, t1] = extent(d, y);
    let c = colEnd.findIndex((e) => e + 2 <= t0);
    if (c < 0) c = colEnd.indexOf(Math.min(...colEnd));
    colEnd[c] = Math.max(t1, (t0 + t1) / 2 + V.nudge / 2);
    return { d, t0, t1, row: c, label: null, side: 'right' as const };
  });
  const railX = (pl: Placed) => V.rail + pl.row * V.nudge;
  const marks = marksFor(placed, (pl) => (t, off) => [railX(pl) + off, t], o, dense);
  // Labels: events in view and the as-of day, in the order of their anchors on the rail.
  const anchored: { it: Item; at: number; from: number }[] = [];
  const byD = new Map(placed.map((pl) => [pl.d, pl]));
  for (const it of items) {
    const pl = byD.get(it.d!)!;
    anchored.push({ it, at: (pl.t0 + pl.t1) / 2, from: railX(pl) + 6 });
  }
  const asOfY = y(dayMs(o.asOf) + DAY);
  const asOfIn = asOfY >= range[0] && asOfY <= range[1];
  if (asOfItem && asOfIn) anchored.push({ it: asOfItem, at: asOfY, from: LEADER_X });
  anchored.sort((a, b) => a.at - b.at);
  const tops = stack(
    anchored.map((a) => ({ want: a.at - a.it.title.length * LINE.label * 0.5 - 4, h: a.it.h })),
    V.gap,
    V.top,
  );
  const boxes: Box[] = [];
  const leaders: Layout['leaders'] = [];
  let bottom = range[1];
  const labels = anchored
    .map(({ it, at, from }, i) => {
      const top = tops[i]!;
      bottom = Math.max(bottom, top + it.h);
      const first = top + 12;
      const isAsOf = it.d === null;
      const cls = isAsOf ? 'tl-asof-label' : `tl-label${it.d!.id === o.selected ? ' is-selected' : ''}`;
      const title = it.title.map((t, n) => `<tspan x="${V.labelX}" dy="${n ? LINE.label : 0}">${esc(t)}</tspan>`).join('');
      it.title.forEach((t, n) => boxes.push({ x: V.labelX, y: top + n * LINE.label, w: textWidth(t, TEXT_PX.label, isAsOf ? BOLD_EM : EM), h: LINE.label, kind: isAsOf ? 'asof' : 'label' }));
      const metaTop = top + it.title.length * LINE.label;
      const meta = it.meta.length
        ? `<text class="tl-meta" y="${r2(metaTop + 11)}" font-size="${TEXT_PX.meta}">${it.meta.map((t, n) => `<tspan x="${V.labelX}" dy="${n ? LINE.meta : 0}">${esc(t)}</tspan>`).join('')}</text>`
        : '';
      it.meta.forEach((t, n) => boxes.push({ x: V.labelX, y: metaTop + n * LINE.meta, w: textWidth(t, TEXT_PX.meta), h: LINE.meta, kind: 'label' }));
      const to: [number, number] = [V.labelX - 4, first - 4];
      // Mark → straight across to LEADER_X → label: the sloped parts all start on one line, in anchor order.
      leaders.push([LEADER_X, at, to[0], to[1]]);
      const leader = `<path class="tl-leader${isAsOf ? ' tl-asof-leader' : ''}" d="${rule([[r2(from), r2(at)], [LEADER_X, r2(at)], [r2(to[0]), r2(to[1])]])}"/>`;
      return `${leader}<text class="${cls}" y="${r2(first)}">${title}</text>${meta}`;
    })
    .join('');
  const ticks = ticksFor(y, 'vertical');
  const w = o.axisBreak;
  const breakAt: [number, number] | null = w && w.g1 > y.span[0] && w.g0 < y.span[1] ? [y(w.g0), y(w.g1)] : null;
  const axis = axisGroups(
    p,
    ticks.map((t) => `<path d="${rule([[V.tickX + 30, r2(t.at)], [LEADER_X, r2(t.at)]])}"/>`).join('') +
      `<path class="tl-rail" d="${rule([[V.rail, range[0]], [V.rail, range[1]]])}"/>` +
      (breakAt ? breakMark(breakAt[0], breakAt[1], 'vertical', V.rail - 12, LEADER_X) : ''),
    ticks
      .map((t) => {
        t.text.forEach((s, n) => boxes.push({ x: V.tickX, y: t.at - 7 + n * LINE.meta, w: textWidth(s, TEXT_PX.tick), h: LINE.meta, kind: 'tick' }));
        return `<text x="${V.tickX}" y="${r2(t.at + 4)}">${t.text.map((s, n) => `<tspan x="${V.tickX}" dy="${n ? LINE.meta : 0}">${esc(s)}</tspan>`).join('')}</text>`;
      })
      .join(''),
  );
  const asOf = asOfIn ? `<g class="tl-asof" clip-path="url(#${p}-clip)" pointer-events="none"><path d="${rule([[V.rail - 10, r2(asOfY)], [LEADER_X, r2(asOfY)]])}"/></g>` : '';
  const plotBottom = bottom + V.bottom;
  const note = dense ? denseNote(inViewList.length, V.tickX, plotBottom + 4, o.width - 2 * V.tickX, boxes) : { svg: '', height: 0 };
  // Whole px: with `height: auto` the browser lays the SVG out at a multiple of 1/64 px, so a fractional height
  // (1,699.09) came out a hair shorter (1,699.078) and shrank the 24 px tap targets to 23.999.
  const height = Math.ceil(Math.max(o.minHeight, plotBottom + (dense ? note.height + NOTE_GAP : 0)));
  const clip = `<defs><clipPath id="${p}-clip"><rect x="0" y="${V.top}" width="${o.width}" height="${r2(Math.max(0, plotBottom - V.top))}"/></clipPath></defs>`;
  const layout: Layout = { orientation: 'vertical', width: o.width, height, range, dense, inView: inViewList.length, labelled: items.length, boxes, leaders, ticks, breakAt };
  return {
    svg: frame(
      o,
      layout,
      y,
      `${clip}${axis}<g class="tl-marks" clip-path="url(#${p}-clip)"><g class="tl-zoom">${marks}</g></g><g class="tl-labels" aria-hidden="true" font-size="${TEXT_PX.label}">${labels}</g>${asOf}${note.svg}`,
    ),
    layout,
  };
}
