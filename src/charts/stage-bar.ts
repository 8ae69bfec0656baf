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
import type { Status } from '../lib/status';
import { esc, r2 } from './svg';

export interface StageBarOptions {
  /** Unique on the page: prefixes the ids of the <title> and <desc>. */
  id: string;
  /** Instrument name that starts the title, e.g. "H.R. 8283". */
  name?: string;
  /** Draw each stage's name under its node. */
  labels?: boolean;
  /**
   * Width in user units (and the default rendered width in px; CSS may shrink
   * it). Default: 26 per step for the compact bar, so every track uses the
   * same spacing; 90 per stage with labels.
   */
  width?: number;
}

type NodeState = 'done' | 'current' | 'ahead' | 'unreached';

const R = 5;
const FONT = 12;
const LINE = 14;
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

/** Greedy word wrap of a stage name into lines of about `max` characters (at most three). */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 3 ? [...lines.slice(0, 2), lines.slice(2).join(' ')] : lines;
}

/** Renders the stage bar of one instrument's derived status as SVG markup. */
export function stageBarSvg(status: Status, options: StageBarOptions): string {
  const { id, name, labels = false } = options;
  const n = status.track.length;
  const width = options.width ?? (labels ? n * 90 : (n - 1) * STEP + 2 * (R + 6));
  const states = stageStates(status);
  const cy = labels ? 14 : 12;
  const lineCount = labels ? Math.max(...status.track.map((t) => wrap(t, Math.floor(width / n / (FONT * 0.6))).length)) : 0;
  const height = labels ? cy + 16 + lineCount * LINE : 24;
  // Labels need room on both sides of the end nodes; the compact bar only needs the ring.
  const x = scalePoint<number>()
    .domain(status.track.map((_, i) => i))
    .range(labels ? [0, width] : [R + 6, width - R - 6])
    .padding(labels ? 0.5 : 0);
  const at = (i: number) => r2(x(i) ?? 0);

  // Rails stop short of each node, and further short of the current node's ring.
  const gap = (i: number) => (i === status.stage ? R + 7 : R + 3);
  const segments = status.track.slice(1).map((_, k) => {
    const done = k + 1 <= status.stage;
    return `<line class="sb-seg${done ? ' sb-seg-done' : ''}" x1="${r2(at(k) + gap(k))}" y1="${cy}" x2="${r2(at(k + 1) - gap(k + 1))}" y2="${cy}" stroke="currentColor" stroke-width="${done ? 3 : 1.5}"/>`;
  });

  const nodes = states.map((state, i) => {
    const cx = at(i);
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

  const text = labels
    ? status.track.map((stage, i) => {
        const lines = wrap(stage, Math.floor(width / n / (FONT * 0.6)));
        const cls = states[i] === 'current' ? 'sb-label sb-label-current' : 'sb-label';
        const tspans = lines.map((l, k) => `<tspan x="${at(i)}" dy="${k === 0 ? 0 : LINE}">${esc(l)}</tspan>`).join('');
        return `<text class="${cls}" x="${at(i)}" y="${cy + 12 + FONT}" text-anchor="middle" font-size="${FONT}" fill="currentColor">${tspans}</text>`;
      })
    : [];

  const title = `${name ? `${name}. ` : ''}${stageHeadline(status)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="stage-bar${labels ? ' stage-bar-labelled' : ''}" width="${r2(width)}" height="${r2(height)}" viewBox="0 0 ${r2(width)} ${r2(height)}" role="img" aria-labelledby="${esc(id)}-title" aria-describedby="${esc(id)}-desc" focusable="false">`,
    `<title id="${esc(id)}-title">${esc(title)}</title>`,
    `<desc id="${esc(id)}-desc">${esc(stageDescription(status))}</desc>`,
    ...segments,
    ...nodes,
    ...text,
    '</svg>',
  ].join('');
}
