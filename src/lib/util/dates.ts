/** Calendar arithmetic on ISO day strings, in UTC so results never depend on the machine's zone. */

/** Milliseconds in a day: the one definition, for the story, the views and the chart functions. */
export const DAY = 86_400_000;

/** Midnight UTC of a "YYYY-MM-DD" day, in ms. */
export const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

export function toDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole days from `start` to `end` (end minus start). */
export function daysBetween(start: string, end: string): number {
  return Math.round((dayMs(end) - dayMs(start)) / DAY);
}

export function addDays(day: string, n: number): string {
  return toDay(dayMs(day) + n * DAY);
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

/** A run of items sharing a key, and the 1-based position of its first item in the whole list (an <ol start>). */
export interface Group<T> {
  key: string;
  items: T[];
  start: number;
}

/** Items grouped by a key, in the order the keys first appear (give them sorted), each group numbered on from the one before. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Group<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  let start = 1;
  return [...groups].map(([key, list]) => {
    const group = { key, items: list, start };
    start += list.length;
    return group;
  });
}

/** Items grouped by the month ("YYYY-MM") of their date; see groupBy. */
export function groupByMonth<T>(items: readonly T[], dateOf: (item: T) => string): Group<T>[] {
  return groupBy(items, (item) => dateOf(item).slice(0, 7));
}
