/**
 * timelineSvg(data, options) → SVG markup of the story's timeline, with one
 * lane per group of event kinds. Pure: no DOM, no Astro. The build renders it
 * into the page; the timeline island calls it again when the view changes.
 *
 * Marks are drawn in a zoom group (`.tl-zoom`) so that a zoom or pan frame is
 * one transform on that group (see zoomTransform). Marks stretch a little
 * while a gesture runs and are redrawn crisp when it ends; non-scaling strokes
 * would avoid that but double the cost of each frame at 2,000 events (bench).
 * Labels are laid out per render.
 */
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { line } from 'd3-shape';
import { utcDay, utcMonth, utcYear } from 'd3-time';
import { utcFormat } from 'd3-time-format';
import { esc, r2 } from './svg';
import { DAY, dayMs } from './timeline-zoom';

export { dayMs };

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
  orientation: 'horizontal' | 'vertical';
  /** Width in px; for the vertical layout also the width of the whole chart. */
  width: number;
  lanes: readonly TimelineLane[];
  /** Visible days, inclusive. */
  domain: [string, string];
  /** The "as of" day, marked with a rule. */
  asOf: string;
  asOfLabel: string;
  selected: string | null;
  /** Prefix for element ids, unique per chart on a page. */
  idPrefix: string;
  /** Draw text labels beside marks where they fit. */
  labels: boolean;
  title: string;
  description: string;
  rowHeight: number;
  maxRows: number;
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
  orientation: 'horizontal',
  width: 960,
  selected: null,
  idPrefix: 'tl',
  labels: true,
  rowHeight: 24,
  maxRows: 6,
  maxMarks: 300,
};

const CHAR_PX = 6.4; // average width of a 12px system-ui character
const MARGIN = { horizontal: { top: 34, right: 16, bottom: 12, left: 150 }, vertical: { top: 40, right: 8, bottom: 16, left: 58 } };
const LANE_COLUMN = 18; // vertical layout: width of one lane's column
const NOTE_HEIGHT = 20; // room for a line of the density view's note under the plot
const DENSE_HEIGHT = 640; // vertical density view: no label rows to make room for


/** Time scale for a domain of whole days (the end day included) onto a pixel range. */
export function timeScale(domain: [string, string], range: [number, number]): ScaleTime<number, number> {
  return scaleUtc().domain([new Date(dayMs(domain[0])), new Date(dayMs(domain[1]) + DAY)]).range(range);
}

/** Pixel range of the time axis for given options. */
export function timeRange(o: Pick<TimelineOptions, 'orientation' | 'width'>, height: number): [number, number] {
  const m = MARGIN[o.orientation];
  return o.orientation === 'horizontal' ? [m.left, o.width - m.right] : [m.top, height - m.bottom];
}

export { zoomTransform, zoomScale, domainMs } from './timeline-zoom';

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

/**
 * Greedy row packing within each lane, earliest first: an event takes the
 * first row where its mark and a label (right of the mark, else left of it)
 * fit, else the first row where the mark alone fits, else the row that frees
 * up first, without a label. The list below the chart carries every title, so
 * a dropped label hides nothing.
 */
function pack(data: TimelineDatum[], x: ScaleTime<number, number>, o: TimelineOptions): Map<string, Placed[]> {
  const byLane = new Map<string, Placed[]>(o.lanes.map((l) => [l.id, []]));
  const [lo, hi] = x.range() as [number, number];
  const sorted = [...data].sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  // Events arrive in start order, so a row is free for [a, b] when everything in it ends before a.
  // That keeps packing O(rows) per event, which matters at thousands of events.
  const rowEnds = new Map<string, number[]>();
  for (const d of sorted) {
    const placed = byLane.get(d.lane);
    if (!placed) continue;
    const ends = rowEnds.get(d.lane) ?? [];
    rowEnds.set(d.lane, ends);
    const t0 = d.shape === 'point' ? x(dayMs(d.start) + DAY / 2) - 5 : x(dayMs(d.start));
    const t1 = d.shape === 'point' ? t0 + 10 : Math.max(x(dayMs(d.end) + DAY), t0 + 8);
    const width = o.labels ? d.title.length * CHAR_PX + 6 : 0;
    const fits = (row: number, a: number) => (ends[row] ?? -Infinity) + 4 <= a;
    let row = -1;
    let side: 'right' | 'left' | null = null;
    for (let r = 0; r < o.maxRows && row < 0; r++) {
      if (!o.labels) break;
      if (fits(r, t0) && t1 + width <= hi) [row, side] = [r, 'right'];
      else if (fits(r, t0 - width) && t0 - width >= lo) [row, side] = [r, 'left'];
    }
    for (let r = 0; r < o.maxRows && row < 0; r++) if (fits(r, t0)) row = r;
    if (row < 0) row = ends.indexOf(Math.min(...ends)); // overlap the row that frees up first
    ends[row] = Math.max(ends[row] ?? -Infinity, side === 'right' ? t1 + width : t1);
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

/** Tick interval and format suited to the visible span: years, months or days, at most one tick per 90 px. */
function ticksFor(x: ScaleTime<number, number>, length: number) {
  const [a, b] = x.domain() as [Date, Date];
  const days = (b.getTime() - a.getTime()) / DAY;
  const room = Math.max(2, length / 90);
  for (const months of [1, 2, 3, 6]) {
    if (days / 30.44 / months <= room && days > 45) return { ticks: x.ticks(utcMonth.every(months)!), format: utcFormat('%b %Y') };
  }
  if (days > 45) return { ticks: x.ticks(utcYear.every(1)!), format: utcFormat('%Y') };
  return { ticks: x.ticks(utcDay.every(Math.max(1, Math.ceil(days / room)))!), format: utcFormat('%b %-d') };
}

/** Renders the timeline. Events outside the domain (with one domain-width of margin, for panning) are culled. */
export function timelineSvg(data: TimelineDatum[], options: Partial<TimelineOptions> & Pick<TimelineOptions, 'lanes' | 'domain' | 'asOf' | 'asOfLabel' | 'title' | 'description'>): string {
  const o: TimelineOptions = { ...defaults, ...options };
  return o.orientation === 'horizontal' ? horizontal(data, o) : vertical(data, o);
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

/** The density view's note, in one line (horizontal) or two (vertical). */
function denseNote(count: number, x: number, y: number, lines: 1 | 2): string {
  const parts = [`${count.toLocaleString('en-US')} events in view, too many to mark one by one:`, 'zoom in to pick one, or use the list of every event.'];
  const text = lines === 1 ? esc(parts.join(' ')) : parts.map((t, i) => `<tspan x="${x}" dy="${i ? 15 : 0}">${esc(t)}</tspan>`).join('');
  return `<text class="tl-dense-note" x="${x}" y="${y}">${text}</text>`;
}

/** Tick rules (moved by gestures) and tick labels (hidden during them, redrawn after). */
function axisGroups(prefix: string, rules: string, labels: string): string {
  return (
    `<g class="tl-axis tl-tick" aria-hidden="true" clip-path="url(#${prefix}-clip)">${rules}</g>` +
    `<g class="tl-axis-labels tl-tick" aria-hidden="true" clip-path="url(#${prefix}-clip)">${labels}</g>`
  );
}

function frame(o: TimelineOptions, width: number, height: number, body: string, dense: boolean): string {
  const p = o.idPrefix;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline-svg tl-${o.orientation}${dense ? ' is-dense' : ''}" viewBox="0 0 ${width} ${r2(height)}" width="${width}" height="${r2(height)}" ` +
    `role="group" aria-roledescription="timeline" aria-labelledby="${p}-title" aria-describedby="${p}-desc" data-domain="${o.domain.join('/')}">` +
    `<title id="${p}-title">${esc(o.title)}</title><desc id="${p}-desc">${esc(o.description)}</desc>${body}</svg>`
  );
}

function mark(pl: Placed, at: At, o: TimelineOptions): string {
  const d = pl.d;
  const name = `<title>${esc(accessibleName(d))}</title>`;
  const cls = markClass(d, o.selected);
  const current = d.id === o.selected ? ' aria-current="true"' : '';
  let shape: string;
  if (d.shape === 'point') {
    const [x0, y0] = at((pl.t0 + pl.t1) / 2, -3);
    const [x1, y1] = at((pl.t0 + pl.t1) / 2, 3);
    shape = `<line class="tl-dot" x1="${r2(x0)}" y1="${r2(y0)}" x2="${r2(x1)}" y2="${r2(y1)}"/>`;
  } else {
    const [x0, y0] = at(pl.t0, -6);
    const [x1, y1] = at(pl.t1, 6);
    shape = `<rect class="tl-bar" x="${r2(Math.min(x0, x1))}" y="${r2(Math.min(y0, y1))}" width="${r2(Math.abs(x1 - x0))}" height="${r2(Math.abs(y1 - y0))}" rx="3"/>`;
  }
  return `<a href="${esc(d.href)}" class="${cls}" data-id="${esc(d.id)}"${current}>${name}${shape}</a>`;
}

function horizontal(data: TimelineDatum[], o: TimelineOptions): string {
  const m = MARGIN.horizontal;
  const x = timeScale(o.domain, [m.left, o.width - m.right]);
  const inView = inDomain(data, o.domain).length;
  const dense = inView > o.maxMarks;
  const lanes = pack(visible(data, o.domain), x, dense ? { ...o, labels: false } : o);
  const laneTops: number[] = [];
  let y = m.top;
  for (const lane of o.lanes) {
    laneTops.push(y);
    const rows = Math.max(1, ...(lanes.get(lane.id) ?? []).map((p) => p.row + 1));
    y += rows * o.rowHeight + 12;
  }
  const plotBottom = y;
  const height = y + m.bottom + (dense ? NOTE_HEIGHT : 0);
  const p = o.idPrefix;
  const { ticks, format } = ticksFor(x, o.width - m.left - m.right);
  const rule = line<[number, number]>();
  // Rules and their labels sit in separate groups: a gesture transforms the rules, and text inside a
  // transformed group is laid out again on every frame.
  const axisRules = ticks.map((t) => `<path d="${rule([[r2(x(t)), m.top - 6], [r2(x(t)), plotBottom]])}"/>`).join('');
  const axisLabels = ticks
    .map((t) => r2(x(t)))
    .map((tx, i) => (tx + 50 <= o.width ? `<text x="${tx + 3}" y="${m.top - 12}">${esc(format(ticks[i] as Date))}</text>` : ''))
    .join('');
  const axis = axisGroups(p, axisRules, axisLabels);
  const asOfX = r2(x(dayMs(o.asOf) + DAY));
  const lanesSvg = o.lanes
    .map((lane, i) => {
      const top = laneTops[i] as number;
      const placed = lanes.get(lane.id) ?? [];
      const rowY = (row: number) => top + row * o.rowHeight + o.rowHeight / 2 + 6;
      const marks = marksFor(placed, (pl) => (t, off) => [t, rowY(pl.row) + off], o, dense);
      const labels = placed
        .filter((pl) => pl.label)
        .map((pl) => {
          const left = pl.side === 'left';
          return `<text class="tl-label${pl.d.id === o.selected ? ' is-selected' : ''}" x="${r2(left ? pl.t0 - 6 : pl.t1 + 6)}" y="${r2(rowY(pl.row) + 4)}"${left ? ' text-anchor="end"' : ''}>${esc(pl.label as string)}</text>`;
        })
        .join('');
      const sep = `<path class="tl-lane-rule" d="${rule([[0, top], [o.width, top]])}"/>`;
      return (
        `<g class="tl-lane" role="group" aria-label="${esc(lane.label)} lane">${sep}` +
        `<text class="tl-lane-label" x="8" y="${r2(top + 20)}" aria-hidden="true">${esc(lane.label)}</text>` +
        `<g class="tl-marks" clip-path="url(#${p}-clip)"><g class="tl-zoom">${marks}</g></g>` +
        `<g class="tl-labels" aria-hidden="true" clip-path="url(#${p}-clip)">${labels}</g></g>`
      );
    })
    .join('');
  const clip = `<defs><clipPath id="${p}-clip"><rect x="${m.left}" y="0" width="${o.width - m.left - m.right}" height="${r2(height)}"/></clipPath></defs>`;
  const asOf =
    asOfX >= m.left && asOfX <= o.width - m.right
      ? `<g class="tl-asof" clip-path="url(#${p}-clip)"><path d="${rule([[asOfX, m.top - 6], [asOfX, plotBottom]])}"/></g><text class="tl-asof-label" x="${asOfX - 4}" y="${m.top - 24}" text-anchor="end">${esc(o.asOfLabel)}</text>`
      : '';
  const note = dense ? denseNote(inView, m.left, plotBottom + 15, 1) : '';
  return frame(o, o.width, height, `${clip}${axis}${lanesSvg}${asOf}${note}`, dense);
}

function vertical(data: TimelineDatum[], o: TimelineOptions): string {
  const m = MARGIN.vertical;
  const p = o.idPrefix;
  const shown = visible(data, o.domain);
  const inView = inDomain(shown, o.domain);
  const dense = inView.length > o.maxMarks;
  // Tall enough for one label line per event in view, so labels can stack without overlapping;
  // the density view has no labels, so a fixed height does.
  const height = dense ? DENSE_HEIGHT : Math.max(420, m.top + m.bottom + inView.length * 22);
  const yScale = timeScale(o.domain, [m.top, height - m.bottom]);
  const labelX = m.left + o.lanes.length * LANE_COLUMN + 10;
  const maxChars = Math.max(8, Math.floor((o.width - labelX - m.right) / CHAR_PX));
  const laneX = (id: string) => m.left + o.lanes.findIndex((l) => l.id === id) * LANE_COLUMN + LANE_COLUMN / 2;
  const placed: Placed[] = shown
    .filter((d) => o.lanes.some((l) => l.id === d.lane))
    .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))
    .map((d) => {
      const t0 = d.shape === 'point' ? yScale(dayMs(d.start) + DAY / 2) - 5 : yScale(dayMs(d.start));
      const t1 = d.shape === 'point' ? t0 + 10 : Math.max(yScale(dayMs(d.end) + DAY), t0 + 8);
      const title = d.title.length > maxChars ? `${d.title.slice(0, maxChars - 1)}…` : d.title;
      return { d, t0, t1, row: 0, label: o.labels && !dense ? title : null, side: 'right' as const };
    });
  const rule = line<[number, number]>();
  let nextFree = -Infinity;
  const labels = placed
    .filter((pl) => pl.label && pl.d.end >= o.domain[0] && pl.d.start <= o.domain[1])
    .map((pl) => {
      const want = (pl.t0 + pl.t1) / 2 + 4;
      const at = Math.max(want, nextFree + 20);
      nextFree = at;
      const leader = at - want > 2 ? `<path class="tl-leader" d="${rule([[laneX(pl.d.lane) + 6, (pl.t0 + pl.t1) / 2], [labelX - 2, at - 4]])}"/>` : '';
      return `${leader}<text class="tl-label${pl.d.id === o.selected ? ' is-selected' : ''}" x="${labelX}" y="${r2(at)}">${esc(pl.label as string)}</text>`;
    })
    .join('');
  const total = Math.max(height, nextFree + m.bottom) + (dense ? 2 * NOTE_HEIGHT : 0);
  const marks = marksFor(placed, (pl) => (t, off) => [laneX(pl.d.lane) + off, t], o, dense);
  const note = dense ? denseNote(inView.length, 8, height + 4, 2) : '';
  const { ticks, format } = ticksFor(yScale, height - m.top - m.bottom);
  const axis = axisGroups(
    p,
    ticks.map((t) => `<path d="${rule([[m.left - 4, r2(yScale(t))], [o.width - m.right, r2(yScale(t))]])}"/>`).join(''),
    ticks.map((t) => `<text x="4" y="${r2(yScale(t)) + 4}">${esc(format(t))}</text>`).join(''),
  );
  const heads = o.lanes
    .map((l, i) => `<text class="tl-lane-head" x="${m.left + i * LANE_COLUMN + LANE_COLUMN / 2}" y="${m.top - 8}" text-anchor="middle"><title>${esc(l.label)}</title>${i + 1}</text>`)
    .join('');
  const asOfY = r2(yScale(dayMs(o.asOf) + DAY));
  const asOf =
    asOfY >= m.top && asOfY <= height - m.bottom
      ? `<g class="tl-asof" clip-path="url(#${p}-clip)"><path d="${rule([[m.left - 4, asOfY], [o.width - m.right, asOfY]])}"/></g><text class="tl-asof-label" x="${o.width - m.right}" y="${asOfY - 4}" text-anchor="end">${esc(o.asOfLabel)}</text>`
      : '';
  const clip = `<defs><clipPath id="${p}-clip"><rect x="0" y="${m.top}" width="${o.width}" height="${r2(height - m.top - m.bottom)}"/></clipPath></defs>`;
  return frame(
    o,
    o.width,
    total,
    `${clip}<g class="tl-heads" aria-hidden="true">${heads}</g>${axis}<g class="tl-marks" clip-path="url(#${p}-clip)"><g class="tl-zoom">${marks}</g></g><g class="tl-labels" aria-hidden="true">${labels}</g>${asOf}${note}`,
    dense,
  );
}
