/**
 * The timeline's data: every event as a TimelineDatum, the default view and
 * the compact index the timeline island needs (dates, titles, lanes, actors;
 * never bodies or summaries).
 */
import type { TimelineDatum } from '../../charts/timeline';
import { addDays, dayRange } from '../util/dates';
import { laneOf, LANES } from '../story/kinds';
import { claimDays, eventDateLabel, eventsByDate, standingOf } from '../story/queries';
import { asOfDate, type Story } from '../story/story';
import { formatDate } from '../util/format';

export interface TimelineItem extends TimelineDatum {
  kind: string;
  actors: string[];
}

/** Events as the timeline draws them; `link` makes each event's page address. */
export function timelineItems(story: Story, link: (id: string) => string): TimelineItem[] {
  return eventsByDate(story).map((e) => {
    const d = e.data;
    const standing = standingOf(story, e);
    let start = dayRange(d.date).first;
    let end = dayRange(d.endDate ?? d.date).last;
    let shape: TimelineDatum['shape'] = d.date.length === 7 ? 'month' : d.endDate ? 'span' : 'point';
    if (d.dateClaim) {
      const days = claimDays(story, d.dateClaim);
      start = days[0] ?? start;
      end = days[days.length - 1] ?? end;
      shape = 'uncertain';
    }
    return {
      id: e.id,
      title: d.title,
      start,
      end,
      shape,
      lane: laneOf(d.kind),
      dateLabel: eventDateLabel(story, d),
      href: link(e.id),
      alleged: standing.alleged,
      disputed: standing.disputed,
      kind: d.kind,
      actors: [...new Set([...d.actors, ...(d.allegedBy ? [d.allegedBy] : [])])],
    };
  });
}

/** The full view: from two weeks before the first event to two weeks after the as-of day. */
export function defaultDomain(items: TimelineDatum[], asOf: string): [string, string] {
  const first = items.reduce((min, d) => (d.start < min ? d.start : min), asOf);
  return [addDays(first, -14), addDays(asOf, 14)];
}

export function timelineMeta(story: Story) {
  const asOf = asOfDate(story);
  return {
    asOf,
    asOfLabel: `As of ${formatDate(asOf)}`,
    lanes: LANES.map((l) => ({ id: l.id, label: l.label })),
  };
}
