/**
 * Campaign scale: one horizontal bar per campaign for fraudulent accounts or
 * exchanges, on a linear or log scale. A figure the sources do not give is
 * drawn as an outlined, labelled empty slot, never as a zero-length bar.
 *
 * Pure: (data, options) → SVG markup. The island calls the same function when
 * the reader switches the metric or the scale.
 */
import { compactTick, el, linearScale, logScale, r2, sentences, svgFrame, text, textWidth, withDefaults } from './shared';

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
export function describe(data: ScaleChartData, options: Partial<ScaleOptions> = {}): string {
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

/** Renders the campaign-scale bar chart as SVG markup. */
export function campaignScaleChart(data: ScaleChartData, options: Partial<ScaleOptions> = {}): string {
  const o = withDefaults(defaults, options);
  const fs = o.fontSize;
  const metric = data.metrics[o.metric];
  const values = data.bars.map((b) => b.values[o.metric]);
  const known = values.flatMap((v) => (v.value === null ? [] : [v.value]));
  const anyDisputed = values.some((v) => v.disputed);

  const labelWidth = Math.max(...data.bars.map((b) => textWidth(b.label, fs)), 0);
  const valueWidth = Math.max(...values.map((v) => textWidth(v.text + (v.disputed ? MARK : ''), fs)), 0);
  const left = Math.ceil(labelWidth + 16);
  const right = Math.ceil(valueWidth + 12);
  const legendHeight = fs * 2;
  const top = legendHeight + 6;
  const plotWidth = o.width - left - right;

  // Combined figures sit after a gap and a rule, so they do not read as one more campaign.
  let y = top;
  let rule: number | null = null;
  const rowsY = data.bars.map((b, i) => {
    if (b.aggregate && i > 0 && !data.bars[i - 1]!.aggregate) {
      y += 10;
      rule = y - 5;
    }
    const rowY = y;
    y += o.rowHeight;
    return rowY;
  });
  const plotBottom = y;
  const footnoteLines = anyDisputed ? 1 : 0;
  const height = plotBottom + fs * 3.4 + footnoteLines * fs * 1.5 + 4;

  // Scales: linear from zero; log from the power of ten below the smallest known figure.
  let x: (v: number) => number;
  let origin: number;
  let ticks: number[];
  if (o.scale === 'log' && known.length > 0) {
    const lo = 10 ** Math.floor(Math.log10(Math.min(...known)));
    let hi = 10 ** Math.ceil(Math.log10(Math.max(...known)));
    if (hi <= lo) hi = lo * 10;
    x = logScale([lo, hi], [left, left + plotWidth]);
    origin = lo;
    // Powers of ten; over a span of one or two decades, 2× and 5× steps too, so short bars can be read.
    const decades = Math.round(Math.log10(hi / lo));
    const steps = decades <= 2 ? [1, 2, 5] : [1];
    ticks = [];
    for (let t = lo; t <= hi * 1.0001; t *= 10) {
      for (const k of steps) if (t * k <= hi * 1.0001) ticks.push(t * k);
    }
  } else {
    const s = linearScale([0, Math.max(...known, 1)], [left, left + plotWidth], 5);
    x = s;
    origin = 0;
    ticks = s.ticks(5);
  }
  const x0 = x(origin);

  const parts: string[] = [];

  // Legend: what a solid and an outlined bar mean.
  const sw = fs * 0.9;
  const legendY = fs * 0.4;
  const single = 'One campaign';
  const second = left + sw * 2 + textWidth(single, fs) + fs * 1.5;
  parts.push(
    el('g', { class: 'c-legend', 'aria-hidden': 'true' }, [
      el('rect', { class: 'c-bar', x: left, y: legendY, width: sw * 1.6, height: sw }),
      text({ class: 'c-legend-text', x: left + sw * 2, y: legendY + sw * 0.85 }, single),
      el('rect', { class: 'c-bar c-bar--aggregate', x: second, y: legendY, width: sw * 1.6, height: sw }),
      text({ class: 'c-legend-text', x: second + sw * 2, y: legendY + sw * 0.85 }, 'Combined total, as the sources state it'),
    ].join('')),
  );

  // Gridlines and tick labels.
  const grid = ticks
    .map((t) => {
      const tx = x(t);
      return (
        el('line', { class: 'c-grid', x1: tx, x2: tx, y1: top - 4, y2: plotBottom }) +
        text({ class: 'c-tick', x: tx, y: plotBottom + fs * 1.3, 'text-anchor': 'middle' }, compactTick(t))
      );
    })
    .join('');
  parts.push(el('g', { class: 'c-axis', 'aria-hidden': 'true' }, grid));
  if (rule !== null) {
    parts.push(el('line', { class: 'c-rule', x1: 0, x2: o.width, y1: rule, y2: rule }));
  }

  data.bars.forEach((b, i) => {
    const v = b.values[o.metric];
    const rowY = rowsY[i]!;
    const barY = rowY + (o.rowHeight - o.barHeight) / 2;
    const mid = barY + o.barHeight / 2 + fs * 0.35;
    const tip = `${b.label}: ${v.text} ${metric.name.toLowerCase()}.${v.note ? ` ${v.note}` : ''} Alleged by ${data.allegedBy}.`;
    const cls = ['c-row', b.aggregate && 'c-row--aggregate', o.highlight === b.id && 'c-row--highlight']
      .filter(Boolean)
      .join(' ');
    const row: string[] = [text({ class: 'c-label', x: left - 8, y: mid, 'text-anchor': 'end' }, b.label)];
    if (v.value === null) {
      row.push(
        el('rect', {
          class: 'c-slot',
          fill: 'none',
          stroke: 'currentColor',
          x: x0,
          y: barY,
          width: plotWidth,
          height: o.barHeight,
          'stroke-dasharray': '4 3',
          'data-tip': tip,
        }),
        text({ class: 'c-slot-text c-halo', x: x0 + 8, y: mid }, 'not disclosed'),
      );
    } else {
      const end = x(Math.max(v.value, origin));
      row.push(
        el('rect', {
          class: `c-bar${b.aggregate ? ' c-bar--aggregate' : ''}`,
          x: x0,
          y: barY,
          width: Math.max(end - x0, 0),
          height: o.barHeight,
          'data-tip': tip,
        }),
        text({ class: 'c-value', x: end + 6, y: mid }, v.text + (v.disputed ? MARK : '')),
      );
    }
    parts.push(el('g', { class: cls, 'data-id': b.id }, row.join('')));
  });

  const scaleNote = o.scale === 'log' ? 'log scale: each gridline is 10 times the one before' : 'linear scale from zero';
  parts.push(
    text({ class: 'c-axis-title', x: left, y: plotBottom + fs * 2.8 }, `${metric.name}, ${scaleNote}`),
  );
  if (anyDisputed) {
    parts.push(
      text(
        { class: 'c-footnote', x: left, y: plotBottom + fs * 4.3 },
        `${MARK} The sources word this figure differently; see the notes below the chart.`,
      ),
    );
  }

  const title = `${metric.name} per campaign, as alleged by ${data.allegedBy} (${o.scale} scale)`;
  return svgFrame(
    {
      id: o.id,
      width: o.width,
      height: r2(height),
      title,
      desc: describe(data, o),
      className: `chart-scale chart-scale--${o.scale}`,
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
