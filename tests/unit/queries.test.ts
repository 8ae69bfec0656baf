/** Lookups every page leans on: ids through an index, and an event's neighbours in date order. */
import { describe, expect, it } from 'vitest';
import { loadContent } from './support/load-content';
import { type Entry, byId, getById } from '../../src/lib/story/story';
import { EVENT_LIST_BY_MONTH_ABOVE, eventListByMonth, eventMonths, eventNeighbours, eventsByDate } from '../../src/lib/story/queries';
import { groupBy, groupByMonth } from '../../src/lib/util/dates';
import { oncePer, oncePerNamed } from '../../src/lib/util/memo';

const { story } = loadContent('content');

describe('byId', () => {
  it('finds what a linear search finds, and nothing for an unknown id', () => {
    for (const e of story.events) expect(byId(story.events, e.id)).toBe(e);
    expect(byId(story.events, 'no-such-event')).toBeUndefined();
    expect(() => getById(story.actors, 'no-such-actor', 'actor')).toThrow('No actor entry with id "no-such-actor"');
  });

  it('keeps the first of two entries with one id, as a search from the start would', () => {
    const a: Entry<{ n: number }> = { id: 'x', data: { n: 1 } } as Entry<{ n: number }>;
    const b: Entry<{ n: number }> = { id: 'x', data: { n: 2 } } as Entry<{ n: number }>;
    expect(byId([a, b], 'x')).toBe(a);
  });

  it('sees an entry added after the first lookup', () => {
    const list: Entry<{ n: number }>[] = [{ id: 'a', data: { n: 1 } } as Entry<{ n: number }>];
    expect(byId(list, 'b')).toBeUndefined();
    const b = { id: 'b', data: { n: 2 } } as Entry<{ n: number }>;
    list.push(b);
    expect(byId(list, 'b')).toBe(b);
  });
});

describe('eventNeighbours', () => {
  it('gives the events before and after in date order, none past either end', () => {
    const ordered = eventsByDate(story);
    ordered.forEach((e, i) => {
      const { prev, next } = eventNeighbours(story, e.id);
      expect(prev).toBe(ordered[i - 1]);
      expect(next).toBe(ordered[i + 1]);
    });
    expect(eventNeighbours(story, ordered[0]!.id).prev).toBeUndefined();
    expect(eventNeighbours(story, ordered.at(-1)!.id).next).toBeUndefined();
  });

  it('throws on an unknown id', () => {
    expect(() => eventNeighbours(story, 'no-such-event')).toThrow('No event with id "no-such-event"');
  });
});

describe('groupByMonth', () => {
  it('groups by "YYYY-MM" in the order months first appear, keeping each item once and numbering on', () => {
    const days = ['2026-02', '2026-02-23', '2026-04-22', '2026-06', '2026-06-10', '2026-06-26'];
    expect(groupByMonth(days, (d) => d)).toEqual([
      { key: '2026-02', items: ['2026-02', '2026-02-23'], start: 1 },
      { key: '2026-04', items: ['2026-04-22'], start: 3 },
      { key: '2026-06', items: ['2026-06', '2026-06-10', '2026-06-26'], start: 4 },
    ]);
    expect(groupByMonth([], (d: string) => d)).toEqual([]);
  });

  it('groups by any key with groupBy (the years of /events/)', () => {
    expect(groupBy(['2025-01', '2026-02', '2026-06'], (m) => m.slice(0, 4)).map((g) => [g.key, g.items.length, g.start])).toEqual([
      ['2025', 1, 1],
      ['2026', 2, 2],
    ]);
  });
});

describe('oncePer and oncePerNamed', () => {
  it('compute once per object (and name), separately for each', () => {
    let calls = 0;
    const f = oncePer((o: { n: number }) => ({ n: o.n, call: ++calls }));
    const a = { n: 1 };
    expect(f(a)).toBe(f(a));
    expect(f({ n: 1 })).not.toBe(f(a));
    expect(calls).toBe(2);
    const g = oncePerNamed((o: { n: number }, name: string) => `${name}${o.n}:${++calls}`);
    expect(g(a, 'x')).toBe(g(a, 'x'));
    expect(g(a, 'y')).not.toBe(g(a, 'x'));
    expect(calls).toBe(4);
  });
});

describe('eventMonths', () => {
  it('splits the events in date order into months, numbered on from the month before', () => {
    const months = eventMonths(story);
    expect(months.flatMap((m) => m.events)).toEqual([...eventsByDate(story)]);
    let next = 1;
    for (const m of months) {
      expect(m.start).toBe(next);
      next += m.events.length;
      for (const e of m.events) expect(e.data.date.slice(0, 7)).toBe(m.month);
    }
    expect(months.find((m) => m.month === '2026-06')?.label).toBe('June 2026');
  });

  it('keeps one list while the story is small, and pages by month above EVENT_LIST_BY_MONTH_ABOVE events', () => {
    expect(eventListByMonth(story)).toBe(false);
    const base = story.events[0]!;
    const many = Array.from({ length: EVENT_LIST_BY_MONTH_ABOVE + 1 - story.events.length }, (_, i) => ({ ...base, id: `extra-${i}` }));
    expect(eventListByMonth({ ...story, events: [...story.events, ...many] })).toBe(true);
    expect(eventListByMonth({ ...story, events: [...story.events, ...many.slice(1)] })).toBe(false);
  });
});
