/**
 * Every derived figure on the site is computed here and nowhere else:
 * durations, per-account and per-day rates, ratios between campaigns,
 * percentage moves, implied price levels and deadline dates. Each result
 * carries the formula that produced it, so pages and tables can show it.
 */
import type { CampaignData, Count, Qualifier, QuestionData, SeriesData } from '../../schemas';
import { addDays, daysBetween } from '../util/dates';
import { formatDate } from '../util/format';
import { ACTION_LABELS } from './status';
import type { Story } from './story';

export interface Derived {
  value: number;
  /** Human-readable formula with the inputs filled in. */
  formula: string;
  /** True when any input is approximate, so the result is too. */
  approximate: boolean;
}

const approx = (...qs: (Qualifier | undefined)[]) => qs.some((q) => q !== undefined && q !== 'as-stated');

/**
 * Length of a window. `between` counts the days from start to end (the end
 * day not counted: April 22 → June 5 is 44); `inclusive` counts both the first
 * and the last day (45).
 */
export function windowLength(start: string, end: string): { between: number; inclusive: number } {
  const between = daysBetween(start, end);
  return { between, inclusive: between + 1 };
}

/** Exchanges per fraudulent account, or null when either count is not disclosed. */
export function exchangesPerAccount(c: Pick<CampaignData, 'accounts' | 'exchanges'>): Derived | null {
  const { accounts, exchanges } = c;
  if (accounts.value === null || exchanges.value === null || accounts.value === 0) return null;
  return {
    value: exchanges.value / accounts.value,
    formula: `${exchanges.value.toLocaleString('en-US')} exchanges ÷ ${accounts.value.toLocaleString('en-US')} accounts`,
    approximate: approx(accounts.qualifier, exchanges.qualifier),
  };
}

/** Exchanges per day of activity, counting both the first and last day; null without a window. */
export function exchangesPerDay(c: Pick<CampaignData, 'window' | 'exchanges'>): Derived | null {
  if (!c.window || c.exchanges.value === null) return null;
  const days = windowLength(c.window.start, c.window.end).inclusive;
  return {
    value: c.exchanges.value / days,
    formula: `${c.exchanges.value.toLocaleString('en-US')} exchanges ÷ ${days} days (${c.window.start} to ${c.window.end}, both days counted)`,
    approximate: approx(c.exchanges.qualifier),
  };
}

/** a ÷ b for two sourced counts, or null when either is unknown. */
export function ratio(a: Count, b: Count, what: string): Derived | null {
  if (a.value === null || b.value === null || b.value === 0) return null;
  return {
    value: a.value / b.value,
    formula: `${a.value.toLocaleString('en-US')} ÷ ${b.value.toLocaleString('en-US')} ${what}`,
    approximate: approx(a.qualifier, b.qualifier),
  };
}

/** Percentage by which a exceeds b ((a − b) ÷ b × 100), or null when either is unknown. */
export function percentAbove(a: Count, b: Count, what: string): Derived | null {
  if (a.value === null || b.value === null || b.value === 0) return null;
  return {
    value: ((a.value - b.value) / b.value) * 100,
    formula: `(${a.value.toLocaleString('en-US')} − ${b.value.toLocaleString('en-US')}) ÷ ${b.value.toLocaleString('en-US')} × 100 ${what}`,
    approximate: approx(a.qualifier, b.qualifier),
  };
}

/** Sum of one metric over campaigns; null if any part is undisclosed. */
export function sumOf(parts: Count[], what: string): Derived | null {
  if (parts.length === 0 || parts.some((p) => p.value === null)) return null;
  const values = parts.map((p) => p.value as number);
  return {
    value: values.reduce((a, b) => a + b, 0),
    formula: `${values.map((v) => v.toLocaleString('en-US')).join(' + ')} ${what}`,
    approximate: approx(...parts.map((p) => p.qualifier)),
  };
}

export interface ImpliedLevel extends Derived {
  date: string;
}

/**
 * The level implied at the start of a reported move: if a price fell p% to
 * reach P, it started at P ÷ (1 + p/100). Only computed when the source gives
 * the end level on the move's end day.
 */
export function impliedLevels(series: SeriesData): ImpliedLevel[] {
  return series.moves.flatMap((move) => {
    const end = series.points.find((p) => p.date === move.to);
    if (!end) return [];
    const factor = 1 + move.percent / 100;
    return [
      {
        date: move.from,
        value: end.value / factor,
        formula: `${end.value} ÷ (1 ${move.percent < 0 ? '−' : '+'} ${Math.abs(move.percent)}/100)`,
        approximate: approx(move.qualifier),
      },
    ];
  });
}

export type DeadlineState = 'no-deadline' | 'undated' | 'open' | 'passed-no-outcome' | 'outcome-recorded';

export interface Deadline {
  state: DeadlineState;
  /** Computed deadline day, when the source counts days from a known day. */
  date: string | null;
  formula: string | null;
}

/**
 * Where a signpost stands. `asOf` is the newest source's day; `today` is the
 * build day. A deadline that passed after the sources end is reported as
 * passed with no recorded outcome: never as met or missed. `fromDay` is the
 * day of the step a `fromStep` deadline counts from, resolved by the caller.
 */
export function deadlineOf(q: QuestionData, asOf: string, today: string, fromDay?: string): Deadline {
  if (q.outcome) return { state: 'outcome-recorded', date: null, formula: null };
  if (!q.deadline) return { state: 'no-deadline', date: null, formula: null };
  const from = q.deadline.from ?? fromDay;
  if (q.deadline.fromStep && fromDay === undefined) throw new Error('deadline.fromStep: the step\'s day must be resolved first (deadlineStart, below)');
  if (q.deadline.days === undefined || from === undefined) return { state: 'undated', date: null, formula: null };
  const date = addDays(from, q.deadline.days);
  const formula = `${from} + ${q.deadline.days} days`;
  // Open while the build day has not reached it; the as-of day only limits what we can know.
  void asOf;
  return { state: date < today ? 'passed-no-outcome' : 'open', date, formula };
}

/**
 * Exchanges per day counting only the days between the first and last day
 * (the last day not counted), the other way the sources count a window: one
 * says "over 44 days" where another says "a 45-day window". Null without a window.
 */
export function exchangesPerDayBetween(c: Pick<CampaignData, 'window' | 'exchanges'>): Derived | null {
  if (!c.window || c.exchanges.value === null) return null;
  const days = windowLength(c.window.start, c.window.end).between;
  if (days === 0) return null;
  return {
    value: c.exchanges.value / days,
    formula: `${c.exchanges.value.toLocaleString('en-US')} exchanges ÷ ${days} days (${c.window.start} to ${c.window.end}, last day not counted)`,
    approximate: approx(c.exchanges.qualifier),
  };
}

/**
 * Where a deadline's count starts: its `from` day, or the day of the step its
 * `fromStep` names. Throws, naming the field, when the step does not exist or
 * has no single undisputed day (integrity.ts reports it with the file name).
 */
export function deadlineStart(story: Story, q: QuestionData): { day: string; label: string } | null {
  const dl = q.deadline;
  if (!dl) return null;
  if (dl.from !== undefined) return { day: dl.from, label: formatDate(dl.from) };
  if (!dl.fromStep) return null;
  const { instrument, step } = dl.fromStep;
  const entry = story.instruments.find((i) => i.id === instrument);
  if (!entry) throw new Error(`deadline.fromStep.instrument: unknown instrument "${instrument}", so the deadline cannot be computed`);
  const s = entry.data.steps[step - 1];
  if (!s) throw new Error(`deadline.fromStep.step: instrument "${instrument}" has no step ${step} (it has ${entry.data.steps.length}), so the deadline cannot be computed`);
  if (s.date === null || s.dateClaim || !isRealDayString(s.date)) {
    throw new Error(`deadline.fromStep.step: step ${step} of "${instrument}" has no single undisputed day (${s.date ?? 'undated'}), so the deadline cannot be computed`);
  }
  return { day: s.date, label: `${formatDate(s.date)}, the day ${entry.data.shortName} was ${ACTION_LABELS[s.action].toLowerCase()}` };
}

const isRealDayString = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
