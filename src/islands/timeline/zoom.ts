/**
 * Zoom and pan arithmetic for the island, pure. It works in warped time ("u", see
 * warp in src/charts/timeline-zoom.ts), where the axis is linear across the break,
 * so a gesture's transform is exact there; spans go in and out as real time (ms).
 */
import { warp, unwarp, zoomScale, zoomTransform, type Warp } from '../../charts/timeline-zoom';
import { DAY } from '../../lib/util/dates';
import type { Span } from './url-state';

/** The narrowest view: a week. */
export const MIN_SPAN = 7 * DAY;

/** The view's geometry: the axis break and the full span, fixed for the story. */
export interface Frame {
  warp: Warp | null;
  full: Span;
}

export const toU = (f: Frame, [a, b]: Span): Span => [warp(f.warp, a), warp(f.warp, b)];

/** A warped span as real time; the full view's ends are the full view's exactly (no rounding through the break). */
export function fromU(f: Frame, [a, b]: Span): Span {
  const [f0, f1] = toU(f, f.full);
  return [a <= f0 ? f.full[0] : unwarp(f.warp, a), b >= f1 ? f.full[1] : unwarp(f.warp, b)];
}

/** A warped span moved (not resized) to lie within the full view. */
export function clampU(f: Frame, [a, b]: Span): Span {
  const [f0, f1] = toU(f, f.full);
  const start = Math.min(Math.max(a, f0), f1 - (b - a));
  return [start, start + (b - a)];
}

/** `span` zoomed by `factor` (>1 in) around time `at`, between a week and the full view. */
export function zoomAt(f: Frame, span: Span, factor: number, at: number): Span {
  const [a, b] = toU(f, span);
  const [f0, f1] = toU(f, f.full);
  const ua = warp(f.warp, at);
  const width = Math.min(f1 - f0, Math.max(MIN_SPAN, (b - a) / factor));
  let start = ua - ((ua - a) / (b - a)) * width;
  start = Math.min(Math.max(start, f0), f1 - width);
  return fromU(f, [start, start + width]);
}

/** `span` panned by `du` ms of warped time, within the full view. */
export function pan(f: Frame, span: Span, du: number): Span {
  const [a, b] = toU(f, span);
  return fromU(f, clampU(f, [a + du, b + du]));
}

/** Width of a span in warped time. */
export const widthU = (f: Frame, span: Span): number => {
  const [a, b] = toU(f, span);
  return b - a;
};

/** The middle of a view as the reader sees it (the middle in warped time), as a time. */
export function center(f: Frame, span: Span): number {
  const [a, b] = toU(f, span);
  return unwarp(f.warp, (a + b) / 2);
}

/** The time at `px` along the axis `range` (the chart's units) of a view, clamped to the axis. */
export function timeAt(f: Frame, span: Span, range: [number, number], px: number): number {
  const [r0, r1] = range;
  const [a, b] = toU(f, span);
  return unwarp(f.warp, a + ((Math.min(Math.max(px, r0), r1) - r0) / (r1 - r0)) * (b - a));
}

/** Warped ms per screen px when a chart `viewWidth` units wide is shown `boxWidth` px wide. */
export function msPerPx(f: Frame, span: Span, range: [number, number], boxWidth: number, viewWidth: number): number {
  return widthU(f, span) / ((boxWidth * (range[1] - range[0])) / viewWidth);
}

/** Step `i` of `steps` of an animated zoom from one view to another (linear in warped time; the last step is `to` exactly). */
export function tween(f: Frame, from: Span, to: Span, i: number, steps: number): Span {
  if (i >= steps) return to;
  const [a, b] = toU(f, from);
  const [c, d] = toU(f, to);
  const t = i / steps;
  return fromU(f, [a + (c - a) * t, b + (d - b) * t]);
}

/**
 * The view that shows time `t`: the same view if `t` is in it, else one as wide centred
 * on it; then, while `dense` says it is too crowded to mark one event, halved around
 * `t` (never below a week, at most 24 times).
 */
export function revealSpan(f: Frame, span: Span, t: number, dense: (span: Span) => boolean): Span {
  const ut = warp(f.warp, t);
  let u = toU(f, span);
  const width = () => u[1] - u[0];
  const centred = (w: number): Span => clampU(f, [ut - w / 2, ut + w / 2]);
  if (ut < u[0] || ut >= u[1]) u = centred(width());
  for (let n = 0; n < 24 && dense(fromU(f, u)) && width() > MIN_SPAN; n++) u = centred(Math.max(MIN_SPAN, width() / 2));
  return fromU(f, u);
}

/**
 * The CSS transform of a horizontal gesture frame: the chart drawn for `rendered` shown
 * as `span`, for a chart `viewWidth` units wide shown `boxWidth` px wide.
 */
export function previewCss(f: Frame, rendered: Span, span: Span, range: [number, number], boxWidth: number, viewWidth: number): string {
  const { k, shift } = zoomScale(toU(f, rendered), toU(f, span), range);
  return `translateX(${(shift * boxWidth) / viewWidth}px) scaleX(${k})`;
}

/** The SVG transform of a vertical gesture frame, for the mark, axis and as-of groups. */
export const previewAttr = (f: Frame, rendered: Span, span: Span, range: [number, number]): string =>
  zoomTransform(toU(f, rendered), toU(f, span), range, 'vertical');
