/**
 * The RSS feed's items: one per event and one per dated instrument step (a
 * tracker status change). Pure, so the endpoint and the tests build the same
 * list. A month-precision date is placed on the month's first day and the
 * description says only the month is known; a disputed date is placed on the
 * earliest day a source gives and the description says so.
 */
import type { Step } from '../../schemas';
import { type Story, getById } from '../story/story';
import { claimDays, eventDateLabel, eventsByDate, standingOf } from '../story/queries';
import { fillFigures } from '../story/figures';
import { formatDateAlternatives } from '../util/format';
import { precisionOf, sortKey } from '../util/dates';
import { ACTION_LABELS } from '../story/status';
import { KIND_LABELS } from '../story/kinds';
import type { Linker } from '../util/url';

export interface FeedItem {
  title: string;
  /** Absolute URL of the page. */
  link: string;
  /** Unique id: the link for events, link + "#step-N" for steps. */
  guid: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

const day = (d: string) => new Date(`${sortKey(d)}T00:00:00Z`);

function dateNote(story: Story, date: string, dateClaim: string | undefined): string {
  if (dateClaim) return ` Date disputed: the sources give ${formatDateAlternatives(claimDays(story, dateClaim))}; listed under the earliest.`;
  if (precisionOf(date) === 'month') return ' Month known only: listed under the first day of the month.';
  return '';
}

/** Every event as a feed item, in date order. */
export function eventItems(story: Story, link: Linker): FeedItem[] {
  return eventsByDate(story).map((e) => {
    const d = e.data;
    const standing = standingOf(story, e);
    const who = standing.allegedBy ? getById(story.actors, standing.allegedBy, 'actor').data.name : null;
    const url = link(`/events/${e.id}/`);
    return {
      title: d.title,
      link: url,
      guid: url,
      pubDate: day(d.date),
      description:
        `${eventDateLabel(story, d)}. ${fillFigures(story, d.summary)}` +
        (who ? ` Alleged by ${who}; not independently verified.` : '') +
        (standing.disputed ? ' The sources disagree on part of this.' : '') +
        dateNote(story, d.date, d.dateClaim),
      categories: [KIND_LABELS[d.kind], standing.label],
    };
  });
}

/** Every instrument step that has a date, as a feed item ("H.R. 8283: Passed committee"). */
export function statusItems(story: Story, link: Linker): FeedItem[] {
  return story.instruments.flatMap((i) =>
    i.data.steps.flatMap((s: Step, n: number) => {
      if (s.date === null) return [];
      const url = link(`/tracker/${i.id}/`);
      return [
        {
          title: `${i.data.shortName}: ${ACTION_LABELS[s.action]}`,
          link: url,
          guid: `${url}#step-${n + 1}`,
          pubDate: day(s.date),
          description: `${s.text}${dateNote(story, s.date, s.dateClaim)}`,
          categories: ['Tracker status change'],
        },
      ];
    }),
  );
}

/** All feed items, newest first; ties by title. */
export function feedItems(story: Story, link: Linker): FeedItem[] {
  return [...eventItems(story, link), ...statusItems(story, link)].sort(
    (a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.title.localeCompare(b.title),
  );
}
