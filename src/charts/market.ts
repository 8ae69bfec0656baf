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
import { el, r2, sentences, svgFrame, text, textWidth, withDefaults, wrap } from './shared';

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

const DAY = 86_400_000;
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const noon = (d: string) => new Date(dayMs(d) + DAY / 2);
const tickLabel = utcFormat('%b %-d');

/** Plain-language description of the chart, generated from the data. */
export function describe(data: MarketData): string {
  return sentences(
    `Chart of ${data.seriesName}, in ${data.unit}, with the period's events marked.`,
    ...data.reported.map((p) => `Reported: ${p.text}, ${p.label.toLowerCase()} on ${p.dateText}.`),
    ...data.derived.map(
      (d) => `Derived, not reported: ${d.approximate ? 'about ' : ''}${d.text} on ${d.dateText}, computed as ${d.formula}.`,
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

/** Renders the market chart as SVG markup. */
export function marketChart(data: MarketData, options: Partial<MarketOptions> = {}): string {
  const o = withDefaults(defaults, options);
  const fs = o.fontSize;
  const r = fs * 0.7;
  const left = Math.ceil(textWidth('$000', fs) + 12);
  const right = 16;

  // Time domain: every date the chart draws, padded.
  const days = [
    ...data.reported.map((p) => p.date),
    ...data.derived.map((d) => d.date),
    ...data.moves.flatMap((m) => [m.from, m.to]),
    ...data.events.flatMap((e) => [e.first, e.last]),
  ];
  const lo = Math.min(...days.map(dayMs)) - o.padDays * DAY;
  const hi = Math.max(...days.map(dayMs)) + (o.padDays + 1) * DAY;
  const x = scaleUtc()
    .domain([new Date(lo), new Date(hi)])
    .range([left, o.width - right]);
  const xd = (d: string) => x(noon(d));

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
      p.cx = p.x0 + r + 4 + i * (2 * r + 4);
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
  const plotTop = stripTop + rows * rowH + fs * 1.4;
  const plotBottom = plotTop + o.plotHeight;

  const values = [...data.reported.map((p) => p.value), ...data.derived.map((d) => d.value)];
  const y = scaleLinear()
    .domain([0, Math.max(...values, 1)])
    .nice(5)
    .range([plotBottom, plotTop]);

  const parts: string[] = [];

  // Month bands behind everything.
  for (const group of bandGroups.values()) {
    const p = group[0]!;
    parts.push(
      el('rect', { class: 'c-band', x: p.x0, y: plotTop, width: p.x1 - p.x0, height: o.plotHeight }),
      text(
        { class: 'c-band-text c-halo', x: p.x0 + 4, y: plotBottom - 6 },
        `${p.e.dateText}: day not reported`,
      ),
    );
  }

  // Axes and gridlines.
  const yTicks = y.ticks(5).map(
    (t) =>
      el('line', { class: 'c-grid', x1: left, x2: o.width - right, y1: y(t), y2: y(t) }) +
      text({ class: 'c-tick', x: left - 6, y: y(t) + fs * 0.35, 'text-anchor': 'end' }, `$${t}`),
  );
  const xTicks = utcMonday.range(new Date(lo), new Date(hi)).map((d) => {
    const tx = x(new Date(d.getTime() + DAY / 2));
    return (
      el('line', { class: 'c-tick-mark', x1: tx, x2: tx, y1: plotBottom, y2: plotBottom + 4 }) +
      text({ class: 'c-tick', x: tx, y: plotBottom + fs * 1.4, 'text-anchor': 'middle' }, tickLabel(d))
    );
  });
  parts.push(
    el(
      'g',
      { class: 'c-axis', 'aria-hidden': 'true' },
      yTicks.join('') +
        el('line', { class: 'c-baseline', x1: left, x2: o.width - right, y1: plotBottom, y2: plotBottom }) +
        xTicks.join('') +
        text({ class: 'c-axis-title', x: 0, y: plotTop - fs * 0.6 }, data.unit),
    ),
  );

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
      text({ class: 'c-marker-text', x: p.cx, y: my + fs * 0.35, 'text-anchor': 'middle' }, String(p.e.n)),
    );
    markers.push(el('g', { class: 'c-event', 'data-id': p.e.id, 'data-tip': tip }, g.join('')));
  }
  parts.push(el('g', { class: 'c-events' }, markers.join('')));

  // The reported move: a dashed connector that says it is not a price path.
  for (const m of data.moves) {
    const from = data.derived.find((d) => d.date === m.from) ?? data.reported.find((p) => p.date === m.from);
    const to = data.reported.find((p) => p.date === m.to) ?? data.derived.find((d) => d.date === m.to);
    if (!from || !to) continue;
    const [x1, y1, x2, y2] = [xd(from.date), y(from.value), xd(to.date), y(to.value)];
    const tip = `Reported move of ${m.text} from ${from.dateText} to ${to.dateText}. The path between is not reported.`;
    parts.push(
      el(
        'g',
        { class: 'c-move', 'data-tip': tip },
        el('line', { class: 'c-move-line', x1, y1, x2, y2, 'stroke-dasharray': '6 4' }) +
          text(
            { class: 'c-move-text c-halo', x: (x1 + x2) / 2, y: (y1 + y2) / 2 - fs * 0.9, 'text-anchor': 'middle' },
            `Reported move: ${m.text}; path between not reported`,
          ),
      ),
    );
  }

  // Derived levels: hollow, dashed, labelled with their formula.
  for (const d of data.derived) {
    const [cx, cy] = [xd(d.date), y(d.value)];
    const tip = `Derived, not reported: ${d.approximate ? 'about ' : ''}${d.text} on ${d.dateText} = ${d.formula}.`;
    parts.push(
      el(
        'g',
        { class: 'c-derived', 'data-tip': tip },
        el('circle', { class: 'c-point c-point--derived', cx, cy, r: r * 0.85, 'stroke-dasharray': '3 2' }) +
          text({ class: 'c-point-text c-halo', x: cx - 4, y: cy + fs * 2.4 }, `${d.approximate ? '≈ ' : ''}${d.text}, derived`) +
          text({ class: 'c-formula c-halo', x: cx - 4, y: cy + fs * 3.7 }, `= ${d.formula}`),
      ),
    );
  }

  // Reported points: filled.
  for (const p of data.reported) {
    const [cx, cy] = [xd(p.date), y(p.value)];
    const tip = `Reported: ${p.text}, ${p.label.toLowerCase()}, ${p.dateText}.`;
    parts.push(
      el(
        'g',
        { class: 'c-reported', 'data-tip': tip },
        el('circle', { class: 'c-point c-point--reported', cx, cy, r: r * 0.85 }) +
          text({ class: 'c-point-text c-halo', x: cx + 4, y: cy + fs * 2.4, 'text-anchor': 'end' }, `${p.text}, reported`) +
          text({ class: 'c-formula c-halo', x: cx + 4, y: cy + fs * 3.7, 'text-anchor': 'end' }, p.label.toLowerCase()),
      ),
    );
  }

  // Key: one line per event, wrapped.
  let ky = plotBottom + fs * 3.4;
  const dateCol = Math.max(...data.events.map((e) => textWidth(e.dateText, fs)), 0) + 2 * r + 16;
  const keyLines: string[] = [];
  for (const e of data.events) {
    const lines = wrap(`${e.title} (${e.standing})`, o.width - dateCol - 4, fs);
    keyLines.push(
      el('circle', { class: 'c-marker', cx: r, cy: ky - fs * 0.35, r }) +
        text({ class: 'c-marker-text', x: r, y: ky, 'text-anchor': 'middle' }, String(e.n)) +
        text({ class: 'c-key-date', x: 2 * r + 8, y: ky }, e.dateText) +
        lines.map((l, i) => text({ class: 'c-key-text', x: dateCol, y: ky + i * fs * 1.3 }, l)).join(''),
    );
    ky += lines.length * fs * 1.3 + fs * 0.5;
  }
  parts.push(el('g', { class: 'c-key', 'aria-hidden': 'true' }, keyLines.join('')));

  const notes = [
    'Timing, not cause: the chart shows when events happened, not that they moved the price.',
    'Filled: a reported price. Hollow and dashed: derived from a reported move, not reported.',
  ];
  notes.forEach((n, i) => parts.push(text({ class: 'c-footnote', x: 0, y: ky + fs * 0.6 + i * fs * 1.4 }, n)));
  const height = ky + fs * 0.6 + notes.length * fs * 1.4;

  return svgFrame(
    {
      id: o.id,
      width: o.width,
      height: r2(height),
      title: `${data.seriesName}: reported price, derived level and the period's events`,
      desc: describe(data),
      className: 'chart-market',
      fontSize: fs,
    },
    parts.join(''),
  );
}
