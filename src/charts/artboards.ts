/**
 * Artboards: a chart drawn at a few fixed widths, for readers without
 * JavaScript (as NYT's ai2html does). CSS container queries on the chart's
 * canvas show the one artboard whose range holds the canvas width
 * (src/styles/artboards.css), so a chart is never scaled down: the artboard
 * shown is at most as wide as its container and is stretched up to fill it,
 * by at most the ratio to the next width (about 1.2×). With JavaScript, an
 * island may replace the artboards with one SVG drawn at the measured width.
 *
 * Pure: no DOM, no Astro.
 */

/** Artboard widths (px) for charts inside a page: the figure is at most 42rem (672 px) wide. */
export const PAGE_ARTBOARDS = [280, 340, 400, 480, 560, 640] as const;

/**
 * Artboard widths (px) for embeds, whose frame is the host's column: finer
 * steps across phone widths (a 390 px frame gets the 360 artboard, 8% stretched,
 * not the 340 one at 15%, which made tall charts taller than the embed height
 * limit), and wider ones for desktop columns.
 */
export const EMBED_ARTBOARDS = [280, 320, 360, 400, 480, 560, 640, 760, 960] as const;

/**
 * Artboard widths (px) for a chart inside a padded panel (the instrument
 * page's status box), whose canvas is under 280 px on a 320 px screen.
 */
export const PANEL_ARTBOARDS = [240, ...PAGE_ARTBOARDS] as const;

/**
 * The timeline's artboards (src/components/timeline/TimelineChart.astro): it
 * spans the wide column (up to 992 px), so it goes up to 960; a sparse set
 * keeps the page small at thousands of events, and no artboard is stretched
 * by more than about 1.4×. Below 560 px each is the vertical rail.
 */
export const TIMELINE_ARTBOARDS = [280, 400, 560, 760, 960] as const;
/** When the default view is a density view (no labels): the rail and two widths of lanes. */
export const TIMELINE_DENSE_ARTBOARDS = [280, 560, 960] as const;
/**
 * The embed's: more widths, as the embed has no island to redraw it at the frame's width; 640 for the usual
 * article column, where it is the rail of every title at 1:1 (the 560 one stretched 1.14× was 571 px tall).
 */
export const TIMELINE_EMBED_ARTBOARDS = [280, 320, 360, 400, 560, 640, 760, 960] as const;

/** Every width an artboard may be drawn at. */
export const ARTBOARD_WIDTHS: readonly number[] = [
  ...new Set([...PANEL_ARTBOARDS, ...EMBED_ARTBOARDS, ...TIMELINE_ARTBOARDS, ...TIMELINE_DENSE_ARTBOARDS, ...TIMELINE_EMBED_ARTBOARDS]),
].sort((a, b) => a - b);

/**
 * The sets of widths charts are drawn at. src/styles/artboards.css (node scripts/artboards-css.mjs) has a rule for
 * each class of each set and no other, so a page carries no rule it cannot use; artboards() refuses a set not here.
 */
export const ARTBOARD_SETS: readonly (readonly number[])[] = [
  PAGE_ARTBOARDS,
  EMBED_ARTBOARDS,
  PANEL_ARTBOARDS,
  TIMELINE_ARTBOARDS,
  TIMELINE_DENSE_ARTBOARDS,
  TIMELINE_EMBED_ARTBOARDS,
  ARTBOARD_WIDTHS,
];

/** Every class the CSS shows an artboard by, from ARTBOARD_SETS (a single artboard is ab-0-up). */
export function artboardClasses(sets: readonly (readonly number[])[] = ARTBOARD_SETS): string[] {
  return [...new Set(sets.flatMap((set) => set.map((_, i) => artboardClass(set, i))))];
}

/**
 * The artboard shown for a container of `containerWidth` px: the widest
 * artboard no wider than the container, or the narrowest when none fits.
 */
export function artboardFor(containerWidth: number, widths: readonly number[] = PAGE_ARTBOARDS): number {
  let pick = widths[0]!;
  for (const w of widths) if (w <= containerWidth) pick = w;
  return pick;
}

/**
 * The class that shows an artboard over its range (src/styles/artboards.css):
 * `ab-FROM-TO`, from its own width (0 for the first of the set) up to the
 * next artboard's width ("up" for the last).
 */
export function artboardClass(widths: readonly number[], i: number): string {
  const from = i === 0 ? 0 : widths[i]!;
  const to = i === widths.length - 1 ? 'up' : widths[i + 1]!;
  return `ab-${from}-${to}`;
}

/**
 * Markup of every artboard: `render(width, id)` draws the chart at `width`
 * with element ids made unique by `id` (`${idBase}-w${width}`). Widths are
 * one of ARTBOARD_SETS (or a single width), which the CSS has rules for.
 */
export function artboards(render: (width: number, id: string) => string, idBase: string, widths: readonly number[] = PAGE_ARTBOARDS): string {
  widths.forEach((w, i) => {
    if (!ARTBOARD_WIDTHS.includes(w)) throw new Error(`artboards: no CSS rule for width ${w}; use one of ${ARTBOARD_WIDTHS.join(', ')}`);
    if (i > 0 && w <= widths[i - 1]!) throw new Error(`artboards: widths must ascend (${widths.join(', ')})`);
  });
  if (widths.length > 1 && !ARTBOARD_SETS.some((set) => set.length === widths.length && set.every((w, i) => w === widths[i]))) {
    throw new Error(`artboards: no CSS rules for the set ${widths.join(', ')}; add it to ARTBOARD_SETS and run node scripts/artboards-css.mjs`);
  }
  if (widths.length === 1) return `<div class="artboard ab-0-up" data-width="${widths[0]}">${render(widths[0]!, `${idBase}-w${widths[0]}`)}</div>`;
  return widths
    .map((w, i) => `<div class="artboard ${artboardClass(widths, i)}" data-width="${w}">${render(w, `${idBase}-w${w}`)}</div>`)
    .join('');
}
