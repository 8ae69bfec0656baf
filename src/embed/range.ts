/**
 * The embed's copy of the timeline's zoom arithmetic (src/charts/timeline-zoom.ts),
 * with its own DAY and day parser (src/lib/util/dates.ts has the shared ones).
 * It is separate on purpose: the embed script must import nothing that the
 * timeline island also imports, or the bundler moves it into a shared chunk
 * and the script can no longer be inlined, and then cannot run in sandboxed
 * frames. tests/unit/embed-range.test.ts checks that both give the same answer.
 */
const DAY = 86_400_000;
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The axis break as the SVG's data-break carries it ("g0/g1/k"): time → warped time (see warp in timeline-zoom.ts). */
export function warpOf(attr: string | null | undefined): (t: number) => number {
  const [g0, g1, k] = (attr ?? '').split('/').map(Number) as [number, number, number];
  if (!(g1 > g0 && k > 0 && k < 1)) return (t) => t;
  return (t) => (t <= g0 ? t : t >= g1 ? g0 + (g1 - g0) * k + (t - g1) : g0 + (t - g0) * k);
}

/**
 * Transform mapping marks drawn for the day domain `drawn` onto the days `from`–`to`, along
 * [r0, r1] px of the time axis (the SVG's data-range), across the axis break `u` if any.
 */
export function rangeTransform(
  drawn: [string, string],
  from: string,
  to: string,
  [r0, r1]: [number, number],
  u: (t: number) => number = (t) => t,
  orientation: 'horizontal' | 'vertical' = 'horizontal',
): string {
  const [a, b] = [u(ms(drawn[0])), u(ms(drawn[1]) + DAY)];
  const [c, d] = [u(ms(from)), u(ms(to) + DAY)];
  const k = (b - a) / (d - c);
  const shift = Math.round((r0 - r0 * k + ((a - c) * (r1 - r0)) / (d - c)) * 100) / 100;
  const kText = Math.round(k * 1e4) / 1e4;
  return orientation === 'horizontal' ? `translate(${shift},0) scale(${kText},1)` : `translate(0,${shift}) scale(1,${kText})`;
}
