/**
 * Helpers shared by the campaign-scale, intensity and market charts. Pure
 * string building: no DOM, no Astro, so the same code renders at build time
 * and in the browser island.
 */
import { nice, ticks } from 'd3-array';

/** Rounds a coordinate to two decimals, so snapshots stay stable and markup small. */
export function r2(n: number): number {
  const rounded = Math.round(n * 100) / 100;
  // Avoid "-0" in the markup.
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Escapes text for use in SVG content and attribute values. */
export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export type AttrValue = string | number | null | undefined | false;

/** Serialises attributes; numbers are rounded, empty values dropped. */
export function attrs(a: Record<string, AttrValue>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== null && v !== undefined && v !== false)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? r2(v) : esc(String(v))}"`)
    .join('');
}

/** One SVG element; `children` is already-escaped markup. Without children the element self-closes. */
export function el(tag: string, a: Record<string, AttrValue>, children?: string): string {
  return children === undefined ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${children}</${tag}>`;
}

/** A text element with escaped content. */
export function text(a: Record<string, AttrValue>, content: string): string {
  return el('text', a, esc(content));
}

/**
 * Compact axis label: 100000 → "100K", 1000000 → "1M", 2500000 → "2.5M".
 * Axis ticks only; values themselves are written out ("28.8 million").
 */
export function compactTick(value: number): string {
  const abs = Math.abs(value);
  const trim = (n: number) => String(Number(n.toFixed(2)));
  if (abs >= 1e9) return `${trim(value / 1e9)}B`;
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e3) return `${trim(value / 1e3)}K`;
  return trim(value);
}

/**
 * Rough width of a label in pixels. Charts are laid out without a DOM, so
 * widths are estimated from an average glyph width of system sans-serif fonts.
 */
export function textWidth(content: string, fontSize: number): number {
  return content.length * fontSize * 0.6;
}

export interface SvgFrame {
  /** Prefix for ids inside the SVG; unique on the page. */
  id: string;
  width: number;
  height: number;
  title: string;
  desc: string;
  className: string;
  fontSize: number;
}

/**
 * The outer <svg>: role="img", named by its <title> and described by its
 * <desc>, both generated from the data by the caller.
 */
export function svgFrame(f: SvgFrame, body: string): string {
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${r2(f.width)} ${r2(f.height)}`,
      width: f.width,
      height: f.height,
      role: 'img',
      'aria-labelledby': `${f.id}-title`,
      'aria-describedby': `${f.id}-desc`,
      class: `chart ${f.className}`,
      'font-size': f.fontSize,
    },
    `${el('title', { id: `${f.id}-title` }, esc(f.title))}${el('desc', { id: `${f.id}-desc` }, esc(f.desc))}${body}`,
  );
}

/** Joins sentences for a description, skipping empty ones. */
export function sentences(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => Boolean(p)).join(' ');
}

/** Merges options over defaults, ignoring keys explicitly set to undefined. */
export function withDefaults<T extends object>(defaults: T, options: Partial<T>): T {
  const merged = { ...defaults };
  for (const [k, v] of Object.entries(options)) {
    if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  }
  return merged;
}

/** Breaks text into lines no wider than `maxWidth` (estimated), at spaces. */
export function wrap(content: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of content.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface Scale {
  (value: number): number;
  domain: [number, number];
  ticks(count: number): number[];
}

/**
 * A linear scale, optionally with a "nice" domain, built on d3-array alone:
 * the campaign-scale chart runs in the island too, and d3-scale would
 * triple the island's size for two straight lines of arithmetic.
 */
export function linearScale(domain: [number, number], range: [number, number], niceCount = 0): Scale {
  const [d0, d1] = niceCount > 0 ? nice(domain[0], domain[1], niceCount) : domain;
  const span = d1 - d0 || 1;
  const f = ((v: number) => range[0] + ((v - d0) / span) * (range[1] - range[0])) as Scale;
  f.domain = [d0, d1];
  f.ticks = (count: number) => ticks(d0, d1, count);
  return f;
}

/** A base-10 log scale between two positive bounds. */
export function logScale(domain: [number, number], range: [number, number]): (value: number) => number {
  const [l0, l1] = [Math.log10(domain[0]), Math.log10(domain[1])];
  return (v: number) => range[0] + ((Math.log10(v) - l0) / (l1 - l0 || 1)) * (range[1] - range[0]);
}
