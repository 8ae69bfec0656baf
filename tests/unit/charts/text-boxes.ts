/**
 * Test helper: the text of an SVG chart string with estimated boxes, so unit
 * tests can check the readability floors without a browser: font sizes,
 * which texts are direct labels, overlaps and text running out of the chart.
 *
 * Boxes use the charts' own width estimate (src/charts/shared.ts textWidth,
 * DejaVu Sans advances), an ascent of 0.95 em and a descent of 0.25 em.
 * <tspan> lines (x, dy) are separate boxes of one text element.
 */
import { textBox, textWidth, type Box } from '../../../src/charts/shared';

export interface SvgText {
  content: string;
  cls: string;
  fontSize: number;
  bold: boolean;
  /** A direct label, as the browser probe classes it: a class containing "label", or data-label. */
  label: boolean;
  box: Box;
  /** Index of the <text> element the line belongs to. */
  owner: number;
}

const attr = (attrs: string, name: string) => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];
const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Bold by the site's CSS (ChartFigure, StageBar): panel titles, the current stage, marker numbers (and labels of highlighted rows, below). */
const BOLD = /(^|\s)(c-panel-title|sb-label-current|c-marker-text)(\s|$)/;

/** The size of an SVG (its width and height attributes). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /^<svg([^>]*)>/.exec(svg)![1]!;
  return { width: Number(attr(root, 'width')), height: Number(attr(root, 'height')) };
}

/** Every line of text in an SVG string, with its estimated box. */
export function svgTexts(svg: string): SvgText[] {
  const root = /^<svg([^>]*)>/.exec(svg)?.[1] ?? '';
  const rootSize = Number(attr(root, 'font-size') ?? 16);
  const out: SvgText[] = [];
  let owner = 0;
  // Labels inside a highlighted row are bold (ChartFigure: .c-row--highlight .c-label).
  const highlighted = /<g class="c-row[^"]*c-row--highlight[^"]*"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? '';
  for (const m of svg.matchAll(/<text([^>]*)>(.*?)<\/text>/g)) {
    const attrs = m[1]!;
    const cls = attr(attrs, 'class') ?? '';
    const fontSize = Number(attr(attrs, 'font-size') ?? rootSize);
    const anchor = (attr(attrs, 'text-anchor') ?? 'start') as 'start' | 'middle' | 'end';
    const bold = BOLD.test(cls) || attr(attrs, 'font-weight') === '700' || (/(^|\s)c-label(\s|$)/.test(cls) && highlighted.includes(m[0]));
    const label = /(^|[\s-])(label|tl-label|c-label)/.test(cls) || /\sdata-label[=\s>]/.test(` ${attrs}`);
    const x = Number(attr(attrs, 'x') ?? 0);
    const y = Number(attr(attrs, 'y') ?? 0);
    const spans = [...m[2]!.matchAll(/<tspan([^>]*)>(.*?)<\/tspan>/g)];
    if (spans.length === 0) {
      const content = unescape(m[2]!);
      out.push({ content, cls, fontSize, bold, label, box: textBox(x, y, content, fontSize, anchor, bold), owner });
    } else {
      let ty = y;
      for (const s of spans) {
        const sx = Number(attr(s[1]!, 'x') ?? x);
        ty += Number(attr(s[1]!, 'dy') ?? 0);
        const content = unescape(s[2]!);
        out.push({ content, cls, fontSize, bold, label, box: textBox(sx, ty, content, fontSize, anchor, bold), owner });
      }
    }
    owner++;
  }
  return out.filter((t) => t.content.trim() !== '');
}

/** Pairs of overlapping text boxes (lines of one element excepted), described for a failure message. */
export function textOverlaps(svg: string, pad = 0): string[] {
  const texts = svgTexts(svg);
  const found: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i]!;
      const b = texts[j]!;
      if (a.owner === b.owner) continue;
      const w = Math.min(a.box.x1, b.box.x1) - Math.max(a.box.x0, b.box.x0);
      const h = Math.min(a.box.y1, b.box.y1) - Math.max(a.box.y0, b.box.y0);
      if (w > pad && h > pad) found.push(`"${a.content}" × "${b.content}"`);
    }
  }
  return found;
}

/** Text lines whose box runs out of the SVG's width or height. */
export function textOutside(svg: string, slack = 0.5): string[] {
  const { width, height } = svgSize(svg);
  return svgTexts(svg)
    .filter((t) => t.box.x0 < -slack || t.box.x1 > width + slack || t.box.y0 < -slack || t.box.y1 > height + slack)
    .map((t) => `"${t.content}" [${t.box.x0.toFixed(1)}, ${t.box.x1.toFixed(1)}] × [${t.box.y0.toFixed(1)}, ${t.box.y1.toFixed(1)}] in ${width}×${height}`);
}

/** Every readability breach the estimates can see: sizes under the floors, overlaps, text outside, ellipses. */
export function readabilityBreaches(svg: string, floors = { text: 12, label: 13 }): string[] {
  const texts = svgTexts(svg);
  return [
    ...texts.filter((t) => t.fontSize < floors.text).map((t) => `text at ${t.fontSize} px: "${t.content}"`),
    ...texts.filter((t) => t.label && t.fontSize < floors.label).map((t) => `label at ${t.fontSize} px: "${t.content}"`),
    ...texts.filter((t) => /(…|\.\.\.)$/.test(t.content.trim())).map((t) => `ellipsis: "${t.content}"`),
    ...textOverlaps(svg).map((o) => `overlap: ${o}`),
    ...textOutside(svg).map((o) => `outside: ${o}`),
  ];
}

export { textWidth };
