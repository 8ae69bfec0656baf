/**
 * Follow: the calendars (parsed by Mozilla's ical.js), the per-instrument and
 * changes feeds (parsed as XML), the status changes derived from the step
 * histories, and the deadline that cannot be computed.
 */
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { calendarEntries, calendarIcs } from '../../src/lib/outputs/calendar';
import { changedSince, changes, instrumentChanges } from '../../src/lib/views/changes';
import { changesFeed, instrumentFeed } from '../../src/lib/outputs/follow-feeds';
import { watchlist } from '../../src/lib/views/tracker';
import { deadlineStart } from '../../src/lib/story/derive';
import { findProblems } from '../../src/lib/story/integrity';
import { getById } from '../../src/lib/story/story';
import { loadContent } from './support/load-content';

const { story, errors } = loadContent('content');
const link = (p: string) => `https://example.org${p}`;
const TODAY = '2026-12-01';

function parse(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  return { comp, events: comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}
const site = () => calendarIcs(story, calendarEntries(story, link, TODAY), { name: 'Test', description: 'd', self: link('/calendar.ics') });

describe('the calendar', () => {
  it('content loads', () => expect(errors).toEqual([]));

  it('parses in ical.js, with name, refresh interval and time zone', () => {
    const { comp } = parse(site());
    expect(comp.getFirstPropertyValue('x-wr-calname')).toBe('Test');
    expect(String(comp.getFirstPropertyValue('refresh-interval'))).toBe('P1D');
    expect(comp.getFirstPropertyValue('x-wr-timezone')).toBe('America/New_York');
    // RFC 5545: every calendar property comes before the first component.
    expect(site().indexOf('X-WR-TIMEZONE')).toBeLessThan(site().indexOf('BEGIN:VEVENT'));
  });

  it('holds every event, every dated step and the dated deadline, all-day', () => {
    const { events } = parse(site());
    const uids = new Set(events.map((e) => e.uid));
    for (const e of story.events) expect(uids, e.id).toContain(`event-${e.id}@distillation-files`);
    for (const i of story.instruments) {
      i.data.steps.forEach((s, n) => {
        const uid = `step-${i.id}-${n + 1}@distillation-files`;
        if (s.date) expect(uids, uid).toContain(uid);
        else expect(uids, uid).not.toContain(uid);
      });
    }
    expect(uids).toContain('deadline-ofac-action-90-days@distillation-files');
    // "before the August recess" has no calendar date: not in the calendar.
    expect([...uids].some((u) => u.includes('senate-banking-hearing'))).toBe(false);
    for (const e of events) expect(e.startDate.isDate, e.uid).toBe(true);
    expect(events.length).toBe(calendarEntries(story, link, TODAY).length);
  });

  it('has the same UIDs, in the same order, on two generations', () => {
    const a = parse(site()).events.map((e) => e.uid);
    const b = parse(site()).events.map((e) => e.uid);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
    expect(site()).toBe(site());
  });

  it('spans a month-only date across the month and says the day is not known', () => {
    const e = parse(site()).events.find((x) => x.uid === 'event-dod-1260h-list-published@distillation-files')!;
    expect(e.startDate.toString()).toBe('2026-06-01');
    expect(e.endDate.toString()).toBe('2026-07-01');
    expect(e.summary).toContain('day not known');
    expect(e.description).toContain('Only the month is known');
  });

  it('spans a disputed date across the days the sources give, with each position and the dispute', () => {
    const e = parse(site()).events.find((x) => x.uid === 'event-alibaba-sues-dod@distillation-files')!;
    expect(e.startDate.toString()).toBe('2026-06-23');
    expect(e.endDate.toString()).toBe('2026-06-25');
    expect(e.summary).toContain('June 23 or 24, 2026; sources differ');
    expect(e.description).toMatch(/June 23, 2026 \(.+\[\d\]\); June 24, 2026 \(.+\[\d\]\); No date given/);
    expect(e.description).toContain('https://example.org/disputes/#lawsuit-filing-date');
    const step = parse(site()).events.find((x) => x.uid === 'step-alibaba-v-dod-1@distillation-files')!;
    expect(step.startDate.toString()).toBe('2026-06-23');
    expect(step.description).toContain('/disputes/#lawsuit-filing-date');
  });

  it('says whether an entry is alleged, gives its source line and its page', () => {
    const e = parse(site()).events.find((x) => x.uid === 'event-alibaba-linked-campaign@distillation-files')!;
    expect(e.description).toContain('Alleged by Anthropic; not independently verified.');
    expect(e.description).toMatch(/Sources?: /);
    expect(String(e.component.getFirstPropertyValue('url'))).toBe('https://example.org/events/alibaba-linked-campaign/');
  });

  it('a passed deadline says no outcome is recorded as of the newest source', () => {
    const e = parse(site()).events.find((x) => x.uid === 'deadline-ofac-action-90-days@distillation-files')!;
    expect(e.startDate.toString()).toBe('2026-09-22');
    expect(e.description).toContain('no outcome recorded as of June 26, 2026');
    expect(e.description).toContain('computed as September 22, 2026 (June 24, 2026 + 90 days).');
    const open = calendarEntries(story, link, '2026-07-01').find((x) => x.uid.startsWith('deadline-ofac'))!;
    expect(open.description).not.toContain('has passed');
  });

  it('an instrument calendar holds its steps and deadlines, with the same UIDs', () => {
    const ics = calendarIcs(story, calendarEntries(story, link, TODAY, 'ofac-action'), { name: 'x', description: 'd', self: link('/x') });
    const uids = parse(ics).events.map((e) => e.uid);
    expect(uids).toContain('deadline-ofac-action-90-days@distillation-files');
    const hr = parse(calendarIcs(story, calendarEntries(story, link, TODAY, 'hr-8283'), { name: 'x', description: 'd', self: link('/x') })).events.map((e) => e.uid);
    expect(hr).toContain('step-hr-8283-2@distillation-files');
    expect(hr).toContain('event-hr-8283-committee-vote@distillation-files');
  });
});

describe('status changes and feeds', () => {
  it('derives each step\'s status before and after from the history', () => {
    const hr = instrumentChanges(story, getById(story.instruments, 'hr-8283', 'instrument'));
    expect(hr.map((c) => [c.before, c.after])).toEqual([
      ['No action recorded', 'Introduced'],
      ['Introduced', 'Passed committee'],
    ]);
    expect(hr[0]!.when.label).toBe('date not given (on or before April 22, 2026)');
  });

  it('lists every change newest first, and ?since keeps what may have happened since', () => {
    const all = changes(story);
    expect(all.length).toBe(story.instruments.reduce((n, i) => n + i.data.steps.length, 0) + story.corrections.length);
    const days = all.map((c) => c.when.sortDay);
    expect(days).toEqual([...days].sort().reverse());
    const june = all.filter((c) => changedSince(c, '2026-06-15'));
    expect(june.some((c) => c.key === 'status-dod-1260h-list-1')).toBe(true); // June 2026: may be after the 15th
    expect(june.some((c) => c.key === 'status-nstm-4-1')).toBe(false); // April 23
  });

  const parser = new XMLParser({ ignoreAttributes: false });
  it.each(story.instruments.map((i) => i.id))('the %s feed parses and has an item per step', (id) => {
    const xml = instrumentFeed(story, id, link);
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = parser.parse(xml).rss.channel;
    const items = channel.item === undefined ? [] : [channel.item].flat();
    expect(items.length).toBe(getById(story.instruments, id, 'instrument').data.steps.length);
    for (const item of items) expect(item.link).toMatch(new RegExp(`/tracker/${id}/#step-\\d+$`));
  });

  it('/changes.xml parses and has an item per change, corrections included', () => {
    const withCorrection = loadContent('content');
    const fixture = loadContent('tests/fixtures');
    withCorrection.story.corrections = fixture.story.corrections;
    const xml = changesFeed(withCorrection.story, link);
    expect(XMLValidator.validate(xml)).toBe(true);
    const items = [parser.parse(xml).rss.channel.item].flat();
    expect(items.length).toBe(changes(withCorrection.story).length);
    expect(items.some((i: { title: string }) => i.title.startsWith('Correction: '))).toBe(withCorrection.story.corrections.length > 0);
  });
});

describe('deadlines counted from a step', () => {
  const q = (fromStep: { instrument: string; step: number }) => ({
    ...getById(story.questions, 'ofac-action-90-days', 'question').data,
    deadline: { wording: 'within 90 days', days: 90, fromStep, sources: ['flux-tokentoday'] },
  });

  it('counts from the step\'s day', () => {
    expect(deadlineStart(story, q({ instrument: 'nstm-4', step: 1 }) as never)?.day).toBe('2026-04-23');
  });

  it.each([
    [{ instrument: 'nstm-4', step: 2 }, 'deadline.fromStep.step: instrument "nstm-4" has no step 2'],
    [{ instrument: 'no-such', step: 1 }, 'deadline.fromStep.instrument: unknown instrument "no-such"'],
    [{ instrument: 'alibaba-v-dod', step: 1 }, 'has no single undisputed day'],
    [{ instrument: 'dod-1260h-list', step: 1 }, 'has no single undisputed day (2026-06)'],
  ])('rejects %o, naming the file and field', (fromStep, message) => {
    const copy = { ...story, questions: story.questions.map((e) => (e.id === 'ofac-action-90-days' ? { ...e, data: q(fromStep) as never } : e)) };
    const problems = findProblems(copy);
    expect(problems.some((p) => p.startsWith('content/questions/ofac-action-90-days.yaml → ') && p.includes(message)), problems.join('\n')).toBe(true);
  });

  it('the watchlist says why a deadline with no calendar date is not in the calendar', () => {
    const w = watchlist(story, TODAY).find((x) => x.id === 'senate-banking-hearing')!;
    expect(w.stateText).toContain('not in the calendar');
  });
});
