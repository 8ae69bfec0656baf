import { describe, expect, it } from 'vitest';
import { byTime, eventId, itemOf, laneOf, PackedList, packedMonths, visibleItems, type Row } from '../../../../src/islands/timeline/data';

const lanes = laneOf([
  { id: 'disclosures', label: 'Disclosures and reports', kinds: ['disclosure', 'report'] },
  { id: 'litigation', label: 'Litigation', kinds: ['litigation'] },
]);

const row = (over: Partial<Row>): Row => ({
  kind: 'report',
  when: '2026-02-23',
  dateText: 'February 23, 2026',
  href: '/base/events/openai-memo/',
  title: 'OpenAI memo',
  end: null,
  shape: null,
  flags: null,
  actors: null,
  ...over,
});

describe('itemOf(row, lanes)', () => {
  it('reads a one-day event from the lean markup: id from the link, lane from the kind', () => {
    expect(itemOf(row({ actors: 'openai  house-select' }), lanes)).toEqual({
      id: 'openai-memo',
      title: 'OpenAI memo',
      start: '2026-02-23',
      end: '2026-02-23',
      shape: 'point',
      lane: 'disclosures',
      dateLabel: 'February 23, 2026',
      href: '/base/events/openai-memo/',
      alleged: false,
      disputed: false,
      kind: 'report',
      actors: ['openai', 'house-select'],
    });
  });

  it('reads a month-only event as starting on the 1st, with its end and shape', () => {
    const item = itemOf(row({ when: '2026-06', dateText: 'June 2026', end: '2026-06-30', shape: 'month' }), lanes);
    expect([item.start, item.end, item.shape, item.dateLabel]).toEqual(['2026-06-01', '2026-06-30', 'month', 'June 2026']);
  });

  it('reads the flags, and falls back to the datetime and an empty title', () => {
    const item = itemOf(row({ kind: 'litigation', flags: 'alleged disputed', dateText: null, title: null }), lanes);
    expect([item.alleged, item.disputed, item.lane, item.dateLabel, item.title]).toEqual([true, true, 'litigation', '2026-02-23', '']);
    expect(itemOf(row({ kind: 'unknown-kind' }), lanes).lane).toBe('');
  });

  it('takes the id as the last path segment, under any base', () => {
    expect(eventId('/events/a-b/')).toBe('a-b');
    expect(eventId('/sub/path/events/x/')).toBe('x');
  });
});

describe('visibleItems(items, kinds, actor) and byTime', () => {
  const items = [
    itemOf(row({ href: '/events/b/', when: '2026-03-01', kind: 'litigation', actors: 'alibaba' }), lanes),
    itemOf(row({ href: '/events/a/', when: '2026-03-01', actors: 'anthropic alibaba' }), lanes),
    itemOf(row({ href: '/events/c/', when: '2026-01-05', actors: 'anthropic' }), lanes),
  ];
  const ids = (xs: typeof items) => xs.map((i) => i.id);

  it('filters by kind and by actor, together', () => {
    expect(ids(visibleItems(items, null, ''))).toEqual(['b', 'a', 'c']);
    expect(ids(visibleItems(items, new Set(['litigation']), ''))).toEqual(['b']);
    expect(ids(visibleItems(items, null, 'anthropic'))).toEqual(['a', 'c']);
    expect(ids(visibleItems(items, new Set(['report']), 'alibaba'))).toEqual(['a']);
    expect(visibleItems(items, new Set(), '')).toEqual([]);
  });

  it('orders by day, then by id', () => {
    expect(ids([...items].sort(byTime))).toEqual(['c', 'a', 'b']);
  });
});

describe('PackedList', () => {
  const text = '<section id="m1"><li>1</li></section>\n<section id="m2"></section>\n<section id="m3"></section>\n';
  const fake = () => {
    const inserted: string[] = [];
    const queue: ((d?: IdleDeadline) => void)[] = [];
    const packed = { textContent: text, removed: 0, remove() { this.removed += 1; } };
    const list = { insertAdjacentHTML: (_: 'beforeend', html: string) => void inserted.push(html) };
    return { inserted, queue, packed, list, idle: (f: (d?: IdleDeadline) => void) => void queue.push(f) };
  };
  const deadline = (slices: number): IdleDeadline => ({ didTimeout: false, timeRemaining: () => (slices-- > 0 ? 10 : 0) });

  it('splits the packed text into its months', () => {
    expect(packedMonths(text)).toEqual(['<section id="m1"><li>1</li></section>', '\n<section id="m2"></section>', '\n<section id="m3"></section>']);
  });

  it('moves months in while idle time lasts, then removes the <noscript>', () => {
    const f = fake();
    new PackedList(f.packed, f.list, f.idle).start();
    expect(f.inserted).toHaveLength(0);
    f.queue.shift()!(deadline(2));
    expect(f.inserted).toHaveLength(2);
    expect(f.packed.removed).toBe(0);
    f.queue.shift()!(deadline(5));
    expect(f.inserted.join('')).toBe(text.trimEnd());
    expect(f.packed.removed).toBe(1);
    expect(f.queue).toHaveLength(0);
  });

  it('moves the rest in at once when the index is needed, and never twice', () => {
    const f = fake();
    const list = new PackedList(f.packed, f.list, f.idle);
    list.start();
    f.queue.shift()!(deadline(1));
    list.finish();
    expect(f.inserted).toHaveLength(3);
    list.finish();
    list.start();
    // The idle slice still queued finds nothing left.
    f.queue.forEach((step) => step(deadline(5)));
    expect(f.inserted).toHaveLength(3);
  });

  it('moves everything at once without requestIdleCallback, and does nothing without a packed list', () => {
    const f = fake();
    new PackedList(f.packed, f.list, null).start();
    expect(f.inserted).toHaveLength(3);
    new PackedList(null, f.list, f.idle).finish();
    expect(f.inserted).toHaveLength(3);
  });
});
