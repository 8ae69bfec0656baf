/**
 * Intensity: exchanges per fraudulent account, and exchanges per day of
 * activity, one panel each with its own scale. Every value is computed by
 * src/lib/story/derive.ts; a campaign without the inputs gets a labelled empty slot
 * saying which input is missing.
 *
 * Pure: (data, options) → SVG markup.
 */
import { scaleLinear } from 'd3-scale';
import { r2 } from '../lib/util/markup';
import { compactTick, el, sentences, svgFrame, text, textLines, textWidth, budgetTicks, ticksFit, withDefaults, wrap } from './shared';

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
export function intensityDescription(data: IntensityData): string {
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

/** Smallest share of the width the bars keep before the labels move above them. */
const MIN_PLOT_SHARE = 0.45;
const MIN_PLOT = 180;
const TICK_FS = 12;
/** Space after a row when the labels are above the bars. */
const SLOT_GAP = 12;

/**
 * The layout for a width: campaign labels beside the bars while the label
 * and value columns leave the bars at least 45% of the width (and 180 px),
 * otherwise above them.
 */
export function intensityLayout(data: IntensityData, options: Partial<IntensityOptions> = {}): 'beside' | 'above' {
  const o = withDefaults(defaults, options);
  const allRows = data.panels.flatMap((p) => p.rows);
  const left = Math.ceil(Math.max(...allRows.map((r) => textWidth(r.label, o.fontSize, true)), 0) + 12);
  const right = Math.ceil(Math.max(...allRows.filter((r) => r.value !== null).map((r) => textWidth(r.text, o.fontSize)), 0) + 10);
  return o.width - left - right >= Math.max(MIN_PLOT, o.width * MIN_PLOT_SHARE) ? 'beside' : 'above';
}

/** Renders the intensity chart (two panels of horizontal bars) as SVG markup, laid out for its width. */
export function intensitySvg(data: IntensityData, options: Partial<IntensityOptions> = {}): string {
  const o = withDefaults(defaults, options);
  const fs = o.fontSize;
  const lh = Math.round(fs * 1.35);
  const allRows = data.panels.flatMap((p) => p.rows);
  const layout = intensityLayout(data, o);
  const above = layout === 'above';
  const pad = Math.ceil(textWidth('1.5M', TICK_FS) / 2) + 1;
  const left = above ? pad : Math.ceil(Math.max(...allRows.map((r) => textWidth(r.label, fs, true)), 0) + 12);
  const right = above ? pad : Math.ceil(Math.max(...allRows.filter((r) => r.value !== null).map((r) => textWidth(r.text, fs)), 0) + 10);
  const plotRight = o.width - right;
  const plotWidth = plotRight - left;
  const barH = above ? Math.min(o.barHeight, 16) : o.barHeight;

  const parts: string[] = [];
  let y = 0;
  data.panels.forEach((panel, pi) => {
    if (pi > 0) y += o.gap;
    const known = panel.rows.flatMap((r) => (r.value === null ? [] : [r.value]));
    const s = scaleLinear()
      .domain([0, Math.max(...known, 1)])
      .nice(4)
      .range([left, plotRight]);
    const x0 = s(0);
    const titleLines = wrap(panel.name, o.width, fs, true);
    const headY = y + fs * 1.2;
    const top = headY + (titleLines.length - 1) * lh + fs * 0.6;
    const body: string[] = [textLines({ class: 'c-panel-title', x: 0, y: headY }, titleLines, lh)];

    // Rows: a slot's reason wraps inside it, so a narrow slot grows taller instead of cutting the words.
    // With labels above the bars, an empty slot names its campaign inside the slot ("DeepSeek: no activity
    // window given") rather than on a line of its own: the slot already spans the width, and the chart stays short.
    // Consecutive empty slots above the bars touch, as one dashed list of what is missing (each still names its
    // campaign and its reason): the 12 px between them made the narrow chart about 80 px taller.
    let ry = top;
    let prevInSlot = false;
    const rows = panel.rows.map((r) => {
      const inSlot = above && r.value === null;
      if (inSlot && prevInSlot) ry -= SLOT_GAP;
      prevInSlot = inSlot;
      const rowTop = ry;
      const reason = r.value === null ? wrap(inSlot ? `${r.label}: ${r.text}` : r.text, plotRight - x0 - 16, fs) : [];
      const h = Math.max(barH, reason.length * lh + 6);
      const valueLine = above && r.value !== null ? (textWidth(r.label, fs, o.highlight === r.id) + 10 + textWidth(r.text, fs) <= o.width ? 'label' : 'own') : 'bar';
      const barY = inSlot ? rowTop : above ? rowTop + fs + (valueLine === 'own' ? lh : 0) + 7 : rowTop + (o.rowHeight - barH) / 2;
      ry = above ? barY + h + SLOT_GAP : rowTop + Math.max(o.rowHeight, h + (o.rowHeight - barH));
      return { r, rowTop, barY, h, reason, valueLine };
    });
    const bottom = ry - (above ? 6 : 0);

    // Ticks: about one per 80 px, fewer if their labels would touch.
    const fits = (ticks: number[]) => ticksFit(ticks.map(s), ticks.map(compactTick), TICK_FS, 0, o.width, 10);
    const ticks = budgetTicks(s, plotWidth, fits);
    const tickY = bottom + TICK_FS * 1.3;
    const grid = ticks
      .map((t) => {
        const tx = s(t);
        return (
          el('line', { class: 'c-grid', x1: tx, x2: tx, y1: top, y2: bottom }) +
          text({ class: 'c-tick', x: tx, y: tickY, 'text-anchor': 'middle', 'font-size': TICK_FS }, compactTick(t))
        );
      })
      .join('');
    body.push(el('g', { class: 'c-axis', 'aria-hidden': 'true' }, grid));

    for (const { r, rowTop, barY, h, reason, valueLine } of rows) {
      const mid = barY + barH / 2 + fs * 0.35;
      const labelY = above ? rowTop + fs : barY + h / 2 + fs * 0.35;
      const cls = ['c-row', r.aggregate && 'c-row--aggregate', o.highlight === r.id && 'c-row--highlight'].filter(Boolean).join(' ');
      const tip =
        r.value === null
          ? `${r.label}: ${panel.name.toLowerCase()} not computed: ${r.text}.`
          : `${r.label}: ${r.text} ${panel.name.toLowerCase()}, computed as ${r.formula ?? ''}. Inputs alleged by ${data.allegedBy}.`;
      const inSlot = above && r.value === null;
      const row: string[] = inSlot
        ? []
        : [
            above
              ? text({ class: 'c-label c-halo', x: 0, y: labelY }, r.label)
              : text({ class: 'c-label', x: left - 8, y: labelY, 'text-anchor': 'end' }, r.label),
          ];
      if (r.value === null) {
        row.push(
          el('rect', { class: 'c-slot', fill: 'none', stroke: 'currentColor', x: x0, y: barY, width: plotRight - x0, height: h, 'stroke-dasharray': '4 3', 'data-tip': tip }),
          textLines({ class: `c-slot-text c-halo${inSlot ? ' c-slot-label' : ''}`, x: x0 + 8, y: barY + (h - reason.length * lh) / 2 + lh * 0.5 + fs * 0.35 }, reason, lh),
        );
      } else {
        const end = s(r.value);
        const at =
          valueLine === 'bar' ? { x: end + 6, y: mid } : valueLine === 'label' ? { x: textWidth(r.label, fs, o.highlight === r.id) + 10, y: labelY } : { x: 0, y: labelY + lh };
        row.push(
          el('rect', {
            class: `c-bar c-bar--derived${r.aggregate ? ' c-bar--aggregate' : ''}`,
            x: x0,
            y: barY,
            width: Math.max(end - x0, 0),
            height: barH,
            'data-tip': tip,
          }),
          text({ class: valueLine === 'bar' ? 'c-value' : 'c-value c-halo', ...at }, r.text),
        );
      }
      body.push(el('g', { class: cls, 'data-id': r.id }, row.join('')));
    }
    parts.push(el('g', { class: 'c-panel', 'data-panel': panel.id }, body.join('')));
    y = tickY + TICK_FS * 0.3;
  });

  const note = wrap(`Computed by this site from ${data.allegedBy}'s alleged figures; linear scales from zero.`, o.width, fs);
  const noteY = y + lh + 4;
  parts.push(textLines({ class: 'c-footnote', x: 0, y: noteY }, note, lh));
  const height = noteY + (note.length - 1) * lh + fs * 0.4 + 4;

  return svgFrame(
    {
      id: o.id,
      width: o.width,
      height: r2(height),
      title: `Exchanges per account and per day of activity, computed from figures alleged by ${data.allegedBy}`,
      desc: intensityDescription(data),
      className: `chart-intensity chart-intensity--labels-${layout}`,
      fontSize: fs,
    },
    parts.join(''),
  );
}
