/** Calendar arithmetic on ISO day strings, in UTC so results never depend on the machine's zone. */

const DAY_MS = 86_400_000;

export function parseDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y as number, (m as number) - 1, d as number);
}

export function toDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole days from `start` to `end` (end minus start). */
export function daysBetween(start: string, end: string): number {
  return Math.round((parseDay(end) - parseDay(start)) / DAY_MS);
}

export function addDays(day: string, n: number): string {
  return toDay(parseDay(day) + n * DAY_MS);
}

/** "month" for "YYYY-MM", "day" for "YYYY-MM-DD". */
export function precisionOf(date: string): 'day' | 'month' {
  return date.length === 7 ? 'month' : 'day';
}

/** First and last day a partial date can stand for. */
export function dayRange(date: string): { first: string; last: string } {
  if (precisionOf(date) === 'day') return { first: date, last: date };
  const [y, m] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y as number, m as number, 0));
  return { first: `${date}-01`, last: toDay(last.getTime()) };
}

/** Sort key: a month sorts at its first day. */
export function sortKey(date: string): string {
  return dayRange(date).first;
}

/** Items grouped by the month ("YYYY-MM") of their date, in the order the months first appear (give them sorted). */
export function groupByMonth<T>(items: readonly T[], dateOf: (item: T) => string): { month: string; items: T[] }[] {
  const months = new Map<string, T[]>();
  for (const item of items) {
    const month = dateOf(item).slice(0, 7);
    const list = months.get(month);
    if (list) list.push(item);
    else months.set(month, [item]);
  }
  return [...months].map(([month, list]) => ({ month, items: list }));
}
