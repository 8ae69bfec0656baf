/**
 * The island's index of events, read from the server-rendered list of every event,
 * and the unpacking of that list when it ships packed in <noscript>.
 *
 * Each <li> carries its kind and actors; the id comes from the event link, the day
 * from <time datetime> ("YYYY-MM" for an event known only to the month), the lane
 * from the kind. Only rarer facts have their own attributes: data-end and data-shape
 * for anything but a one-day event, data-flags for alleged or disputed ones. Keeping
 * the list this lean is what keeps the page fast at thousands of events (npm run bench).
 * See src/components/timeline/EventMonths.astro before changing the list's markup.
 */
import type { TimelineDatum, TimelineLane, Warp } from '../../charts/timeline';

export interface Item extends TimelineDatum {
  kind: string;
  actors: string[];
}

/** What the page gives the island in data-meta (src/components/timeline/TimelineChart.astro). */
export interface Meta {
  base: string;
  domain: [string, string];
  asOf: string;
  asOfLabel: string;
  /** The axis break, fixed for the story (see axisBreak in src/charts/timeline.ts). */
  axisBreak: Warp | null;
  maxRows: number;
  lanes: (TimelineLane & { kinds: string[] })[];
}

/** One list entry's facts as the markup carries them (null: attribute absent). */
export interface Row {
  kind: string;
  /** <time datetime>: "YYYY-MM-DD", or "YYYY-MM" for a month. */
  when: string;
  /** <time>'s text. */
  dateText: string | null;
  href: string;
  /** The link's text. */
  title: string | null;
  end: string | null;
  shape: string | null;
  flags: string | null;
  actors: string | null;
}

/** "/base/events/some-id/" → "some-id". */
export const eventId = (href: string): string => href.slice(0, -1).slice(href.lastIndexOf('/', href.length - 2) + 1);

/** Kind → lane id. */
export const laneOf = (lanes: Meta['lanes']): Map<string, string> => new Map(lanes.flatMap((l) => l.kinds.map((k) => [k, l.id] as const)));

export function itemOf(row: Row, lanes: Map<string, string>): Item {
  const start = row.when.length === 7 ? `${row.when}-01` : row.when;
  const flags = row.flags ?? '';
  return {
    id: eventId(row.href),
    title: row.title ?? '',
    start,
    end: row.end ?? start,
    shape: (row.shape ?? 'point') as Item['shape'],
    lane: lanes.get(row.kind) ?? '',
    dateLabel: row.dateText ?? row.when,
    href: row.href,
    alleged: flags.includes('alleged'),
    disputed: flags.includes('disputed'),
    kind: row.kind,
    actors: (row.actors ?? '').split(' ').filter(Boolean),
  };
}

/** Reads one <li data-kind>: <time> first, the event link next. */
export function rowOf(li: Element): Row {
  const time = li.firstElementChild as HTMLTimeElement;
  const link = time.nextElementSibling as HTMLAnchorElement;
  return {
    kind: li.getAttribute('data-kind')!,
    when: time.dateTime,
    dateText: time.textContent,
    href: link.getAttribute('href')!,
    title: link.textContent,
    end: li.getAttribute('data-end'),
    shape: li.getAttribute('data-shape'),
    flags: li.getAttribute('data-flags'),
    actors: li.getAttribute('data-actors'),
  };
}

/** The events a filter leaves: of the given kinds (null: all) and, if set, naming the actor. */
export function visibleItems(items: Item[], kinds: Set<string> | null, actor: string): Item[] {
  return items.filter((i) => (!kinds || kinds.has(i.kind)) && (!actor || i.actors.includes(actor)));
}

/** Time order, then id: the order keys step through. */
export const byTime = (a: Item, b: Item): number => a.start.localeCompare(b.start) || a.id.localeCompare(b.id);

/** The months of a packed list (the <noscript>'s text), one <section> each. */
export const packedMonths = (text: string): string[] => text.split(/(?<=<\/section>)/).filter((m) => m.trim());

type Idle = (step: (deadline?: IdleDeadline) => void) => void;

/**
 * Above a few hundred events the page carries its list of every event in <noscript>,
 * where the browser does not parse it: parsing and laying out thousands of list items
 * would hold the chart's script back by a few hundred ms (npm run bench). Without
 * JavaScript the list shows as usual; with it, this moves the list into the page one
 * month per idle slice (`start`), or all at once if the index is needed first (`finish`).
 */
export class PackedList {
  private months: string[] | null = null;
  private done = false;

  constructor(
    private readonly packed: { textContent: string | null; remove(): void } | null,
    private readonly list: { insertAdjacentHTML(where: 'beforeend', html: string): void } | null,
    private readonly idle: Idle | null,
  ) {}

  start(): void {
    this.run(false);
  }

  finish(): void {
    this.run(true);
  }

  private run(now: boolean): void {
    const { packed, list, idle } = this;
    if (!packed || !list || this.done) return;
    this.months ??= packedMonths(packed.textContent ?? '');
    const step = (deadline?: IdleDeadline) => {
      while (this.months?.length && (now || !deadline || deadline.timeRemaining() > 4)) list.insertAdjacentHTML('beforeend', this.months.shift()!);
      if (this.months?.length) idle!(step);
      else {
        packed.remove();
        this.months = null;
        this.done = true;
      }
    };
    if (now || !idle) step();
    else idle(step);
  }
}
