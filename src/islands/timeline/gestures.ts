/**
 * What the reader's wheel, pointers and keys ask the timeline to do, decided without
 * touching the page: the island passes the event's facts in and carries out the answer.
 */
import { dayMs, DAY } from '../../lib/util/dates';
import type { Item } from './data';
import type { Span } from './url-state';

export type WheelAction = { type: 'pan'; fraction: number } | { type: 'zoom'; factor: number };

/**
 * A wheel turn: sideways pans the horizontal layout (by the view's width × deltaX / 800),
 * otherwise it zooms (pinch, which browsers send as ctrl+wheel, faster). The vertical
 * layout leaves the wheel to page scrolling (null): pinch and buttons zoom it.
 */
export function wheelAction(e: { deltaX: number; deltaY: number; ctrlKey: boolean }, horizontal: boolean): WheelAction | null {
  if (!horizontal && !e.ctrlKey) return null;
  if (horizontal && Math.abs(e.deltaX) > Math.abs(e.deltaY) && !e.ctrlKey) return { type: 'pan', fraction: e.deltaX / 800 };
  return { type: 'zoom', factor: Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.002)) };
}

export type PointerStep = { type: 'pinch'; from: Span; factor: number; at: number } | { type: 'drag'; from: Span; dx: number } | null;

/**
 * Pointers on the plot, by position along the time axis (x, or y in the vertical layout).
 * One pointer drags (the horizontal layout only; the vertical one scrolls the page);
 * two pinch around the time between them. Each step is relative to where it began.
 */
export class PointerGesture {
  private readonly pointers = new Map<number, number>();
  private dragFrom: { x: number; span: Span } | null = null;
  private pinchFrom: { dist: number; mid: number; span: Span } | null = null;
  /** Set when a drag pans, so the click that ends it does not also zoom. */
  dragged = false;

  /** `timeAt` maps a position to the time under it (asked only when a pinch begins). */
  down(id: number, pos: number, span: Span, canDrag: boolean, timeAt: (pos: number) => number): void {
    this.pointers.set(id, pos);
    if (this.pointers.size === 1 && canDrag) this.dragFrom = { x: pos, span };
    this.dragged = false;
    if (this.pointers.size === 2) {
      const [p, q] = [...this.pointers.values()] as [number, number];
      this.dragFrom = null;
      this.pinchFrom = { dist: Math.abs(p - q) || 1, mid: timeAt((p + q) / 2), span };
    }
  }

  /** A pointer moved: a pinch step, a drag step (past 3 px, so a click stays a click), or nothing. */
  move(id: number, pos: number): PointerStep {
    if (!this.pointers.has(id)) return null;
    this.pointers.set(id, pos);
    if (this.pinchFrom && this.pointers.size === 2) {
      const [p, q] = [...this.pointers.values()] as [number, number];
      return { type: 'pinch', from: this.pinchFrom.span, factor: Math.abs(p - q) / this.pinchFrom.dist, at: this.pinchFrom.mid };
    }
    if (this.dragFrom && Math.abs(pos - this.dragFrom.x) > 3) {
      this.dragged = true;
      return { type: 'drag', from: this.dragFrom.span, dx: pos - this.dragFrom.x };
    }
    return null;
  }

  up(id: number): void {
    this.pointers.delete(id);
    if (this.pointers.size < 2) this.pinchFrom = null;
    if (this.pointers.size === 0) this.dragFrom = null;
  }
}

export type KeyAction =
  | { type: 'close' }
  | { type: 'pan'; direction: 1 | -1 }
  | { type: 'zoom'; button: 'in' | 'out' | 'reset' }
  /** Move to an event (undefined: past either end, so nothing moves, but the key is used). */
  | { type: 'go'; to: Item | undefined };

export interface KeyContext {
  horizontal: boolean;
  /** An event is selected (Escape closes it). */
  selected: boolean;
  /** Focus is on a mark (its id) or on the density view's plot (null); undefined: neither. */
  focused: string | null | undefined;
  /** The visible events in time order (byTime). */
  items: Item[];
  span: Span;
  /** Lane ids, top to bottom (left to right in the vertical layout). */
  lanes: string[];
}

/**
 * The keys of the timeline (the help line in TimelineChart.astro lists them): along the
 * time axis previous and next (with Shift: pan a quarter view), across it the nearest
 * event in the next lane that has one, Home and End, + − 0 zoom, Escape closes the details.
 * From the density view's plot an arrow steps to the first event in view (or the last before it).
 */
export function keyAction(key: string, shiftKey: boolean, c: KeyContext): KeyAction | null {
  if (key === 'Escape' && c.selected) return { type: 'close' };
  if (c.focused === undefined) return null;
  const { items } = c;
  const i = c.focused ? items.findIndex((x) => x.id === c.focused) : -1;
  const current = items[i];
  const [prevKey, nextKey, laneUp, laneDown] = c.horizontal ? ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] : ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];
  if (shiftKey && (key === prevKey || key === nextKey)) return { type: 'pan', direction: key === nextKey ? 1 : -1 };
  if (key === '+' || key === '=' || key === '-' || key === '0') return { type: 'zoom', button: key === '0' ? 'reset' : key === '-' ? 'out' : 'in' };
  let to: Item | undefined;
  if (key === 'Home') to = items[0];
  else if (key === 'End') to = items[items.length - 1];
  else if (!current && (key === nextKey || key === laneDown)) to = items.find((x) => dayMs(x.end) + DAY > c.span[0]) ?? items[items.length - 1];
  else if (!current && (key === prevKey || key === laneUp)) to = [...items].reverse().find((x) => dayMs(x.start) < c.span[1]) ?? items[0];
  else if (key === nextKey) to = items[i + 1];
  else if (key === prevKey) to = items[i - 1];
  else if ((key === laneUp || key === laneDown) && current) {
    const step = key === laneDown ? 1 : -1;
    const near = (x: Item) => Math.abs(dayMs(x.start) - dayMs(current.start));
    for (let l = c.lanes.indexOf(current.lane) + step; l >= 0 && l < c.lanes.length && !to; l += step) {
      to = items.filter((x) => x.lane === c.lanes[l]).sort((a, b) => near(a) - near(b))[0];
    }
  } else return null;
  return { type: 'go', to };
}
