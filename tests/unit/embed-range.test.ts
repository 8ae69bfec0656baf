import { describe, expect, it } from 'vitest';
import { rangeTransform } from '../../src/embed/range';
import { domainMs, zoomTransform } from '../../src/charts/timeline-zoom';

describe("the embed's range transform matches the timeline's zoom transform", () => {
  it.each([
    [['2024-12-18', '2026-07-10'], '2026-06-01', '2026-06-30'],
    [['2024-12-18', '2026-07-10'], '2024-12-18', '2026-07-10'],
    [['2026-01-01', '2026-03-31'], '2025-06-01', '2026-12-31'],
    [['2026-04-22', '2026-06-05'], '2026-05-01', '2026-05-01'],
  ] as [[string, string], string, string][])('drawn %j, shown %s to %s', (drawn, from, to) => {
    expect(rangeTransform(drawn, from, to, [150, 944])).toBe(zoomTransform(domainMs(drawn), domainMs([from, to]), [150, 944], 'horizontal'));
  });
});
