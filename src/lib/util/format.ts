/** Reader-facing formatting of counts, dates and percentages. Pure and locale-pinned (en-US, UTC). */
import type { Count, Qualifier } from '../../schemas';
import { precisionOf } from './dates';

/** How each qualifier reads: "about", "over", "nearly"; a figure given flat reads "as stated" where the qualifier is shown on its own (a table). */
export const QUALIFIER_WORDS: Record<Qualifier, string> = { 'as-stated': 'as stated', about: 'about', over: 'over', nearly: 'nearly' };

/** A figure's text with its qualifier in front: ("about", "25,000") → "about 25,000"; "as-stated" adds nothing. */
export function qualified(qualifier: Qualifier | undefined, text: string): string {
  return qualifier && qualifier !== 'as-stated' ? `${QUALIFIER_WORDS[qualifier]} ${text}` : text;
}

/** A derived figure's text, with "about" when any of its inputs is approximate. */
export function approximately(approximate: boolean, text: string): string {
  return qualified(approximate ? 'about' : undefined, text);
}

/** 28800000 → "28.8 million"; 150000 → "150,000". */
export function formatNumber(value: number): string {
  if (Math.abs(value) >= 1_000_000) {
    const m = value / 1_000_000;
    // Two decimals at most, so a sum like 16.55 million is not rounded into a different figure.
    const text = Number.isInteger(m) ? String(m) : m.toFixed(2).replace(/\.?0+$/, '');
    return `${text} million`;
  }
  return Math.round(value).toLocaleString('en-US');
}

/** A sourced count for readers: "about 25,000", or "not disclosed". */
export function formatCount(count: Count): string {
  if (count.value === null) return 'not disclosed';
  return qualified(count.qualifier, formatNumber(count.value));
}

/** Exact figure for tables: 28800000 → "28,800,000". */
export function formatExact(value: number | null): string {
  return value === null ? 'not disclosed' : value.toLocaleString('en-US');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-06-10" → "June 10, 2026"; "2026-06" → "June 2026". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const month = MONTHS[(m as number) - 1];
  return precisionOf(date) === 'month' ? `${month} ${y}` : `${month} ${d}, ${y}`;
}

/** "2026-06-10" → "Jun 10, 2026", for compact labels. */
export function formatShortDate(date: string): string {
  return formatDate(date).replace(/^(\w{3})\w*/, '$1');
}

/** Several possible days, as when sources disagree: "June 23 or 24, 2026". */
export function formatDateAlternatives(days: string[]): string {
  const unique = [...new Set(days)].sort();
  if (unique.length === 1) return formatDate(unique[0] as string);
  const sameMonth = unique.every((d) => d.slice(0, 7) === unique[0]!.slice(0, 7));
  if (sameMonth) {
    const [y, m] = unique[0]!.split('-').map(Number);
    const daysText = unique.map((d) => Number(d.slice(8))).join(' or ');
    return `${MONTHS[(m as number) - 1]} ${daysText}, ${y}`;
  }
  return unique.map(formatDate).join(' or ');
}

/** Signed percentage with one decimal: 4.1666 → "4.2%". */
export function formatPercent(value: number, digits = 1): string {
  return `${value.toFixed(digits)}%`;
}

export function formatUsd(value: number): string {
  return `$${value.toFixed(2)}`;
}
