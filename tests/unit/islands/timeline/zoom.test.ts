import { describe, expect, it } from 'vitest';
import { domainMs, warp, zoomTransform } from '../../../../src/charts/timeline-zoom';
import { DAY, dayMs } from '../../../../src/lib/util/dates';
import { center, clampU, fromU, MIN_SPAN, msPerPx, pan, previewAttr, previewCss, revealSpan, timeAt, toU, tween, widthU, zoomAt, type Frame } from '../../../../src/islands/timeline/zoom';

// The story's shape: an empty 2025 drawn at a tenth of its length, then a dense 2026.
const full = domainMs(['2025-01-01', '2026-06-30']);
const brk = { g0: dayMs('2025-02-01'), g1: dayMs('2026-01-01'), k: 0.1 };
const f: Frame = { warp: brk, full };
const plain: Frame = { warp: null, full };
const range: [number, number] = [150, 944];

describe('zoomAt(frame, span, factor, at)', () => {
  it('halves the view around the time under the pointer, which stays where it was on screen', () => {
    const at = dayMs('2026-03-01');
    const z = zoomAt(f, full, 2, at);
    expect(widthU(f, z)).toBeCloseTo(widthU(f, full) / 2, -3);
    const share = (s: [number, number]) => (warp(brk, at) - toU(f, s)[0]) / widthU(f, s);
    expect(share(z)).toBeCloseTo(share(full), 9);
  });

  it('never zooms in below a week nor out beyond the full view, and keeps the view inside it', () => {
    const week = zoomAt(f, full, 1e9, dayMs('2026-04-01'));
    expect(widthU(f, week)).toBeCloseTo(MIN_SPAN, -1);
    expect(zoomAt(f, week, 1e-9, dayMs('2026-04-01'))).toEqual(full);
    const late = domainMs(['2026-06-20', '2026-06-30']);
    const out = zoomAt(f, late, 0.5, dayMs('2026-06-21'));
    expect(out[1]).toBeCloseTo(full[1], 0);
    expect(widthU(f, out)).toBeCloseTo(2 * widthU(f, late), 0);
  });

  it('is linear in warped time across the break: zooming out of a view inside 2025 widens it by the warped factor', () => {
    const inside: [number, number] = [dayMs('2025-03-01'), dayMs('2025-09-01')];
    const out = zoomAt(f, inside, 0.5, center(f, inside));
    expect(widthU(f, out)).toBeCloseTo(2 * widthU(f, inside), -3);
    // Without a break the same zoom is plain time.
    expect(zoomAt(plain, inside, 0.5, center(plain, inside))[1] - zoomAt(plain, inside, 0.5, center(plain, inside))[0]).toBeCloseTo(2 * (inside[1] - inside[0]), -3);
  });
});

describe('pan, clampU and fromU', () => {
  const june: [number, number] = domainMs(['2026-06-01', '2026-06-14']);

  it('pans by warped time and stops at the ends without resizing', () => {
    const later = pan(f, june, 3 * DAY);
    expect(later[0]).toBeCloseTo(dayMs('2026-06-04'), 0);
    expect(later[1]).toBeCloseTo(dayMs('2026-06-18'), 0);
    const earlier = pan(f, june, -400 * DAY);
    expect(earlier[0]).toBe(full[0]);
    const end = pan(f, june, 100 * DAY);
    expect(end[1]).toBe(full[1]);
    expect(widthU(f, end)).toBeCloseTo(widthU(f, june), -1);
  });

  it('gives the full view exactly at its ends (no rounding through the break)', () => {
    const [f0, f1] = toU(f, full);
    expect(fromU(f, [f0 - 1, f1 + 1])).toEqual(full);
    const c = clampU(f, [f0 - 10, f1 - 10 - 5]);
    expect(c[0]).toBe(f0);
    expect(c[1]).toBeCloseTo(f1 - 5, 0);
  });
});

describe('timeAt and msPerPx', () => {
  it('maps the ends of the axis range to the ends of the view, clamping outside it', () => {
    const june = domainMs(['2026-06-01', '2026-06-30']);
    expect(timeAt(f, june, range, 150)).toBeCloseTo(june[0], 0);
    expect(timeAt(f, june, range, 0)).toBeCloseTo(june[0], 0);
    expect(timeAt(f, june, range, 944)).toBeCloseTo(june[1], 0);
    expect(timeAt(f, june, range, 2000)).toBeCloseTo(june[1], 0);
    expect(timeAt(f, june, range, 547)).toBeCloseTo(dayMs('2026-06-16'), 0);
    // Across the break a pixel is worth ten times as much time inside it as outside.
    const both = domainMs(['2025-01-01', '2026-01-31']);
    const px = (t: number) => 150 + ((warp(brk, t) - toU(f, both)[0]) / widthU(f, both)) * 794;
    expect(timeAt(f, both, range, px(dayMs('2025-07-01')))).toBeCloseTo(dayMs('2025-07-01'), -1);
    const step = (t: number) => timeAt(f, both, range, px(t) + 1) - timeAt(f, both, range, px(t));
    expect(step(dayMs('2025-07-01')) / step(dayMs('2026-01-15'))).toBeCloseTo(10, 6);
  });

  it('gives warped ms per screen px for a chart shown at another size', () => {
    const june = domainMs(['2026-06-01', '2026-06-30']);
    // 794 units of axis in a 960-unit chart shown 480 px wide: 397 px for 30 days.
    expect(msPerPx(f, june, [150, 944], 480, 960)).toBeCloseTo((30 * DAY) / 397, 2);
  });
});

describe('tween(frame, from, to, i, steps)', () => {
  it('moves linearly in warped time and lands on the target exactly', () => {
    const to: [number, number] = domainMs(['2026-05-01', '2026-05-31']);
    const mid = tween(f, full, to, 1, 2);
    expect(toU(f, mid)[0]).toBeCloseTo((toU(f, full)[0] + toU(f, to)[0]) / 2, -1);
    expect(tween(f, full, to, 2, 2)).toBe(to);
    expect(tween(f, full, to, 0, 8)).toEqual(full);
  });
});

describe('revealSpan(frame, span, t, dense)', () => {
  const june = domainMs(['2026-06-01', '2026-06-30']);

  it('keeps the view when the time is in it and it is not dense', () => {
    const r = revealSpan(f, june, dayMs('2026-06-10'), () => false);
    expect(r[0]).toBeCloseTo(june[0], 0);
    expect(r[1]).toBe(june[1]);
  });

  it('centres a view as wide on a time outside it', () => {
    const r = revealSpan(f, june, dayMs('2026-03-15'), () => false);
    expect(widthU(f, r)).toBeCloseTo(widthU(f, june), -1);
    expect(center(f, r)).toBeCloseTo(dayMs('2026-03-15'), -1);
  });

  it('halves around the time while dense, never below a week', () => {
    const widths: number[] = [];
    const r = revealSpan(f, full, dayMs('2026-04-01'), (s) => (widths.push(widthU(f, s)), widthU(f, s) > 20 * DAY));
    expect(widthU(f, r)).toBeLessThanOrEqual(20 * DAY);
    expect(widths[1]).toBeCloseTo(widths[0]! / 2, -1);
    const always = revealSpan(f, full, dayMs('2026-04-01'), () => true);
    expect(widthU(f, always)).toBeCloseTo(MIN_SPAN, -1);
  });
});

describe('previewCss and previewAttr', () => {
  const june = domainMs(['2026-06-01', '2026-06-30']);
  const firstHalf = domainMs(['2026-06-01', '2026-06-15']);

  it('scales the chart drawn for one view onto another, in screen px', () => {
    const css = previewCss(plain, june, firstHalf, range, 480, 960);
    const [, x, k] = /^translateX\((-?[\d.]+)px\) scaleX\(([\d.]+)\)$/.exec(css)!;
    expect(Number(k)).toBeCloseTo(2, 1);
    // The left end of the axis stays put: x' = k·x + shift = x at x = 150 (in chart units; half in px).
    expect(Number(x)).toBeCloseTo(((150 - 150 * Number(k)) * 480) / 960, 1);
  });

  it("draws the vertical layout's frame with the chart's own zoom transform", () => {
    expect(previewAttr(plain, june, firstHalf, [20, 620])).toBe('translate(0,-20) scale(1,2)');
    expect(previewAttr(f, june, firstHalf, [20, 620])).toBe(zoomTransform(toU(f, june), toU(f, firstHalf), [20, 620], 'vertical'));
  });
});
