/** Small helpers shared by the chart functions: escaping and rounding for stable SVG text. */

/** Escapes text for SVG/HTML element content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Rounds to two decimals so snapshots are stable across machines. */
export function r2(n: number): number {
  return Math.round(n * 100) / 100;
}
