import { describe, expect, it } from 'vitest';
import { domainMs } from '../../../../src/charts/timeline-zoom';
import type { Item } from '../../../../src/islands/timeline/data';
import { keyAction, PointerGesture, wheelAction, type KeyContext } from '../../../../src/islands/timeline/gestures';

describe('wheelAction(event, horizontal)', () => {
  it('zooms with the wheel, in when scrolling up, faster for a pinch (ctrl+wheel)', () => {
    expect(wheelAction({ deltaX: 0, deltaY: -100, ctrlKey: false }, true)).toEqual({ type: 'zoom', factor: Math.exp(0.2) });
    expect(wheelAction({ deltaX: 0, deltaY: 100, ctrlKey: true }, true)).toEqual({ type: 'zoom', factor: Math.exp(-1) });
  });

  it('pans the horizontal layout with a sideways scroll', () => {
    expect(wheelAction({ deltaX: 80, deltaY: 10, ctrlKey: false }, true)).toEqual({ type: 'pan', fraction: 0.1 });
  });

  it('leaves the wheel to the page in the vertical layout, except a pinch', () => {
    expect(wheelAction({ deltaX: 0, deltaY: 100, ctrlKey: false }, false)).toBeNull();
    expect(wheelAction({ deltaX: 80, deltaY: 0, ctrlKey: false }, false)).toBeNull();
    expect(wheelAction({ deltaX: 0, deltaY: -50, ctrlKey: true }, false)).toEqual({ type: 'zoom', factor: Math.exp(0.5) });
  });
});

describe('PointerGesture', () => {
  const span = domainMs(['2026-01-01', '2026-06-30']);
  const timeAt = (pos: number) => pos * 1000;

  it('drags after 3 px, relative to where the drag began, and marks the gesture as a drag', () => {
    const g = new PointerGesture();
    g.down(1, 100, span, true, timeAt);
    expect(g.move(1, 102)).toBeNull();
    expect(g.dragged).toBe(false);
    expect(g.move(1, 140)).toEqual({ type: 'drag', from: span, dx: 40 });
    expect(g.move(1, 90)).toEqual({ type: 'drag', from: span, dx: -10 });
    expect(g.dragged).toBe(true);
    g.up(1);
    expect(g.move(1, 200)).toBeNull();
  });

  it('does not drag where it may not (the vertical layout scrolls the page)', () => {
    const g = new PointerGesture();
    g.down(1, 100, span, false, timeAt);
    expect(g.move(1, 300)).toBeNull();
  });

  it('pinches with two pointers around the time between them, by the ratio of their distances', () => {
    const g = new PointerGesture();
    g.down(1, 100, span, true, timeAt);
    g.down(2, 300, span, true, timeAt);
    expect(g.move(2, 500)).toEqual({ type: 'pinch', from: span, factor: 2, at: 200_000 });
    g.up(2);
    // One finger left: neither a pinch nor a drag (the drag ended when the second finger came down).
    expect(g.move(1, 150)).toBeNull();
  });

  it('ignores pointers it never saw go down', () => {
    expect(new PointerGesture().move(7, 10)).toBeNull();
  });
});

describe('keyAction(key, shift, context)', () => {
  const item = (id: string, start: string, lane: string, end = start): Item => ({
    id, title: id, start, end, shape: 'point', lane, dateLabel: start, href: `/events/${id}/`, alleged: false, disputed: false, kind: lane, actors: [],
  });
  const items = [
    item('a', '2026-02-01', 'disclosures'),
    item('b', '2026-03-01', 'policy'),
    item('c', '2026-03-10', 'disclosures'),
    item('d', '2026-04-01', 'litigation'),
    item('e', '2026-05-01', 'policy'),
  ];
  const ctx = (over: Partial<KeyContext>): KeyContext => ({
    horizontal: true, selected: false, focused: 'c', items, span: domainMs(['2026-01-01', '2026-06-30']), lanes: ['disclosures', 'policy', 'litigation'], ...over,
  });
  const to = (key: string, over: Partial<KeyContext> = {}, shift = false) => {
    const a = keyAction(key, shift, ctx(over));
    return a?.type === 'go' ? (a.to?.id ?? 'nothing') : a;
  };

  it('steps through time with ← → (↑ ↓ in the vertical layout), and to the ends with Home and End', () => {
    expect([to('ArrowRight'), to('ArrowLeft'), to('Home'), to('End')]).toEqual(['d', 'b', 'a', 'e']);
    expect([to('ArrowDown', { horizontal: false }), to('ArrowUp', { horizontal: false })]).toEqual(['d', 'b']);
    expect(to('ArrowRight', { focused: 'e' })).toBe('nothing');
  });

  it('moves across lanes to the nearest event in time, skipping empty lanes', () => {
    expect(to('ArrowDown')).toBe('b');
    expect(to('ArrowUp', { focused: 'd' })).toBe('e');
    expect(to('ArrowDown', { focused: 'a', lanes: ['disclosures', 'hearings', 'litigation'] })).toBe('d');
    expect(to('ArrowUp', { focused: 'a' })).toBe('nothing');
    expect(to('ArrowRight', { focused: 'b', horizontal: false })).toBe('d');
  });

  it('from the density view steps to the first event in view, or the last one before its end', () => {
    const span = domainMs(['2026-03-05', '2026-04-15']);
    expect(to('ArrowRight', { focused: null, span })).toBe('c');
    expect(to('ArrowDown', { focused: null, span })).toBe('c');
    expect(to('ArrowLeft', { focused: null, span })).toBe('d');
    expect(to('ArrowRight', { focused: null, span: domainMs(['2026-06-01', '2026-06-30']) })).toBe('e');
  });

  it('pans with Shift and the time keys, zooms with + = − 0', () => {
    expect(keyAction('ArrowRight', true, ctx({}))).toEqual({ type: 'pan', direction: 1 });
    expect(keyAction('ArrowUp', true, ctx({ horizontal: false }))).toEqual({ type: 'pan', direction: -1 });
    expect(['+', '=', '-', '0'].map((k) => keyAction(k, false, ctx({})))).toEqual([
      { type: 'zoom', button: 'in' }, { type: 'zoom', button: 'in' }, { type: 'zoom', button: 'out' }, { type: 'zoom', button: 'reset' },
    ]);
  });

  it('closes the details with Escape from anywhere, and ignores other keys away from the chart', () => {
    expect(keyAction('Escape', false, ctx({ selected: true, focused: undefined }))).toEqual({ type: 'close' });
    expect(keyAction('Escape', false, ctx({ selected: false }))).toBeNull();
    expect(keyAction('ArrowRight', false, ctx({ focused: undefined }))).toBeNull();
    expect(keyAction('Enter', false, ctx({}))).toBeNull();
    expect(keyAction('a', false, ctx({}))).toBeNull();
  });
});
