/**
 * Helpers shared by the chart functions: elements, text measurement, ticks
 * and scales (escaping and rounding are src/lib/util/markup.ts). Pure string
 * building: no DOM, no Astro, so the same code renders at build time and in
 * the browser islands.
 */
import { nice, ticks } from 'd3-array';
import { esc, r2 } from '../lib/util/markup';

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
 * Advance widths (em) of DejaVu Sans, the widest of the fonts the site's
 * system-ui stack lands on (Linux); Helvetica, Arial, Segoe UI and Roboto are
 * narrower, so a layout that fits these widths fits on every platform.
 */
const ADVANCE: Record<string, number> = {
  ' ': 0.318, a: 0.613, b: 0.635, c: 0.55, d: 0.635, e: 0.615, f: 0.352, g: 0.635, h: 0.634, i: 0.278, j: 0.278, k: 0.579,
  l: 0.278, m: 0.974, n: 0.634, o: 0.612, p: 0.635, q: 0.635, r: 0.411, s: 0.521, t: 0.392, u: 0.634, v: 0.592, w: 0.818,
  x: 0.592, y: 0.592, z: 0.525, A: 0.684, B: 0.686, C: 0.698, D: 0.77, E: 0.632, F: 0.575, G: 0.775, H: 0.752, I: 0.295,
  J: 0.295, K: 0.656, L: 0.557, M: 0.863, N: 0.748, O: 0.787, P: 0.603, Q: 0.787, R: 0.695, S: 0.635, T: 0.611, U: 0.732,
  V: 0.684, W: 0.989, X: 0.685, Y: 0.611, Z: 0.685, ',': 0.318, '.': 0.318, ':': 0.337, ';': 0.337, '-': 0.361, '(': 0.39,
  ')': 0.39, '$': 0.636, '%': 0.95, '*': 0.5, '/': 0.337, "'": 0.275, '’': 0.318, '&': 0.78, '+': 0.838, '=': 0.838,
  '−': 0.838, '÷': 0.838, '≈': 0.838, '–': 0.5, '—': 1, '·': 0.318, '?': 0.531, '!': 0.4,
};

/**
 * Estimated width of a label in pixels. Charts are laid out without a DOM, so
 * widths come from the advance widths above (digits 0.636 em, unknown
 * characters 0.7 em); bold text is about 15% wider.
 */
export function textWidth(content: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of content) em += ch >= '0' && ch <= '9' ? 0.636 : (ADVANCE[ch] ?? 0.7);
  return em * fontSize * (bold ? 1.15 : 1);
}

/** An axis-aligned box in SVG units. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The estimated box of one line of text drawn at (x, y) with its baseline at
 * y: from an ascent of 0.95 em above it to a descent of 0.25 em below it, as
 * the browser's text boxes run.
 */
export function textBox(x: number, y: number, content: string, fontSize: number, anchor: 'start' | 'middle' | 'end' = 'start', bold = false): Box {
  const w = textWidth(content, fontSize, bold);
  const x0 = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
  return { x0, y0: y - fontSize * 0.95, x1: x0 + w, y1: y + fontSize * 0.25 };
}

/** True when two boxes overlap by more than `pad` px both ways (a negative pad asks for a gap). */
export function boxesOverlap(a: Box, b: Box, pad = 0): boolean {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > pad && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > pad;
}

/**
 * How many x ticks a plot this wide has room for: about one per 80 px, as
 * Observable Plot does, and at least two.
 */
export function tickBudget(plotWidth: number, perTick = 80): number {
  return Math.max(2, Math.floor(plotWidth / perTick));
}

/**
 * True when centred tick labels at these x positions leave at least `gap` px
 * between neighbours and stay inside [lo, hi].
 */
export function ticksFit(xs: number[], labels: string[], fontSize: number, lo: number, hi: number, gap = 8): boolean {
  let end = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const w = textWidth(labels[i]!, fontSize);
    const x0 = xs[i]! - w / 2;
    if (x0 < lo - 0.5 || x0 + w > hi + 0.5 || x0 < end + gap) return false;
    end = x0 + w;
  }
  return true;
}

/**
 * Ticks of a linear scale for a plot this wide: of the tick sets d3 gives
 * for counts up to one over `tickBudget`, those whose labels `fit` and that
 * keep within two of the budget, the one nearest a tick per 80 px (ties to
 * more ticks); the two ends of the domain when none fits.
 */
export function budgetTicks(scale: { ticks(count: number): number[]; domain(): number[] }, plotWidth: number, fit: (ticks: number[]) => boolean): number[] {
  const budget = tickBudget(plotWidth);
  let best: number[] | null = null;
  for (let count = 1; count <= budget + 1; count++) {
    const t = scale.ticks(count);
    if (t.length > budget + 2 || !fit(t)) continue;
    if (!best || Math.abs(t.length - (budget + 1)) <= Math.abs(best.length - (budget + 1))) best = t;
  }
  if (best) return best;
  const [d0, d1] = scale.domain();
  return [d0!, d1!];
}

/** One <text> per line, `lineHeight` apart, the first line's baseline at attributes' y. */
export function textLines(a: Record<string, AttrValue> & { y: number }, lines: string[], lineHeight: number): string {
  return lines.map((l, i) => text({ ...a, y: a.y + i * lineHeight }, l)).join('');
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

/** Breaks text into lines no wider than `maxWidth` (estimated), at spaces, never after a lone separator. */
export function wrap(content: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  // A lone separator ("·", "–", "—") starts the next line with its word rather than ending a line.
  const words: string[] = [];
  for (const w of content.split(/\s+/).filter(Boolean)) {
    if (words.length > 0 && /^[·–—]$/.test(words[words.length - 1]!)) words[words.length - 1] += ` ${w}`;
    else words.push(w);
  }
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize, bold) > maxWidth) {
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
