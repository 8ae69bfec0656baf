/** Lookups every page leans on: ids through an index, and an event's neighbours in date order. */
import { describe, expect, it } from 'vitest';
import { loadContent } from './support/load-content';
import { type Entry, byId, getById } from '../../src/lib/story';
import { eventNeighbours, eventsByDate } from '../../src/lib/queries';

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
