/**
 * Escaping and rounding for generated markup (SVG, HTML attributes, XML): the
 * only definitions, used by the chart functions, the chart files and the feeds.
 */

/** Escapes text for SVG, HTML and XML content and attribute values, quotes of both kinds included. */
export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Rounds a coordinate to two decimals, so snapshots stay stable and markup small; never "-0". */
export function r2(n: number): number {
  const rounded = Math.round(n * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}
