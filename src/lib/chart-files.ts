/**
 * Standalone chart files for downloads and fallbacks: an SVG that carries its
 * own styles (page CSS variables do not travel with a downloaded file) and a
 * PNG rasterised from it with resvg and a shipped font (DejaVu Sans, from the
 * dejavu-fonts-ttf package; Bitstream Vera licence), so output is the same on
 * every machine.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** Light-theme colours for the classes the chart functions emit. */
const STYLE = `
text { font-family: 'DejaVu Sans', sans-serif; font-size: 11px; fill: #1a1a1a; }
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
.c-tick, .c-axis-title, .c-footnote, .c-legend-text, .c-slot-text, .c-band-text, .c-formula, .c-key-date { fill: #595959; }
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
.sb-title { font-size: 14px; font-weight: bold; } .sb-meta { fill: #595959; }
`;

/** Makes chart markup a self-contained file: namespace, white background, embedded styles and a credit line. */
export function standaloneSvg(svg: string, credit: string): string {
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  const width = Number(m?.[1] ?? 960);
  const height = Number(m?.[2] ?? 400);
  const inner = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '');
  const esc = credit.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + 24}" width="${width}" height="${height + 24}">` +
    `<style>${STYLE}${CHART_STYLE}</style><rect width="100%" height="100%" fill="#ffffff"/>${inner}` +
    `<text x="8" y="${height + 16}" class="credit">${esc}</text></svg>`
  );
}

/** Rasterises a standalone SVG at twice its size. */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [FONT, FONT_BOLD], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'zoom', value: 2 },
  });
  return resvg.render().asPng();
}
