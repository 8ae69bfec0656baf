/**
 * The calendars: /calendar.ics (every event, every dated instrument step and
 * every watchlist deadline with a calendar date) and /tracker/<id>/calendar.ics
 * (one instrument's steps, its deadlines and the events about it). RFC 5545,
 * written by ical-generator.
 *
 * Every entry is an all-day item. A date is never given a precision it lacks:
 * a month-only date spans the whole month and says the day is not known; a
 * date the sources disagree on spans the days they give, says "or" and names
 * each source's answer with a link to the dispute. UIDs come from ids (never
 * from the build time), so a calendar app updates an entry instead of adding
 * it twice. A deadline with no calendar date by its nature ("before the August
 * recess") is left out; the watchlist says why.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { CitationInput, ClaimData } from '../../schemas';
import { type Entry, type Story, asOfDate, getById } from '../story/story';
import { claimDays, claimsTouching, eventDateLabel, eventsByDate, standingOf } from '../story/queries';
import { addDays, dayRange, precisionOf, sortKey } from '../util/dates';
import { formatDate, formatDateAlternatives } from '../util/format';
import { fillFigures } from '../story/figures';
import { sourceLine, sourceRefs } from '../story/sources';
import { instrumentChanges } from '../views/changes';
import { watchlist } from '../views/tracker';
import { deadlineStart } from '../story/derive';
import type { Linker } from '../util/url';
import { SITE_NAME } from '../util/site';

/** One all-day item, before it is written as a VEVENT. */
export interface CalendarEntry {
  /** Stable, from ids: "event-<id>@…", "step-<instrument>-<n>@…", "deadline-<question>@…". */
  uid: string;
  kind: 'event' | 'step' | 'deadline';
  /** First day, "YYYY-MM-DD". */
  start: string;
  /** Day after the last day (DTEND of an all-day item is exclusive). */
  end: string;
  summary: string;
  description: string;
  url: string;
  alleged: boolean;
  /** Instrument ids the entry concerns (for the per-instrument calendars). */
  instruments: string[];
}

/** The domain part of every UID: fixed, so UIDs do not change with SITE_URL or the build day. */
export const UID_DOMAIN = 'distillation-files';

/** Claims whose positions an entry must state, and the site path of the disputes page. */
function disputeLines(story: Story, claims: Entry<ClaimData>[], link: Linker): string[] {
  return claims.map((c) => {
    const positions = c.data.positions.map((p) => {
      const ref = sourceRefs(story, [p.source as CitationInput])[0]!;
      return `${p.label} (${ref.label} [${ref.number}])`;
    });
    return `Sources disagree (${c.data.topic}): ${positions.join('; ')}. See ${link(`/disputes/#${c.id}`)}`;
  });
}

/** Span and wording of a date that may be a month or disputed. */
function span(story: Story, date: string, dateClaim: string | undefined, endDate?: string): { start: string; end: string; note: string | null; suffix: string } {
  if (dateClaim) {
    const days = claimDays(story, dateClaim);
    const first = days[0] ?? date;
    const last = days.at(-1) ?? date;
    const label = formatDateAlternatives(days);
    return {
      start: first,
      end: addDays(last, 1),
      note: `Date disputed: the sources give ${label}. This item spans those days; it did not last that long.`,
      suffix: ` (${label}; sources differ)`,
    };
  }
  const startRange = dayRange(date);
  const endRange = dayRange(endDate ?? date);
  const month = precisionOf(date) === 'month' || (endDate !== undefined && precisionOf(endDate) === 'month');
  return {
    start: startRange.first,
    end: addDays(endRange.last, 1),
    note: month ? `Only the month is known (${formatDate(date)}); no source gives the day. This item spans the month.` : null,
    suffix: month && !endDate ? ` (${formatDate(date)}; day not known)` : '',
  };
}

const ALLEGED = (who: string) => `Alleged by ${who}; not independently verified.`;

function eventEntries(story: Story, link: Linker): CalendarEntry[] {
  return eventsByDate(story).map((e) => {
    const d = e.data;
    const standing = standingOf(story, e);
    const who = standing.allegedBy ? getById(story.actors, standing.allegedBy, 'actor').data.name : null;
    const s = span(story, d.date, d.dateClaim, d.endDate);
    const url = link(`/events/${e.id}/`);
    const lines = [
      `Date: ${eventDateLabel(story, d)}.${d.dateNote ? ` (${d.dateNote}.)` : ''}`,
      ...(s.note ? [s.note] : []),
      fillFigures(story, d.summary),
      who ? ALLEGED(who) : 'Alleged: no; reported by the sources cited.',
      sourceLine(story, d.sources),
      ...disputeLines(story, claimsTouching(story, 'events', e.id), link),
      `Page: ${url}`,
    ];
    return {
      uid: `event-${e.id}@${UID_DOMAIN}`,
      kind: 'event' as const,
      start: s.start,
      end: s.end,
      summary: `${who ? 'Alleged: ' : ''}${d.title}${s.suffix}`,
      description: lines.join('\n'),
      url,
      alleged: who !== null,
      instruments: d.instruments,
    };
  });
}

function stepEntries(story: Story, link: Linker): CalendarEntry[] {
  return story.instruments.flatMap((i) =>
    instrumentChanges(story, i).flatMap((c) => {
      const step = i.data.steps[c.step - 1]!;
      if (step.date === null) return [];
      const s = span(story, step.date, step.dateClaim);
      const url = link(`/tracker/${i.id}/`);
      const ev = step.event ? getById(story.events, step.event, 'event') : null;
      const standing = ev ? standingOf(story, ev) : null;
      const who = standing?.allegedBy ? getById(story.actors, standing.allegedBy, 'actor').data.name : null;
      const claims = step.dateClaim ? [getById(story.claims, step.dateClaim, 'claim')] : [];
      const lines = [
        `Date: ${c.when.label}.${step.dateNote ? ` ${step.dateNote}` : ''}`,
        ...(s.note ? [s.note] : []),
        `${i.data.name}. Status: ${c.before} → ${c.after} (derived from the recorded steps).`,
        step.text,
        who ? ALLEGED(who) : 'Alleged: no; reported by the sources cited.',
        sourceLine(story, step.sources),
        ...disputeLines(story, claims, link),
        `Page: ${url}`,
      ];
      return [
        {
          uid: `step-${i.id}-${c.step}@${UID_DOMAIN}`,
          kind: 'step' as const,
          start: s.start,
          end: s.end,
          summary: `${i.data.shortName}: ${c.actionLabel}${s.suffix}`,
          description: lines.join('\n'),
          url,
          alleged: who !== null,
          instruments: [i.id],
        },
      ];
    }),
  );
}

function deadlineEntries(story: Story, link: Linker, today: string): CalendarEntry[] {
  const asOf = formatDate(asOfDate(story));
  return watchlist(story, today).flatMap((w) => {
    if (!w.deadline.date) return [];
    const q = getById(story.questions, w.id, 'question').data;
    const url = link(`/tracker/#signpost-${w.id}`);
    const passed = w.deadline.state === 'passed-no-outcome';
    const lines = [
      `Deadline: “${w.deadlineWording}”, computed as ${w.deadlineLabel} (${deadlineStart(story, q)?.label} + ${q.deadline?.days} days).${q.deadline?.fromNote ? ` ${q.deadline.fromNote}` : ''}`,
      passed ? `The deadline has passed; no outcome recorded as of ${asOf}, the date of the newest source.` : w.stateText,
      q.question,
      q.detail,
      sourceLine(story, [...(q.deadline?.sources ?? []), ...q.sources]),
      `Page: ${url}`,
    ];
    return [
      {
        uid: `deadline-${w.id}@${UID_DOMAIN}`,
        kind: 'deadline' as const,
        start: w.deadline.date,
        end: addDays(w.deadline.date, 1),
        summary: `Deadline${passed ? ' (passed, no outcome recorded)' : ''}: ${q.question}`,
        description: lines.join('\n'),
        url,
        alleged: false,
        instruments: q.instruments,
      },
    ];
  });
}

/** Every calendar entry, in date order; `instrument` narrows to one instrument's. */
export function calendarEntries(story: Story, link: Linker, today: string, instrument?: string): CalendarEntry[] {
  const all = [...eventEntries(story, link), ...stepEntries(story, link), ...deadlineEntries(story, link, today)];
  return all
    .filter((e) => !instrument || e.instruments.includes(instrument))
    .sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid));
}

/** The time zone the calendars name: Washington, where the policy steps happen. All items are all-day dates. */
export const CALENDAR_TIME_ZONE = 'America/New_York';

/** A day's start as a UTC Date (for DTSTAMP), from "YYYY-MM-DD". */
const utcDay = (day: string) => new Date(`${sortKey(day)}T00:00:00Z`);

/** The .ics text. `self` is the calendar's own absolute URL. */
export function calendarIcs(story: Story, entries: CalendarEntry[], opts: { name: string; description: string; self: string }): string {
  const stamp = utcDay(asOfDate(story));
  const cal = ical({
    name: opts.name,
    description: opts.description,
    prodId: { company: SITE_NAME, product: 'calendar', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60 * 24,
    url: opts.self,
    source: opts.self,
  });
  for (const e of entries) {
    cal.createEvent({
      id: e.uid,
      start: e.start,
      end: e.end,
      allDay: true,
      summary: e.summary,
      description: e.description,
      url: e.url,
      stamp,
      categories: [{ name: e.kind === 'event' ? 'Event' : e.kind === 'step' ? 'Tracker step' : 'Deadline' }, ...(e.alleged ? [{ name: 'Alleged' }] : [])],
    });
  }
  // ical-generator writes custom calendar properties after the events; RFC 5545 puts every calendar property first.
  const text = cal.toString();
  const at = text.indexOf('BEGIN:VEVENT');
  const zone = `X-WR-TIMEZONE:${CALENDAR_TIME_ZONE}\r\n`;
  return at < 0 ? text.replace('END:VCALENDAR', `${zone}END:VCALENDAR`) : text.slice(0, at) + zone + text.slice(at);
}
