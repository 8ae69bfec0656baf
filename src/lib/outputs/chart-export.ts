/**
 * Standalone chart files for downloads and fallbacks: an SVG that carries its
 * own styles (page CSS variables do not travel with a downloaded file) and a
 * PNG rasterised from it with resvg and a shipped font (DejaVu Sans, from the
 * dejavu-fonts-ttf package; Bitstream Vera licence), so output is the same on
 * every machine.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { wrap } from '../../charts/shared';
import { esc } from '../util/markup';
import { SITE_NAME } from '../util/site';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** Light-theme colours for the classes the chart functions emit. */
const STYLE = `
text { font-family: 'DejaVu Sans', sans-serif; fill: #1a1a1a; }
.x-title { font-size: 20px; font-weight: bold; }
.x-desc { font-size: 14px; fill: #595959; }
.x-foot { font-size: 12px; fill: #595959; }
.x-brand { font-size: 12px; font-weight: bold; }
.x-rule { stroke: #d6d6d6; stroke-width: 1; }
.timeline-svg text { font-size: 12px; } .timeline-svg .tl-label, .timeline-svg .tl-lane-label, .timeline-svg .tl-asof-label { font-size: 13px; }
.tl-hit { fill: none; } .tl-break-band { fill: #f5f5f2; } .tl-break path { stroke: #595959; stroke-width: 1.5; fill: none; } .tl-rail { stroke: #d6d6d6; stroke-width: 2; } .tl-meta { fill: #595959; }
.tl-tick path, .tl-lane-rule { stroke: #d6d6d6; fill: none; }
.tl-tick text, .tl-lane-head { fill: #595959; }
.tl-lane-label { font-weight: bold; }
.tl-asof path { stroke: #c2410c; stroke-dasharray: 4 3; stroke-width: 1.5; fill: none; }
.tl-asof-label { fill: #c2410c; font-weight: bold; }
.tl-dense-note { fill: #595959; }
.tl-leader { stroke: #595959; fill: none; stroke-width: 0.75; }
.tl-dot { stroke: #0b5cad; stroke-width: 11; stroke-linecap: round; }
.tl-bar { fill: #0b5cad; stroke: #0b5cad; stroke-width: 1.5; }
.tl-month .tl-bar { fill: #f5f5f2; stroke-dasharray: 4 2; }
.tl-uncertain .tl-bar { fill: #fdecee; stroke: #9b1c31; stroke-dasharray: 3 2; }
.kind-activity .tl-bar { fill: #fff3e0; stroke: #8a4b00; }
.is-alleged .tl-dot { stroke: #8a4b00; }
.is-disputed .tl-dot { stroke: #9b1c31; }
`;

/** Light-theme colours for the campaign and market charts' classes (src/components/charts/ChartFigure.astro). */
const CHART_STYLE = `
.c-tick, .c-axis-title, .c-footnote, .c-legend-text, .c-slot-text, .c-band-label, .c-formula, .c-key-date { fill: #595959; }
.c-grid { stroke: #d6d6d6; } .c-rule { stroke: #d6d6d6; } .c-baseline, .c-tick-mark { stroke: #595959; }
.c-bar { fill: #0b5cad; } .c-bar--aggregate { fill: #d4e4f7; stroke: #0b5cad; stroke-width: 2; }
.c-slot { fill: #ffffff; stroke: #595959; stroke-width: 1.5; } .c-panel-title { font-weight: bold; }
.c-band { fill: #ebe8df; } .c-event-line { stroke: #595959; stroke-dasharray: 2 3; }
.c-event-line--disputed { stroke: #b3261e; stroke-width: 1.5; } .c-bracket { stroke: #1a1a1a; stroke-width: 2; }
.c-marker { fill: #ffffff; stroke: #1a1a1a; stroke-width: 1.5; } .c-marker-text { font-weight: bold; }
.c-move-line { stroke: #1a1a1a; stroke-width: 1.5; } .c-point--reported { fill: #1a1a1a; }
.c-point--derived { fill: #ffffff; stroke: #1a1a1a; stroke-width: 2; }
.c-halo { paint-order: stroke; stroke: #ffffff; stroke-width: 4px; stroke-linejoin: round; }
.stage-bar { color: #595959; } .sb-seg-done, .sb-done, .sb-current { color: #0b5cad; } .sb-ring { color: #1a1a1a; }
.sb-title { font-size: 14px; font-weight: bold; } .sb-meta { font-size: 12px; fill: #595959; }
`;

/** Width of an exported chart in CSS px; the PNG is drawn at 2× (EXPORT_SCALE), as Datawrapper exports. */
export const EXPORT_WIDTH = 600;
export const EXPORT_SCALE = 2;
/** Space around the chart inside the export. */
export const EXPORT_PAD = 16;

export interface ExportFrame {
  title: string;
  /** One line on what the chart shows; wrapped. */
  description?: string;
  /** Draws the chart at the width it is given (EXPORT_WIDTH less the padding). */
  chart: (width: number) => string;
  /** "Source: Kira Nolan; Vera Flux." */
  sourceLine: string;
  /** E.g. "Figures alleged by Anthropic; not independently verified." */
  note?: string;
  /** "As of June 26, 2026" */
  asOf: string;
}

/** Size of an SVG from its width/height (or viewBox). */
export function svgSize(svg: string): { width: number; height: number } {
  const open = /^<svg[^>]*>/.exec(svg)?.[0] ?? '';
  const vb = /viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"/.exec(open);
  const w = /\swidth="([\d.]+)"/.exec(open);
  const h = /\sheight="([\d.]+)"/.exec(open);
  return { width: Number(w?.[1] ?? vb?.[1] ?? 960), height: Number(h?.[1] ?? vb?.[2] ?? 400) };
}


/** Lines of text as SVG, one <text> per line, from baseline `y`; returns the markup and the y after the last line. */
function lines(content: string, cls: string, size: number, y: number, width: number, lineHeight = 1.35, bold = false): { svg: string; y: number } {
  let svg = '';
  for (const line of wrap(content, width, size, bold)) {
    y += size * lineHeight;
    svg += `<text class="${cls}" x="${EXPORT_PAD}" y="${Math.round(y - size * 0.3)}">${esc(line)}</text>`;
  }
  return { svg, y };
}

/**
 * A chart as a self-contained file, laid out as Datawrapper exports it: the
 * title, a one-line description, the chart drawn at EXPORT_WIDTH less the
 * padding (never scaled), a rule, then the source line, any note and the
 * as-of date with the site's name. White background and the light theme's
 * colours embedded, since page CSS does not travel with a download.
 */
export function exportSvg(f: ExportFrame, width = EXPORT_WIDTH): string {
  const inner = width - 2 * EXPORT_PAD;
  let y = EXPORT_PAD - 4;
  const title = lines(f.title, 'x-title', 20, y, inner, 1.25, true);
  y = title.y;
  const desc = f.description ? lines(f.description, 'x-desc', 14, y + 2, inner) : { svg: '', y };
  y = desc.y + 10;
  const chart = f.chart(inner);
  const size = svgSize(chart);
  const nested = chart.replace(/^<svg /, `<svg x="${EXPORT_PAD}" y="${y}" `);
  y += size.height + 8;
  const rule = `<path class="x-rule" d="M${EXPORT_PAD} ${y}H${width - EXPORT_PAD}"/>`;
  const foot = lines([f.sourceLine, f.note].filter(Boolean).join(' '), 'x-foot', 12, y + 2, inner);
  y = foot.y;
  const brand = lines(`${f.asOf} · ${SITE_NAME}`, 'x-brand', 12, y, inner, 1.35, true);
  const height = Math.ceil(brand.y + EXPORT_PAD - 4);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<style>${STYLE}${CHART_STYLE}</style><rect width="100%" height="100%" fill="#ffffff"/>` +
    `${title.svg}${desc.svg}${nested}${rule}${foot.svg}${brand.svg}</svg>`
  );
}

/** Rasterises an exported SVG at EXPORT_SCALE (a 600 px export becomes a 1,200 px PNG). */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [FONT, FONT_BOLD], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'zoom', value: EXPORT_SCALE },
  });
  return resvg.render().asPng();
}
