/**
 * The embed's copy of the timeline's zoom arithmetic (src/charts/timeline-zoom.ts).
 * It is separate on purpose: the embed script must import nothing that the
 * timeline island also imports, or the bundler moves it into a shared chunk
 * and the script can no longer be inlined, and then cannot run in sandboxed
 * frames. tests/unit/embed-range.test.ts checks that both give the same answer.
 */
const DAY = 86_400_000;
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Transform mapping marks drawn for the day domain `drawn` onto the days `from`–`to`, along [r0, r1] px. */
export function rangeTransform(drawn: [string, string], from: string, to: string, [r0, r1]: [number, number]): string {
  const [a, b] = [ms(drawn[0]), ms(drawn[1]) + DAY];
  const [c, d] = [ms(from), ms(to) + DAY];
  const k = (b - a) / (d - c);
  const shift = r0 - r0 * k + ((a - c) * (r1 - r0)) / (d - c);
  return `translate(${Math.round(shift * 100) / 100},0) scale(${Math.round(k * 1e4) / 1e4},1)`;
}
