/**
 * The timeline's view as the URL holds it: ?kinds=a,b (or "-" for none), ?actor=id,
 * ?from=YYYY-MM-DD&to=YYYY-MM-DD (both days shown) and ?event=id. Pure: the island
 * passes location.search in and writes what comes out with the History API.
 */
import { dayMs, DAY } from '../../lib/util/dates';

export type Span = [number, number];

export interface ViewState {
  /** null: every kind. */
  kinds: Set<string> | null;
  /** '' : everyone. */
  actor: string;
  /** Visible time, ms (end exclusive). */
  span: Span;
  selected: string | null;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** ms → "YYYY-MM-DD" (UTC). */
export const toDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Whether `span` is the full view; spans pass through warped time and back, so to within a minute. */
export function isFullView(span: Span, full: Span): boolean {
  return Math.abs(span[0] - full[0]) < 60_000 && Math.abs(span[1] - full[1]) < 60_000;
}

/**
 * The state a query string asks for. A range needs both days, in order; an event
 * is kept only if `known(id)` says it exists (asked only when ?event is there).
 */
export function readState(search: string, full: Span, known: (id: string) => boolean): ViewState {
  const q = new URLSearchParams(search);
  const kinds = q.get('kinds');
  const from = q.get('from');
  const to = q.get('to');
  let span = full;
  if (from && to && DAY_RE.test(from) && DAY_RE.test(to) && from <= to) span = [dayMs(from), dayMs(to) + DAY];
  const selected = q.get('event');
  return {
    kinds: kinds === null ? null : new Set(kinds.split(',').filter(Boolean)),
    actor: q.get('actor') ?? '',
    span,
    selected: selected && known(selected) ? selected : null,
  };
}

/** The query string ("" or "?…") for `state`, keeping every other parameter of `search`. */
export function stateSearch(search: string, state: ViewState, full: Span): string {
  const q = new URLSearchParams(search);
  const set = (k: string, v: string | null) => (v ? q.set(k, v) : q.delete(k));
  set('kinds', state.kinds ? [...state.kinds].join(',') || '-' : null);
  set('actor', state.actor || null);
  const whole = isFullView(state.span, full);
  set('from', whole ? null : toDay(state.span[0]));
  set('to', whole ? null : toDay(state.span[1] - 1));
  set('event', state.selected);
  const text = q.toString();
  return text ? `?${text}` : '';
}
