/**
 * Zoom arithmetic for the timeline, without d3, so that the embed's inline
 * script and the timeline island can share it cheaply.
 */
import { r2 } from '../lib/util/markup';
import { DAY, dayMs } from '../lib/util/dates';

/** The time span a day domain covers, in ms: from the first day's start to the last day's end. */
export function domainMs(domain: [string, string]): [number, number] {
  return [dayMs(domain[0]), dayMs(domain[1]) + DAY];
}


/** Scale `k` and shift (in the chart's units) that map marks drawn for the span `from` onto `to`: x → x·k + shift. */
export function zoomScale(from: [number, number], to: [number, number], range: [number, number]): { k: number; shift: number } {
  const px = (range[1] - range[0]) / (to[1] - to[0]);
  const k = (from[1] - from[0]) / (to[1] - to[0]);
  return { k, shift: range[0] - range[0] * k + (from[0] - to[0]) * px };
}

/**
 * The transform that maps marks rendered for the time span `from` (ms) onto
 * the span `to`, as an SVG transform attribute. The zoom island applies it to
 * the mark groups on every frame of a gesture, then re-renders when it ends.
 */
export function zoomTransform(from: [number, number], to: [number, number], range: [number, number], orientation: 'horizontal' | 'vertical'): string {
  const { k, shift } = zoomScale(from, to, range);
  const kText = Math.round(k * 1e4) / 1e4;
  return orientation === 'horizontal' ? `translate(${r2(shift)},0) scale(${kText},1)` : `translate(0,${r2(shift)}) scale(1,${kText})`;
}

/**
 * An axis break: the days from `g0` to `g1` (ms) are drawn `k` times as long
 * as the rest (0 < k < 1), so a long empty stretch takes a sliver of the plot
 * and the dense period the room. Zoom and pan work in the warped time this
 * gives ("u", in ms): there the scale is linear, so a gesture's transform is
 * exact across the break.
 */
export interface Warp {
  g0: number;
  g1: number;
  k: number;
}

/** Time (ms) → warped time (ms): the identity before the break, compressed inside it, shifted after it. */
export function warp(w: Warp | null, t: number): number {
  if (!w || t <= w.g0) return t;
  if (t >= w.g1) return w.g0 + (w.g1 - w.g0) * w.k + (t - w.g1);
  return w.g0 + (t - w.g0) * w.k;
}

/** Warped time (ms) → time (ms); the inverse of warp. */
export function unwarp(w: Warp | null, u: number): number {
  if (!w || u <= w.g0) return u;
  const gap = (w.g1 - w.g0) * w.k;
  if (u >= w.g0 + gap) return u - gap + (w.g1 - w.g0);
  return w.g0 + (u - w.g0) / w.k;
}

/** A warp as the `data-break` attribute carries it: "g0/g1/k" (ms, ms, ratio). */
export function warpAttr(w: Warp | null): string {
  return w ? `${w.g0}/${w.g1}/${w.k}` : '';
}

export function parseWarp(attr: string | null | undefined): Warp | null {
  const [g0, g1, k] = (attr ?? '').split('/').map(Number);
  return g0 !== undefined && g1 !== undefined && k !== undefined && g1 > g0 && k > 0 && k < 1 ? { g0, g1, k } : null;
}
