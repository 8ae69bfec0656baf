/**
 * Drawing the timeline in the island: the options for timelineSvg() (the function the
 * build used), and what a render changes around the chart (the list below it, the
 * density view's focus, the pinned lane labels of a gesture).
 */
import type { TimelineInput } from '../../charts/timeline';
import type { Item, Meta } from './data';
import { toDay, type ViewState } from './url-state';

/** How the plot is drawn, read once per render: every gesture frame needs it. */
export interface Drawn {
  svg: SVGSVGElement;
  horizontal: boolean;
  /** Pixel range of the time axis in the SVG's units, as the chart drew it (its data-range). */
  range: [number, number];
  /** The SVG's own units along x and y (its viewBox). */
  viewWidth: number;
  viewHeight: number;
}

/** "150,944" → [150, 944]; the chart writes the range its layout used at that width (timelineLayout). */
export function parseRange(attr: string | null | undefined): [number, number] {
  const [a, b] = (attr ?? '0,1').split(',').map(Number) as [number, number];
  return [a, b];
}

export function drawn(svg: SVGSVGElement): Drawn {
  const box = svg.viewBox.baseVal;
  return { svg, horizontal: !svg.classList.contains('tl-vertical'), range: parseRange(svg.getAttribute('data-range')), viewWidth: box.width, viewHeight: box.height };
}

/** The options that pick the layout for a width: at the full view with every event, so zoom and filters keep it. */
export const layoutOptions = (meta: Meta, width: number): TimelineInput => ({
  width,
  lanes: meta.lanes,
  domain: meta.domain,
  axisBreak: meta.axisBreak,
  asOf: meta.asOf,
  asOfLabel: '',
  title: '',
  description: '',
  maxRows: meta.maxRows,
});

/** The options of a full render of the view `state` at `width`. */
export function chartOptions(
  meta: Meta,
  state: ViewState,
  o: { width: number; orientation: 'horizontal' | 'vertical'; idPrefix: string; title: string; shown: number; total: number; minHeight: number },
): TimelineInput {
  const domain: [string, string] = [toDay(state.span[0]), toDay(state.span[1] - 1)];
  return {
    orientation: o.orientation,
    width: o.width,
    lanes: meta.lanes,
    domain,
    axisBreak: meta.axisBreak,
    asOf: meta.asOf,
    asOfLabel: meta.asOfLabel,
    selected: state.selected,
    idPrefix: o.idPrefix,
    title: o.title,
    description: `${o.shown} of ${o.total} events shown, ${domain[0]} to ${domain[1]}.`,
    maxRows: meta.maxRows,
    minHeight: o.minHeight,
  };
}

/** The first redraw must not move the page: true when the SVG would be taller than the artboard it replaces. */
export function tooTall(svg: string, keepHeight: number): boolean {
  return !!keepHeight && Number(/ height="([\d.]+)"/.exec(svg)?.[1] ?? 0) > keepHeight + 0.5;
}

/** What a render announces to screen readers. */
export const announcement = (shown: number, total: number, dense: boolean): string =>
  `${shown} of ${total} events shown.${dense ? ' Too many in view to mark one by one: zoom in, or press an arrow key on the chart.' : ''}`;

/**
 * The build ships one artboard per width and CSS shows the one that fits. Keep that one
 * (so nothing moves) and drop the rest; returns the width it was drawn at.
 */
export function adoptArtboard(plot: HTMLElement): number {
  const boards = [...plot.querySelectorAll<HTMLElement>(':scope > .artboard')];
  const shown = boards.find((b) => b.getClientRects().length > 0) ?? boards[boards.length - 1];
  for (const b of boards) if (b !== shown) b.remove();
  const svg = shown?.querySelector('svg');
  if (!shown || !svg) return 0;
  shown.replaceWith(svg);
  return Number(svg.getAttribute('width')) || 0;
}

export function markOrientation(plot: HTMLElement, horizontal: boolean): void {
  plot.classList.toggle('tl-plot-v', !horizontal);
  plot.classList.toggle('tl-plot-h', horizontal);
}

/**
 * In the density view no single mark can take focus, so the plot itself does: arrow keys
 * then step into the events (zooming in to them), and a click on the marks zooms in there.
 */
export function markDense(plot: HTMLElement): boolean {
  const dense = !!plot.querySelector('svg.is-dense');
  plot.classList.toggle('is-dense', dense);
  if (dense) {
    plot.tabIndex = 0;
    plot.setAttribute('role', 'group');
    plot.setAttribute('aria-label', 'Timeline, too many events in view to mark one by one. Press an arrow key to step through them, or + to zoom in.');
  } else {
    plot.removeAttribute('tabindex');
    plot.removeAttribute('role');
    plot.removeAttribute('aria-label');
  }
  return dense;
}

/** Filters the list below the chart like the chart (`all` in list order); a month left empty is hidden with its heading. */
export function filterList(root: ParentNode, all: Item[], shown: Item[]): void {
  const keep = shown.length === all.length ? null : new Set(shown);
  const lis = root.querySelectorAll<HTMLLIElement>('.event-index li[data-kind]');
  all.forEach((item, n) => {
    const li = lis[n];
    if (li) li.hidden = keep !== null && !keep.has(item);
  });
  root.querySelectorAll<HTMLElement>('.event-index > section').forEach((month) => {
    month.hidden = keep !== null && !month.querySelector('li:not([hidden])');
  });
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * While a horizontal gesture runs, a still copy of the lane labels covers the chart's
 * margins (the render that ends the gesture replaces the plot's content, and this copy with it).
 */
export function pinLaneLabels(plot: HTMLElement, d: Drawn): void {
  const pin = document.createElementNS(SVG_NS, 'svg');
  pin.setAttribute('class', 'timeline-svg tl-pin');
  pin.setAttribute('aria-hidden', 'true');
  pin.setAttribute('viewBox', d.svg.getAttribute('viewBox')!);
  const [r0, r1] = d.range;
  const cover = (x: number, width: number) => {
    const rect = document.createElementNS(SVG_NS, 'rect');
    for (const [k, v] of Object.entries({ class: 'tl-pin-cover', x, y: 0, width, height: d.viewHeight })) rect.setAttribute(k, String(v));
    return rect;
  };
  const still = [...d.svg.querySelectorAll('.tl-lane-rule, .tl-lane-label')].map((n) => n.cloneNode(true));
  pin.append(cover(0, r0), cover(r1, d.viewWidth - r1), ...still);
  plot.append(pin);
}
