/**
 * stageBarSvg(status, options) → SVG markup of where an instrument stands on
 * its kind's track: one node per stage, filled up to the current stage,
 * hollow for the stages still ahead and dashed for those an ended process
 * never reached. Pure: no DOM, no Astro; the build renders it into the page.
 *
 * Colours come from `currentColor` and the classes below, so the page's CSS
 * (light or dark theme, print) decides them; there are no style attributes.
 *   .sb-seg / .sb-seg-done  rail between two nodes (done: both reached)
 *   .sb-done .sb-current .sb-ahead .sb-unreached  the nodes
 *   .sb-ring  ring around the current node
 *   .sb-label / .sb-label-current  stage names (with `labels: true`)
 */
import { scalePoint } from 'd3-scale';
import type { Status } from '../lib/story/status';
import { esc, r2 } from '../lib/util/markup';
import { textWidth, wrap } from './shared';

export interface StageBarOptions {
  /** Unique on the page: prefixes the ids of the <title> and <desc>. */
  id: string;
  /** Instrument name that starts the title, e.g. "H.R. 8283". */
  name?: string;
  /** Draw each stage's name under its node. */
  labels?: boolean;
  /**
   * Width in px, the width it is shown at. Default: 26 per step for the
   * compact bar, so every track uses the same spacing; 90 per stage with
   * labels. A labelled bar too narrow for its stage names across stacks
   * them down the left instead (stageBarLayout).
   */
  width?: number;
}

type NodeState = 'done' | 'current' | 'ahead' | 'unreached';

const R = 5;
/** Stage names are direct labels: at least 13 px. */
const FONT = 13;
const LINE = 16;
/** Row height of the stacked layout. */
const ROW = 24;
const STEP = 26;

/** Stage-by-stage state: reached, current, still ahead, or never reached because the process ended. */
export function stageStates(status: Pick<Status, 'stage' | 'track' | 'ended'>): NodeState[] {
  return status.track.map((_, i) => {
    if (i < status.stage) return 'done';
    if (i === status.stage) return 'current';
    return status.ended ? 'unreached' : 'ahead';
  });
}

/** "Stage 2 of 7", or "No stage reached" before the first step. */
export function stagePosition(status: Pick<Status, 'stage' | 'track'>): string {
  return status.stage >= 0 ? `Stage ${status.stage + 1} of ${status.track.length}` : 'No stage reached';
}

/** "Stage 2 of 7: Passed committee", or "No stage reached: Not applied". */
export function stageHeadline(status: Pick<Status, 'stage' | 'track' | 'label'>): string {
  return `${stagePosition(status)}: ${status.label}`;
}

/** The bar in words, for its <desc>: what is done and what is ahead. */
export function stageDescription(status: Pick<Status, 'stage' | 'track' | 'ended' | 'label'>): string {
  const states = stageStates(status);
  const named = (s: NodeState[]) => status.track.filter((_, i) => s.includes(states[i] as NodeState));
  const reached = named(['done', 'current']);
  const ahead = named(['ahead']);
  const unreached = named(['unreached']);
  const parts = [
    reached.length ? `Reached: ${reached.join(', ')}.` : 'No step recorded.',
    ahead.length ? `Ahead: ${ahead.join(', ')}.` : '',
    status.ended ? `The process has ended (${status.label}).` : '',
    unreached.length ? `Not reached: ${unreached.join(', ')}.` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** Stage names wrapped to `max` px (at most three lines; a longer name keeps its rest on the third). */
function wrapLabel(text: string, max: number, bold: boolean): string[] {
  const lines = wrap(text, max, FONT, bold);
  return lines.length > 3 ? [...lines.slice(0, 2), lines.slice(2).join(' ')] : lines;
}

/**
 * How a labelled bar of this width lays out: "across", one column per stage
 * with its name under the node, while every word of every name fits its
 * column and no name needs more than three lines; otherwise "stacked", the
 * nodes down the left with each name beside its node.
 */
export function stageBarLayout(status: Pick<Status, 'stage' | 'track'>, width: number): 'across' | 'stacked' {
  const col = width / status.track.length;
  const fits = status.track.every((t, i) => {
    const bold = i === status.stage;
    return t.split(' ').every((w) => textWidth(w, FONT, bold) <= col - 6) && wrap(t, col - 6, FONT, bold).length <= 3;
  });
  return fits ? 'across' : 'stacked';
}

/** Renders the stage bar of one instrument's derived status as SVG markup, laid out for its width. */
export function stageBarSvg(status: Status, options: StageBarOptions): string {
  const { id, name, labels = false } = options;
  const n = status.track.length;
  const width = options.width ?? (labels ? n * 90 : (n - 1) * STEP + 2 * (R + 6));
  const states = stageStates(status);
  const layout = labels ? stageBarLayout(status, width) : 'across';
  const cls = (i: number) => (states[i] === 'current' ? 'sb-label sb-label-current' : 'sb-label');

  let height: number;
  let nodeAt: (i: number) => { cx: number; cy: number };
  let rails: (k: number) => { x1: number; y1: number; x2: number; y2: number };
  const text: string[] = [];
  // Rails stop short of each node, and further short of the current node's ring.
  const gap = (i: number) => (i === status.stage ? R + 7 : R + 3);

  if (layout === 'stacked') {
    // Nodes down the left, each name beside its node, wrapped to the width.
    const cx = R + 6;
    const lx = cx + R + 12;
    const rows = status.track.map((t, i) => wrapLabel(t, width - lx - 2, i === status.stage));
    const ys: number[] = [];
    let y = R + 6;
    rows.forEach((lines) => {
      ys.push(y);
      y += Math.max(ROW, (lines.length - 1) * LINE + ROW);
    });
    height = y - ROW + R + 8;
    nodeAt = (i) => ({ cx, cy: ys[i]! });
    rails = (k) => ({ x1: cx, y1: ys[k]! + gap(k), x2: cx, y2: ys[k + 1]! - gap(k + 1) });
    rows.forEach((lines, i) => {
      const tspans = lines.map((l, k) => `<tspan x="${lx}" dy="${k === 0 ? 0 : LINE}">${esc(l)}</tspan>`).join('');
      text.push(`<text class="${cls(i)}" x="${lx}" y="${r2(ys[i]! + FONT * 0.35)}" font-size="${FONT}" fill="currentColor">${tspans}</text>`);
    });
  } else {
    const cy = labels ? 14 : 12;
    const col = width / n;
    const wrapped = labels ? status.track.map((t, i) => wrapLabel(t, col - 6, i === status.stage)) : [];
    const lineCount = labels ? Math.max(...wrapped.map((l) => l.length)) : 0;
    height = labels ? cy + 16 + lineCount * LINE : 24;
    // Labels need room on both sides of the end nodes; the compact bar only needs the ring.
    const x = scalePoint<number>()
      .domain(status.track.map((_, i) => i))
      .range(labels ? [0, width] : [R + 6, width - R - 6])
      .padding(labels ? 0.5 : 0);
    const at = (i: number) => r2(x(i) ?? 0);
    nodeAt = (i) => ({ cx: at(i), cy });
    rails = (k) => ({ x1: r2(at(k) + gap(k)), y1: cy, x2: r2(at(k + 1) - gap(k + 1)), y2: cy });
    wrapped.forEach((lines, i) => {
      const tspans = lines.map((l, k) => `<tspan x="${at(i)}" dy="${k === 0 ? 0 : LINE}">${esc(l)}</tspan>`).join('');
      text.push(`<text class="${cls(i)}" x="${at(i)}" y="${cy + 12 + FONT}" text-anchor="middle" font-size="${FONT}" fill="currentColor">${tspans}</text>`);
    });
  }

  const segments = status.track.slice(1).map((_, k) => {
    const done = k + 1 <= status.stage;
    const l = rails(k);
    return `<line class="sb-seg${done ? ' sb-seg-done' : ''}" x1="${r2(l.x1)}" y1="${r2(l.y1)}" x2="${r2(l.x2)}" y2="${r2(l.y2)}" stroke="currentColor" stroke-width="${done ? 3 : 1.5}"/>`;
  });

  const nodes = states.map((state, i) => {
    const { cx, cy } = nodeAt(i);
    switch (state) {
      case 'done':
        return `<circle class="sb-node sb-done" cx="${cx}" cy="${cy}" r="${R}" fill="currentColor"/>`;
      case 'current':
        return (
          `<circle class="sb-ring" cx="${cx}" cy="${cy}" r="${R + 4}" fill="none" stroke="currentColor" stroke-width="2"/>` +
          `<circle class="sb-node sb-current" cx="${cx}" cy="${cy}" r="${R}" fill="currentColor"/>`
        );
      case 'ahead':
        return `<circle class="sb-node sb-ahead" cx="${cx}" cy="${cy}" r="${R - 0.75}" fill="none" stroke="currentColor" stroke-width="1.5"/>`;
      case 'unreached':
        return `<circle class="sb-node sb-unreached" cx="${cx}" cy="${cy}" r="${R - 0.75}" fill="none" stroke="currentColor" stroke-width="1.5" stroke-dasharray="2 2"/>`;
    }
  });

  const title = `${name ? `${name}. ` : ''}${stageHeadline(status)}`;
  const className = `stage-bar${labels ? ' stage-bar-labelled' : ''}${layout === 'stacked' ? ' stage-bar-stacked' : ''}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="${className}" width="${r2(width)}" height="${r2(height)}" viewBox="0 0 ${r2(width)} ${r2(height)}" role="img" aria-labelledby="${esc(id)}-title" aria-describedby="${esc(id)}-desc" focusable="false">`,
    `<title id="${esc(id)}-title">${esc(title)}</title>`,
    `<desc id="${esc(id)}-desc">${esc(stageDescription(status))}</desc>`,
    ...segments,
    ...nodes,
    ...text,
    '</svg>',
  ].join('');
}
