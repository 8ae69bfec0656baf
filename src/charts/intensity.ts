/**
 * Intensity: exchanges per fraudulent account, and exchanges per day of
 * activity, one panel each with its own scale. Every value is computed by
 * src/lib/derive.ts; a campaign without the inputs gets a labelled empty slot
 * saying which input is missing.
 *
 * Pure: (data, options) → SVG markup.
 */
import { scaleLinear } from 'd3-scale';
import { compactTick, el, r2, sentences, svgFrame, text, textWidth, withDefaults } from './shared';

export interface IntensityRow {
  id: string;
  label: string;
  aggregate: boolean;
  /** The computed rate, or null when an input is not disclosed. */
  value: number | null;
  /** Reader-facing value ("about 1,152"), or why there is none ("accounts not disclosed per lab"). */
  text: string;
  /** The formula with its inputs, when computed. */
  formula?: string;
}

export interface IntensityPanel {
  id: string;
  /** "Exchanges per account" */
  name: string;
  rows: IntensityRow[];
}

export interface IntensityData {
  panels: IntensityPanel[];
  allegedBy: string;
}

export interface IntensityOptions {
  id: string;
  width: number;
  fontSize: number;
  rowHeight: number;
  barHeight: number;
  /** Space between panels. */
  gap: number;
  highlight: string | null;
}

/** Default options: 640 wide, two panels. */
export const defaults: IntensityOptions = {
  id: 'intensity',
  width: 640,
  fontSize: 13,
  rowHeight: 30,
  barHeight: 18,
  gap: 22,
  highlight: null,
};

/** Plain-language description of both panels, generated from the data. */
export function describe(data: IntensityData): string {
  return sentences(
    `Two bar charts of rates computed by this site from figures alleged by ${data.allegedBy}.`,
    ...data.panels.map((p) => {
      const known = p.rows.filter((r) => r.value !== null);
      const missing = p.rows.filter((r) => r.value === null);
      return sentences(
        `${p.name}:`,
        known.length ? known.map((r) => `${r.label}, ${r.text}`).join('; ') + '.' : 'none can be computed.',
        missing.length > 0 && `Not computed for ${missing.map((r) => `${r.label} (${r.text})`).join(', ')}.`,
      );
    }),
  );
}

/** Renders the intensity chart (two panels of horizontal bars) as SVG markup. */
export function intensityChart(data: IntensityData, options: Partial<IntensityOptions> = {}): string {
  const o = withDefaults(defaults, options);
  const fs = o.fontSize;
  const allRows = data.panels.flatMap((p) => p.rows);
  const left = Math.ceil(Math.max(...allRows.map((r) => textWidth(r.label, fs)), 0) + 16);
  const right = Math.ceil(Math.max(...allRows.filter((r) => r.value !== null).map((r) => textWidth(r.text, fs)), 0) + 12);
  const plotWidth = o.width - left - right;

  const parts: string[] = [];
  let y = 0;
  data.panels.forEach((panel, pi) => {
    if (pi > 0) y += o.gap;
    const known = panel.rows.flatMap((r) => (r.value === null ? [] : [r.value]));
    const s = scaleLinear()
      .domain([0, Math.max(...known, 1)])
      .nice(4)
      .range([left, left + plotWidth]);
    const x0 = s(0);
    const headY = y + fs * 1.2;
    const top = headY + fs * 0.6;
    const bottom = top + panel.rows.length * o.rowHeight;
    const body: string[] = [text({ class: 'c-panel-title', x: 0, y: headY }, panel.name)];

    const grid = s
      .ticks(4)
      .map((t) => {
        const tx = s(t);
        return (
          el('line', { class: 'c-grid', x1: tx, x2: tx, y1: top, y2: bottom }) +
          text({ class: 'c-tick', x: tx, y: bottom + fs * 1.3, 'text-anchor': 'middle' }, compactTick(t))
        );
      })
      .join('');
    body.push(el('g', { class: 'c-axis', 'aria-hidden': 'true' }, grid));

    panel.rows.forEach((r, i) => {
      const barY = top + i * o.rowHeight + (o.rowHeight - o.barHeight) / 2;
      const mid = barY + o.barHeight / 2 + fs * 0.35;
      const cls = ['c-row', r.aggregate && 'c-row--aggregate', o.highlight === r.id && 'c-row--highlight'].filter(Boolean).join(' ');
      const tip =
        r.value === null
          ? `${r.label}: ${panel.name.toLowerCase()} not computed: ${r.text}.`
          : `${r.label}: ${r.text} ${panel.name.toLowerCase()}, computed as ${r.formula ?? ''}. Inputs alleged by ${data.allegedBy}.`;
      const row: string[] = [text({ class: 'c-label', x: left - 8, y: mid, 'text-anchor': 'end' }, r.label)];
      if (r.value === null) {
        row.push(
          el('rect', { class: 'c-slot', fill: 'none', stroke: 'currentColor', x: x0, y: barY, width: plotWidth, height: o.barHeight, 'stroke-dasharray': '4 3', 'data-tip': tip }),
          text({ class: 'c-slot-text c-halo', x: x0 + 8, y: mid }, r.text),
        );
      } else {
        const end = s(r.value);
        row.push(
          el('rect', {
            class: `c-bar c-bar--derived${r.aggregate ? ' c-bar--aggregate' : ''}`,
            x: x0,
            y: barY,
            width: Math.max(end - x0, 0),
            height: o.barHeight,
            'data-tip': tip,
          }),
          text({ class: 'c-value', x: end + 6, y: mid }, r.text),
        );
      }
      body.push(el('g', { class: cls, 'data-id': r.id }, row.join('')));
    });
    parts.push(el('g', { class: 'c-panel', 'data-panel': panel.id }, body.join('')));
    y = bottom + fs * 1.6;
  });

  y += fs * 0.4;
  parts.push(
    text({ class: 'c-footnote', x: 0, y: y + fs }, `Computed by this site from ${data.allegedBy}'s alleged figures; linear scales from zero.`),
  );
  const height = y + fs * 1.6;

  return svgFrame(
    {
      id: o.id,
      width: o.width,
      height: r2(height),
      title: `Exchanges per account and per day of activity, computed from figures alleged by ${data.allegedBy}`,
      desc: describe(data),
      className: 'chart-intensity',
      fontSize: fs,
    },
    parts.join(''),
  );
}
