/**
 * Market: the Alibaba ADS price points the sources report, the level a
 * reported move implies (drawn hollow and labelled as derived), and the
 * period's events as numbered annotations. No line suggests daily prices the
 * sources do not give: the only connector is dashed and says so.
 *
 * Pure: (data, options) → SVG markup.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { utcMonday } from 'd3-time';
import { utcFormat } from 'd3-time-format';
import { esc, r2 } from '../lib/util/markup';
import { DAY, dayMs } from '../lib/util/dates';
import { approximately } from '../lib/util/format';
import { boxesOverlap, el, sentences, svgFrame, text, textBox, textLines, textWidth, tickBudget, ticksFit, withDefaults, wrap, type Box } from './shared';

export interface MarketPoint {
  date: string;
  /** "June 26, 2026" */
  dateText: string;
  value: number;
  /** "$94.93" */
  text: string;
  /** What the point is: "Price by the close". */
  label: string;
}

export interface MarketDerived {
  date: string;
  dateText: string;
  value: number;
  /** "$126.57" */
  text: string;
  formula: string;
  approximate: boolean;
}

export interface MarketMove {
  from: string;
  to: string;
  /** "about −25%" */
  text: string;
}

export interface MarketEvent {
  /** Number shown on the chart and in the key and table. */
  n: number;
  id: string;
  title: string;
  /** "June 23 or 24, 2026", "June 2026" */
  dateText: string;
  /** A day, a whole month (the day is not reported) or disputed alternative days. */
  precision: 'day' | 'month' | 'alternatives';
  /** First and last day the date can stand for (both the same for a day). */
  first: string;
  last: string;
  /** The alternative days, when the sources disagree. */
  alternatives: string[];
  /** "Alleged", "Disputed", "Reported"… */
  standing: string;
}

export interface MarketData {
  /** "Alibaba American depositary shares (ADS)" */
  seriesName: string;
  /** "US dollars per ADS" */
  unit: string;
  reported: MarketPoint[];
  derived: MarketDerived[];
  moves: MarketMove[];
  events: MarketEvent[];
}

export interface MarketOptions {
  id: string;
  width: number;
  fontSize: number;
  plotHeight: number;
  /** Days of space before the first and after the last date. */
  padDays: number;
}

/** Default options: 640 wide, three days of padding either side. */
export const defaults: MarketOptions = {
  id: 'market',
  width: 640,
  fontSize: 12,
  plotHeight: 210,
  padDays: 3,
};

const noon = (d: string) => new Date(dayMs(d) + DAY / 2);

/**
 * The time axis the layout and the drawing share: the plot's left and right
 * edges, a UTC scale over every date the chart draws (padded by `padDays`),
 * and the Mondays in that span, the candidates for x ticks.
 */
function timeAxis(data: MarketData, o: MarketOptions) {
  const left = Math.ceil(textWidth('$000', o.fontSize) + 10);
  const plotRight = o.width - 12;
  const days = [
    ...data.reported.map((p) => p.date),
    ...data.derived.map((d) => d.date),
    ...data.moves.flatMap((m) => [m.from, m.to]),
    ...data.events.flatMap((e) => [e.first, e.last]),
  ];
  const lo = new Date(Math.min(...days.map(dayMs)) - o.padDays * DAY);
  const hi = new Date(Math.max(...days.map(dayMs)) + (o.padDays + 1) * DAY);
  return { left, plotRight, x: scaleUtc().domain([lo, hi]).range([left, plotRight]), mondays: utcMonday.range(lo, hi) };
}

/** Every `n`th item, from the first. */
const everyNth = <T>(items: T[], n: number) => items.filter((_, i) => i % n === 0);

/** Where a week tick sits: the middle of its day. */
const tickX = (x: (d: Date) => number, d: Date) => x(new Date(d.getTime() + DAY / 2));
const tickLabel = utcFormat('%b %-d');

/** Plain-language description of the chart, generated from the data. */
export function marketDescription(data: MarketData): string {
  return sentences(
    `Chart of ${data.seriesName}, in ${data.unit}, with the period's events marked.`,
    ...data.reported.map((p) => `Reported: ${p.text}, ${p.label.toLowerCase()} on ${p.dateText}.`),
    ...data.derived.map(
      (d) => `Derived, not reported: ${approximately(d.approximate, d.text)} on ${d.dateText}, computed as ${d.formula}.`,
    ),
    ...data.moves.map((m) => `The source reports a move of ${m.text} over that period; no prices in between are reported.`),
    data.events.length > 0 && `Events: ${data.events.map((e) => `${e.n}, ${e.dateText}: ${e.title} (${e.standing})`).join('; ')}.`,
    'The chart shows timing, not cause.',
  );
}

interface Placed {
  e: MarketEvent;
  cx: number;
  x0: number;
  x1: number;
  row: number;
}

/** Direct labels (the points, the move, the month band) and the marker numbers. */
const LABEL_FS = 13;

/** How a width lays the chart out (see `marketLayout`). */
export interface MarketLayout {
  /** Weeks between x ticks. */
  tickWeeks: number;
  /** "columns": marker, date, then the title in its own column; "stacked": the title wrapped under the date. */
  key: 'columns' | 'stacked';
}

/** Narrowest title column the key keeps before it puts each title under its date. */
const MIN_KEY_TEXT = 220;

/** Renders the market chart as SVG markup, laid out for its width. */
export function marketSvg(data: MarketData, options: Partial<MarketOptions> = {}): string {
  const o = withDefaults(defaults, options);
  const fs = o.fontSize;
  const lfs = Math.max(LABEL_FS, fs);
  const lh = Math.round(fs * 1.35);
  const llh = Math.round(lfs * 1.3);
  const r = Math.round(lfs * 0.73 * 2) / 2;
  const { left, plotRight, x, mondays: allMondays } = timeAxis(data, o);
  const taken: Box[] = [];
  const parts: string[] = [];

  /** A line of text kept inside the chart's width, its box recorded so later labels avoid it. */
  const put = (a: { class: string; x: number; y: number; anchor?: 'start' | 'middle' | 'end'; size?: number }, content: string, record = true): string => {
    const size = a.size ?? fs;
    const anchor = a.anchor ?? 'start';
    const w = textWidth(content, size);
    const x0 = anchor === 'start' ? a.x : anchor === 'middle' ? a.x - w / 2 : a.x - w;
    const shift = x0 < 0 ? -x0 : x0 + w > o.width ? o.width - (x0 + w) : 0;
    const x = a.x + shift;
    if (record) taken.push(textBox(x, a.y, content, size, anchor));
    return text({ class: a.class, x, y: a.y, 'text-anchor': anchor === 'start' ? undefined : anchor, 'font-size': size === fs ? undefined : size }, content);
  };
  const free = (boxes: Box[]) => boxes.every((b) => taken.every((t) => !boxesOverlap(b, t, -2)));

  const xd = (d: string) => x(noon(d));
  const layout = marketLayout(data, o);

  // Annotation rows: month bands share the row nearest the plot; day markers stack greedily above it.
  const placed: Placed[] = data.events.map((e) => {
    if (e.precision === 'month') {
      return { e, cx: 0, x0: x(new Date(dayMs(e.first))), x1: x(new Date(dayMs(e.last) + DAY)), row: 0 };
    }
    const x0 = xd(e.first);
    const x1 = xd(e.last);
    return { e, cx: (x0 + x1) / 2, x0, x1, row: 0 };
  });
  const bandGroups = new Map<string, Placed[]>();
  for (const p of placed.filter((p) => p.e.precision === 'month')) {
    const key = `${p.e.first}/${p.e.last}`;
    bandGroups.set(key, [...(bandGroups.get(key) ?? []), p]);
  }
  for (const group of bandGroups.values()) {
    group.forEach((p, i) => {
      p.cx = Math.min(p.x0 + r + 4 + i * (2 * r + 4), o.width - r - 1);
    });
  }
  const hasBands = bandGroups.size > 0;
  const rowEnds: number[] = [];
  for (const p of placed.filter((p) => p.e.precision !== 'month').sort((a, b) => a.cx - b.cx)) {
    const start = Math.min(p.x0, p.cx - r);
    let row = rowEnds.findIndex((end) => end + 3 < start);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = Math.max(p.x1, p.cx + r);
    p.row = row + (hasBands ? 1 : 0);
  }
  const rows = Math.max(rowEnds.length + (hasBands ? 1 : 0), 1);
  const rowH = 2 * r + 6;
  const stripTop = 4;
  const rowY = (row: number) => stripTop + (rows - 1 - row) * rowH + r;
  // The unit sits on its own line between the markers and the plot, clear of the top tick label.
  const unitY = stripTop + rows * rowH + fs * 1.1;
  const plotTop = unitY + fs * 1.3;
  const plotBottom = plotTop + o.plotHeight;

  const values = [...data.reported.map((p) => p.value), ...data.derived.map((d) => d.value)];
  const y = scaleLinear()
    .domain([0, Math.max(...values, 1)])
    .nice(5)
    .range([plotBottom, plotTop]);

  // Axes and gridlines.
  const axis: string[] = [];
  for (const t of y.ticks(5)) {
    axis.push(
      el('line', { class: 'c-grid', x1: left, x2: plotRight, y1: y(t), y2: y(t) }),
      put({ class: 'c-tick', x: left - 6, y: y(t) + fs * 0.35, anchor: 'end' }, `$${t}`),
    );
  }
  axis.push(el('line', { class: 'c-baseline', x1: left, x2: plotRight, y1: plotBottom, y2: plotBottom }));
  for (const d of everyNth(allMondays, layout.tickWeeks)) {
    const tx = tickX(x, d);
    axis.push(
      el('line', { class: 'c-tick-mark', x1: tx, x2: tx, y1: plotBottom, y2: plotBottom + 4 }),
      put({ class: 'c-tick', x: tx, y: plotBottom + fs * 1.6, anchor: 'middle' }, tickLabel(d)),
    );
  }
  axis.push(put({ class: 'c-axis-title c-halo', x: 0, y: unitY }, data.unit));

  // Month bands behind everything, each labelled inside its band, wrapped to its width.
  const bands: string[] = [];
  for (const group of bandGroups.values()) {
    const p = group[0]!;
    const lines = wrap(`${p.e.dateText}: day not reported`, Math.max(p.x1 - p.x0 - 8, 80), lfs);
    bands.push(el('rect', { class: 'c-band', x: p.x0, y: plotTop, width: p.x1 - p.x0, height: o.plotHeight }));
    lines.forEach((l, i) =>
      bands.push(put({ class: 'c-band-label c-halo', x: p.x0 + 4, y: plotBottom - 6 - (lines.length - 1 - i) * llh, size: lfs }, l)),
    );
  }
  parts.push(bands.join(''), el('g', { class: 'c-axis', 'aria-hidden': 'true' }, axis.join('')));

  // Event lines and numbered markers.
  const markers: string[] = [];
  for (const p of placed) {
    const tip = `${p.e.n}. ${p.e.dateText}: ${p.e.title} (${p.e.standing})`;
    const my = rowY(p.row);
    const g: string[] = [];
    if (p.e.precision === 'month') {
      g.push(el('line', { class: 'c-bracket', x1: p.x0, x2: p.x1, y1: my, y2: my }));
    } else {
      const lineXs = p.e.precision === 'alternatives' ? p.e.alternatives.map(xd) : [xd(p.e.first)];
      for (const lx of lineXs) {
        g.push(
          el('line', {
            class: `c-event-line${p.e.precision === 'alternatives' ? ' c-event-line--disputed' : ''}`,
            x1: lx,
            x2: lx,
            y1: my + r,
            y2: plotBottom,
          }),
        );
      }
      if (p.x1 > p.x0) g.push(el('line', { class: 'c-bracket', x1: p.x0, x2: p.x1, y1: my + r + 2, y2: my + r + 2 }));
    }
    g.push(
      el('circle', { class: 'c-marker', cx: p.cx, cy: my, r }),
      text({ class: 'c-marker-text', x: p.cx, y: my + lfs * 0.35, 'text-anchor': 'middle', 'font-size': lfs }, String(p.e.n)),
    );
    markers.push(el('g', { class: 'c-event', 'data-id': p.e.id, 'data-tip': tip }, g.join('')));
  }
  parts.push(el('g', { class: 'c-events' }, markers.join('')));

  // Derived levels (hollow, dashed, labelled with their formula) and reported points (filled), each labelled below.
  const points: string[] = [];
  for (const d of data.derived) {
    const [cx, cy] = [xd(d.date), y(d.value)];
    const tip = `Derived, not reported: ${approximately(d.approximate, d.text)} on ${d.dateText} = ${d.formula}.`;
    const ly = cy + r + 4 + lfs * 0.95;
    points.push(
      el(
        'g',
        { class: 'c-derived', 'data-tip': tip },
        el('circle', { class: 'c-point c-point--derived', cx, cy, r: r * 0.8, 'stroke-dasharray': '3 2' }) +
          put({ class: 'c-point-label c-halo', x: cx - 4, y: ly, size: lfs }, `${d.approximate ? '≈ ' : ''}${d.text}, derived`) +
          put({ class: 'c-formula c-halo', x: cx - 4, y: ly + lh }, `= ${d.formula}`),
      ),
    );
  }
  for (const p of data.reported) {
    const [cx, cy] = [xd(p.date), y(p.value)];
    const tip = `Reported: ${p.text}, ${p.label.toLowerCase()}, ${p.dateText}.`;
    const ly = cy + r + 4 + lfs * 0.95;
    points.push(
      el(
        'g',
        { class: 'c-reported', 'data-tip': tip },
        el('circle', { class: 'c-point c-point--reported', cx, cy, r: r * 0.8 }) +
          put({ class: 'c-point-label c-halo', x: cx + 4, y: ly, anchor: 'end', size: lfs }, `${p.text}, reported`) +
          put({ class: 'c-formula c-halo', x: cx + 4, y: ly + lh, anchor: 'end' }, p.label.toLowerCase()),
      ),
    );
  }

  // The reported move: a dashed connector that says it is not a price path. Its label wraps to the
  // plot and takes the first place near the connector's middle that no other text holds.
  const moves: string[] = [];
  for (const m of data.moves) {
    const from = data.derived.find((d) => d.date === m.from) ?? data.reported.find((p) => p.date === m.from);
    const to = data.reported.find((p) => p.date === m.to) ?? data.derived.find((d) => d.date === m.to);
    if (!from || !to) continue;
    const [x1, y1, x2, y2] = [xd(from.date), y(from.value), xd(to.date), y(to.value)];
    const tip = `Reported move of ${m.text} from ${from.dateText} to ${to.dateText}. The path between is not reported.`;
    const lines = wrap(`Reported move: ${m.text}; path between not reported`, plotRight - left - 8, lfs);
    const w = Math.max(...lines.map((l) => textWidth(l, lfs)));
    const cx = Math.min(Math.max((x1 + x2) / 2, left + w / 2 + 4), plotRight - w / 2 - 4);
    const blockAt = (firstY: number) => lines.map((l, i) => textBox(cx, firstY + i * llh, l, lfs, 'middle'));
    // The connector itself, sampled every 6 px: the label would rather sit beside it than across it.
    const steps = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1) / 6));
    const connector: Box[] = Array.from({ length: steps + 1 }, (_, k) => {
      const [px, py] = [x1 + ((x2 - x1) * k) / steps, y1 + ((y2 - y1) * k) / steps];
      return { x0: px - 1, y0: py - 1, x1: px + 1, y1: py + 1 };
    });
    const clear = (boxes: Box[]) => free(boxes) && boxes.every((b) => connector.every((c) => !boxesOverlap(b, c, -1)));
    const mid = (y1 + y2) / 2;
    const aboveY = mid - lfs * 0.9 - (lines.length - 1) * llh;
    const belowY = mid + lfs * 1.6;
    const lowest = plotBottom - 4 - (lines.length - 1) * llh - lfs * 0.25;
    const highest = plotTop + lfs * 0.95;
    let firstY = Math.max(aboveY, highest);
    for (let k = 0; k < 40; k++) {
      const up = aboveY - k * 6;
      const down = belowY + k * 6;
      if (up >= highest && clear(blockAt(up))) { firstY = up; break; }
      if (down <= lowest && clear(blockAt(down))) { firstY = down; break; }
    }
    if (!clear(blockAt(firstY))) {
      // Nowhere beside the connector: the first place clear of other text, across it (the label has a halo).
      for (let k = 0; k < 40; k++) {
        const [up, down] = [aboveY - k * 6, belowY + k * 6];
        if (up >= highest && free(blockAt(up))) { firstY = up; break; }
        if (down <= lowest && free(blockAt(down))) { firstY = down; break; }
      }
    }
    moves.push(
      el(
        'g',
        { class: 'c-move', 'data-tip': tip },
        el('line', { class: 'c-move-line', x1, y1, x2, y2, 'stroke-dasharray': '6 4' }) +
          lines.map((l, i) => put({ class: 'c-move-label c-halo', x: cx, y: firstY + i * llh, anchor: 'middle', size: lfs }, l)).join(''),
      ),
    );
  }
  parts.push(moves.join(''), points.join(''));

  // Key: one entry per event: marker, date and title in columns, or on a narrow chart the date
  // run in at the start of the wrapped title ("June 10, 2026 · Anthropic's letter …"), one line per entry shorter.
  let ky = plotBottom + fs * 3.6;
  const dateX = 2 * r + 8;
  const dateCol = Math.max(...data.events.map((e) => textWidth(e.dateText, fs)), 0) + dateX + 10;
  const keyLines: string[] = [];
  for (const e of data.events) {
    const entry = `${e.title} (${e.standing})`;
    const stacked = layout.key === 'stacked';
    const marker =
      el('circle', { class: 'c-marker', cx: r, cy: ky - fs * 0.35, r }) +
      text({ class: 'c-marker-text', x: r, y: ky - fs * 0.35 + lfs * 0.35, 'text-anchor': 'middle', 'font-size': lfs }, String(e.n));
    let lines: string[];
    if (stacked) {
      const runIn = `${e.dateText} · `;
      lines = wrap(`${runIn}${entry}`, o.width - dateX - 4, fs);
      // The date stays whole on the first line (wrap breaks at spaces, and a date is short), styled as a date.
      const first = lines[0]!.startsWith(runIn.trimEnd()) ? lines[0]!.slice(runIn.trimEnd().length) : lines[0]!;
      keyLines.push(
        marker +
          el('text', { class: 'c-key-text', x: dateX, y: ky }, `${el('tspan', { class: 'c-key-date' }, esc(e.dateText))}${esc(first)}`) +
          textLines({ class: 'c-key-text', x: dateX, y: ky + lh }, lines.slice(1), lh),
      );
    } else {
      lines = wrap(entry, o.width - dateCol - 4, fs);
      keyLines.push(marker + text({ class: 'c-key-date', x: dateX, y: ky }, e.dateText) + textLines({ class: 'c-key-text', x: dateCol, y: ky }, lines, lh));
    }
    ky = ky + (lines.length - 1) * lh + Math.max(lh + fs * 0.5, 2 * r + 6);
  }
  parts.push(el('g', { class: 'c-key', 'aria-hidden': 'true' }, keyLines.join('')));

  const notes = [
    'Timing, not cause: the chart shows when events happened, not that they moved the price.',
    'Filled: a reported price. Hollow and dashed: derived from a reported move, not reported.',
  ].map((n) => wrap(n, o.width - 4, fs));
  let ny = ky - lh + fs * 1.2;
  for (const n of notes) {
    parts.push(textLines({ class: 'c-footnote', x: 0, y: ny }, n, lh));
    ny += n.length * lh + 2;
  }
  const height = ny - lh + fs * 0.4 + 2;

  return svgFrame(
    {
      id: o.id,
      width: o.width,
      height: r2(height),
      title: `${data.seriesName}: reported price, derived level and the period's events`,
      desc: marketDescription(data),
      className: `chart-market chart-market--key-${layout.key}`,
      fontSize: fs,
    },
    parts.join(''),
  );
}

/**
 * The layout for a width: x ticks every 1, 2, 3 or 4 weeks, the fewest that
 * keep to about one per 80 px with their labels apart; the key in columns
 * while the title column keeps 220 px, else each title under its date.
 */
export function marketLayout(data: MarketData, options: Partial<MarketOptions> = {}): MarketLayout {
  const o = withDefaults(defaults, options);
  const fs = o.fontSize;
  const r = Math.round(Math.max(LABEL_FS, fs) * 0.73 * 2) / 2;
  const { left, plotRight, x, mondays } = timeAxis(data, o);
  const budget = tickBudget(plotRight - left);
  let tickWeeks = 1;
  for (; tickWeeks < 8; tickWeeks++) {
    const ds = everyNth(mondays, tickWeeks);
    const xs = ds.map((d) => tickX(x, d));
    if (ds.length <= budget + 1 && ticksFit(xs, ds.map((d) => tickLabel(d)), fs, 0, o.width, 10)) break;
  }
  const dateCol = Math.max(...data.events.map((e) => textWidth(e.dateText, fs)), 0) + 2 * r + 18;
  return { tickWeeks, key: o.width - dateCol >= MIN_KEY_TEXT ? 'columns' : 'stacked' };
}
