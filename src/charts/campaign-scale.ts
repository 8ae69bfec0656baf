/**
 * Campaign scale: one horizontal bar per campaign for fraudulent accounts or
 * exchanges, on a linear or log scale. A figure the sources do not give is
 * drawn as an outlined, labelled empty slot, never as a zero-length bar.
 *
 * Pure: (data, options) → SVG markup. The island calls the same function when
 * the reader switches the metric or the scale.
 */
import { r2 } from '../lib/util/markup';
import { compactTick, el, linearScale, logScale, sentences, svgFrame, text, textLines, textWidth, budgetTicks, tickBudget, ticksFit, withDefaults, wrap } from './shared';

export type Metric = 'accounts' | 'exchanges';
export type ScaleType = 'linear' | 'log';
/** The metrics and scales a reader can choose, default first. */
export const METRICS: readonly Metric[] = ['exchanges', 'accounts'];
export const SCALES: readonly ScaleType[] = ['linear', 'log'];

export interface ScaleValue {
  /** The figure, or null when the sources do not give it. */
  value: number | null;
  /** Reader-facing figure with its qualifier ("about 13 million"), or "not disclosed". */
  text: string;
  /** Why a value is missing, or how it was reported. */
  note?: string;
  /** True when the sources word this figure differently (a claim touches it). */
  disputed?: boolean;
}

export interface ScaleBar {
  id: string;
  label: string;
  /** A combined figure (e.g. the February total) rather than one campaign. */
  aggregate: boolean;
  values: Record<Metric, ScaleValue>;
}

export interface ScaleChartData {
  bars: ScaleBar[];
  metrics: Record<
    Metric,
    {
      /** "Fraudulent accounts" */
      name: string;
      /** Sentence comparing the largest and smallest figure, computed upstream; null when fewer than two are known. */
      spread: string | null;
    }
  >;
  /** Who the figures come from, for the description ("Anthropic"). */
  allegedBy: string;
}

export interface ScaleOptions {
  /** Prefix for ids inside the SVG; unique on the page. */
  id: string;
  metric: Metric;
  scale: ScaleType;
  width: number;
  fontSize: number;
  rowHeight: number;
  barHeight: number;
  /** Id of a bar to emphasise (on a campaign's own page). */
  highlight: string | null;
}

/** Default options: exchanges on a linear scale, 640 wide. */
export const defaults: ScaleOptions = {
  id: 'campaign-scale',
  metric: 'exchanges',
  scale: 'linear',
  width: 640,
  fontSize: 13,
  rowHeight: 34,
  barHeight: 20,
  highlight: null,
};

const MARK = '*';

/** Plain-language description of the chart, generated from the data, for screen readers. */
export function campaignScaleDescription(data: ScaleChartData, options: Partial<ScaleOptions> = {}): string {
  const o = withDefaults(defaults, options);
  const m = data.metrics[o.metric];
  const rows = data.bars.map((b) => `${b.label}${b.aggregate ? ' (combined)' : ''}: ${b.values[o.metric].text}.`);
  const disputed = data.bars.filter((b) => b.values[o.metric].disputed).map((b) => b.label);
  return sentences(
    `Horizontal bar chart of ${m.name.toLowerCase()} per campaign, on a ${o.scale} scale.`,
    `All figures are alleged by ${data.allegedBy} and not independently verified.`,
    ...rows,
    m.spread,
    disputed.length > 0 && `The sources word the figure for ${disputed.join(' and ')} differently.`,
  );
}

/** How a width lays the chart out (see `scaleLayout`). */
export interface ScaleLayout {
  /** "beside": labels in a column left of the bars, values after them; "above": each label (and its value) on a line above its bar. */
  labels: 'beside' | 'above';
  /** Left and right edges of the plot. */
  plotLeft: number;
  plotRight: number;
}

/** Smallest share of the width the bars keep before the labels move above them. */
const MIN_PLOT_SHARE = 0.45;
const MIN_PLOT = 180;

/**
 * The layout for a width: labels beside the bars while the label and value
 * columns leave the bars at least 45% of the width (and 180 px), otherwise
 * above them, so a narrow chart keeps long bars instead of squeezing them.
 * The same for every metric and scale, so switching them keeps the layout.
 */
export function scaleLayout(data: ScaleChartData, options: Partial<ScaleOptions> = {}): ScaleLayout {
  const o = withDefaults(defaults, options);
  const fs = o.fontSize;
  // Over every metric, so switching the metric keeps the layout.
  const values = data.bars.flatMap((b) => METRICS.map((m) => b.values[m]));
  const labelWidth = Math.max(...data.bars.map((b) => textWidth(b.label, fs, true)), 0);
  const valueWidth = Math.max(...values.map((v) => (v.value === null ? 0 : textWidth(v.text + (v.disputed ? MARK : ''), fs))), 0);
  const left = Math.ceil(labelWidth + 12);
  const right = Math.ceil(valueWidth + 10);
  const plot = o.width - left - right;
  if (plot >= Math.max(MIN_PLOT, o.width * MIN_PLOT_SHARE)) return { labels: 'beside', plotLeft: left, plotRight: o.width - right };
  // Above: the plot spans the width, less half a tick label at either end.
  const pad = Math.ceil(textWidth('100M', TICK_FS) / 2) + 1;
  return { labels: 'above', plotLeft: pad, plotRight: o.width - pad };
}

const TICK_FS = 12;

interface Axis {
  x: (v: number) => number;
  origin: number;
  ticks: number[];
}

/**
 * The x scale and its ticks: as many as the width has room for (about one
 * per 80 px) and no more than fit side by side without touching.
 */
function axis(known: number[], scale: ScaleType, lo: number, hi: number, width: number): Axis {
  const fits = (x: (v: number) => number, ticks: number[]) =>
    ticksFit(ticks.map(x), ticks.map(compactTick), TICK_FS, 0, width, 10);
  if (scale === 'log' && known.length > 0) {
    const d0 = 10 ** Math.floor(Math.log10(Math.min(...known)));
    let d1 = 10 ** Math.ceil(Math.log10(Math.max(...known)));
    if (d1 <= d0) d1 = d0 * 10;
    const x = logScale([d0, d1], [lo, hi]);
    // Powers of ten; over a span of one or two decades, 2× and 5× steps too where they fit, so short bars can be read.
    const decades = Math.round(Math.log10(d1 / d0));
    const stepSets = decades <= 2 ? [[1, 2, 5], [1, 5], [1]] : [[1]];
    const budget = tickBudget(hi - lo);
    let ticks: number[] = [];
    for (const steps of stepSets) {
      ticks = [];
      for (let t = d0; t <= d1 * 1.0001; t *= 10) for (const k of steps) if (t * k <= d1 * 1.0001) ticks.push(t * k);
      if (ticks.length <= budget + 1 && fits(x, ticks)) break;
    }
    // Still crowded (a long span on a narrow plot): every other power of ten, keeping both ends.
    while (ticks.length > 2 && !fits(x, ticks)) ticks = ticks.filter((_, i) => i % 2 === 0 || i === ticks.length - 1);
    return { x, origin: d0, ticks };
  }
  const s = linearScale([0, Math.max(...known, 1)], [lo, hi], 5);
  const ticks = budgetTicks({ ticks: s.ticks, domain: () => s.domain }, hi - lo, (t) => fits(s, t));
  return { x: s, origin: 0, ticks };
}

/** Renders the campaign-scale bar chart as SVG markup, laid out for its width. */
export function campaignScaleSvg(data: ScaleChartData, options: Partial<ScaleOptions> = {}): string {
  const o = withDefaults(defaults, options);
  const fs = o.fontSize;
  const lh = Math.round(fs * 1.35);
  const metric = data.metrics[o.metric];
  const values = data.bars.map((b) => b.values[o.metric]);
  const known = values.flatMap((v) => (v.value === null ? [] : [v.value]));
  const anyDisputed = values.some((v) => v.disputed);
  const layout = scaleLayout(data, o);
  const above = layout.labels === 'above';
  const { plotLeft: left, plotRight } = layout;
  const textLeft = above ? 0 : left;
  const parts: string[] = [];

  // Legend: what a solid and an outlined bar mean; the second item moves to its own line, and wraps, when it must.
  const sw = Math.round(fs * 0.9);
  const swW = Math.round(sw * 1.6);
  const items = ['One campaign', 'Combined total, as the sources state it'];
  const legend: string[] = [];
  let lx = textLeft;
  let ly = 4;
  items.forEach((label, i) => {
    const room = o.width - lx - swW - 6;
    if (i > 0 && textWidth(label, fs) > room) {
      lx = textLeft;
      ly += lh + 4;
    }
    const lines = wrap(label, o.width - lx - swW - 6, fs);
    legend.push(
      el('rect', { class: `c-bar${i > 0 ? ' c-bar--aggregate' : ''}`, x: lx, y: ly, width: swW, height: sw }),
      textLines({ class: 'c-legend-text', x: lx + swW + 6, y: ly + sw * 0.85 }, lines, lh),
    );
    ly += (lines.length - 1) * lh;
    lx += swW + 6 + Math.max(...lines.map((l) => textWidth(l, fs))) + fs * 1.5;
  });
  parts.push(el('g', { class: 'c-legend', 'aria-hidden': 'true' }, legend.join('')));
  const top = ly + sw + 14;

  // Rows: beside, one bar per row with its label to the left; above, a label line (with the value when it fits) over each bar.
  const barH = above ? Math.min(o.barHeight, 16) : o.barHeight;
  let y = top;
  let rule: number | null = null;
  const rows = data.bars.map((b, i) => {
    const v = b.values[o.metric];
    if (b.aggregate && i > 0 && !data.bars[i - 1]!.aggregate) {
      y += 10;
      rule = y - 5;
    }
    const rowTop = y;
    let valueLine: 'bar' | 'label' | 'own' = 'bar';
    let barY: number;
    if (above) {
      const value = v.value === null ? '' : v.text + (v.disputed ? MARK : '');
      const fitsOnLine = textWidth(b.label, fs, o.highlight === b.id) + 10 + textWidth(value, fs) <= o.width;
      valueLine = v.value === null ? 'bar' : fitsOnLine ? 'label' : 'own';
      barY = rowTop + fs + (valueLine === 'own' ? lh : 0) + 7;
      y = barY + barH + 12;
    } else {
      barY = rowTop + (o.rowHeight - barH) / 2;
      y += o.rowHeight;
    }
    return { rowTop, barY, valueLine };
  });
  const plotBottom = y - (above ? 6 : 0);
  const { x, origin, ticks } = axis(known, o.scale, left, plotRight, o.width);
  const x0 = x(origin);

  // Gridlines and tick labels.
  const tickY = plotBottom + TICK_FS * 1.3;
  const grid = ticks
    .map((t) => {
      const tx = x(t);
      return (
        el('line', { class: 'c-grid', x1: tx, x2: tx, y1: top - 4, y2: plotBottom }) +
        text({ class: 'c-tick', x: tx, y: tickY, 'text-anchor': 'middle', 'font-size': TICK_FS }, compactTick(t))
      );
    })
    .join('');
  parts.push(el('g', { class: 'c-axis', 'aria-hidden': 'true' }, grid));
  if (rule !== null) parts.push(el('line', { class: 'c-rule', x1: 0, x2: o.width, y1: rule, y2: rule }));

  data.bars.forEach((b, i) => {
    const v = b.values[o.metric];
    const { rowTop, barY, valueLine } = rows[i]!;
    const mid = barY + barH / 2 + fs * 0.35;
    const labelY = above ? rowTop + fs : mid;
    const tip = `${b.label}: ${v.text} ${metric.name.toLowerCase()}.${v.note ? ` ${v.note}` : ''} Alleged by ${data.allegedBy}.`;
    const cls = ['c-row', b.aggregate && 'c-row--aggregate', o.highlight === b.id && 'c-row--highlight'].filter(Boolean).join(' ');
    const row: string[] = [
      above
        ? text({ class: 'c-label c-halo', x: 0, y: labelY }, b.label)
        : text({ class: 'c-label', x: left - 8, y: labelY, 'text-anchor': 'end' }, b.label),
    ];
    if (v.value === null) {
      row.push(
        el('rect', {
          class: 'c-slot',
          fill: 'none',
          stroke: 'currentColor',
          x: x0,
          y: barY,
          width: plotRight - x0,
          height: barH,
          'stroke-dasharray': '4 3',
          'data-tip': tip,
        }),
        text({ class: 'c-slot-text c-halo', x: x0 + 8, y: mid }, 'not disclosed'),
      );
    } else {
      const end = x(Math.max(v.value, origin));
      const value = v.text + (v.disputed ? MARK : '');
      const at =
        valueLine === 'bar'
          ? { x: end + 6, y: mid }
          : valueLine === 'label'
            ? { x: textWidth(b.label, fs, o.highlight === b.id) + 10, y: labelY }
            : { x: 0, y: labelY + lh };
      row.push(
        el('rect', {
          class: `c-bar${b.aggregate ? ' c-bar--aggregate' : ''}`,
          x: x0,
          y: barY,
          width: Math.max(end - x0, 0),
          height: barH,
          'data-tip': tip,
        }),
        text({ class: valueLine === 'bar' ? 'c-value' : 'c-value c-halo', ...at }, value),
      );
    }
    parts.push(el('g', { class: cls, 'data-id': b.id }, row.join('')));
  });

  // Axis title and footnote, wrapped to the width.
  const scaleNote = o.scale === 'log' ? 'log scale: equal distances are equal ratios' : 'linear scale from zero';
  let ny = tickY + lh + 2;
  const titleLines = wrap(`${metric.name}, ${scaleNote}`, o.width - textLeft, fs);
  parts.push(textLines({ class: 'c-axis-title', x: textLeft, y: ny }, titleLines, lh));
  ny += titleLines.length * lh;
  if (anyDisputed) {
    const noteLines = wrap(`${MARK} The sources word this figure differently; see the notes below the chart.`, o.width - textLeft, fs);
    parts.push(textLines({ class: 'c-footnote', x: textLeft, y: ny + 4 }, noteLines, lh));
    ny += noteLines.length * lh + 4;
  }
  const height = ny - lh + fs * 0.4 + 4;

  const title = `${metric.name} per campaign, as alleged by ${data.allegedBy} (${o.scale} scale)`;
  return svgFrame(
    {
      id: o.id,
      width: o.width,
      height: r2(height),
      title,
      desc: campaignScaleDescription(data, o),
      className: `chart-scale chart-scale--${o.scale} chart-scale--labels-${layout.labels}`,
      fontSize: fs,
    },
    parts.join(''),
  );
}

/** True when a value is one of the metrics this chart can show. */
export function isMetric(v: unknown): v is Metric {
  return typeof v === 'string' && (METRICS as readonly string[]).includes(v);
}

/** True when a value is one of the scales this chart can use. */
export function isScale(v: unknown): v is ScaleType {
  return typeof v === 'string' && (SCALES as readonly string[]).includes(v);
}
