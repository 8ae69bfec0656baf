import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTBOARD_SETS, ARTBOARD_WIDTHS, EMBED_ARTBOARDS, PAGE_ARTBOARDS, PANEL_ARTBOARDS, TIMELINE_ARTBOARDS, TIMELINE_DENSE_ARTBOARDS, TIMELINE_EMBED_ARTBOARDS, artboardClass, artboardClasses, artboardFor, artboards } from '../../../src/charts/artboards';

const css = readFileSync(new URL('../../../src/styles/artboards.css', import.meta.url), 'utf8');

/** The container widths (px) at which the CSS shows the artboard of this class. */
function shownAt(cls: string, width: number): boolean {
  if (cls === 'ab-0-up') return true;
  const rule = css.split('\n').find((l) => l.includes(`.${cls} {`));
  if (!rule) return false;
  const min = /min-width: ([\d.]+)px/.exec(rule);
  const max = /max-width: ([\d.]+)px/.exec(rule);
  return (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
}

describe('artboards', () => {
  it.each([
    ['the page set', PAGE_ARTBOARDS],
    ['the embed set', EMBED_ARTBOARDS],
    ['the panel set', PANEL_ARTBOARDS],
    ['the timeline set', TIMELINE_ARTBOARDS],
    ['the dense timeline set', TIMELINE_DENSE_ARTBOARDS],
    ['the timeline embed set', TIMELINE_EMBED_ARTBOARDS],
    ['every width (the stage bar)', ARTBOARD_WIDTHS],
  ] as const)('shows exactly one artboard of %s at every container width from 200 to 1400 px', (_name, widths) => {
    const classes = widths.map((_, i) => artboardClass(widths, i));
    for (let w = 200; w <= 1400; w += 1) {
      const shown = classes.filter((c) => shownAt(c, w));
      expect(shown, `at ${w} px`).toHaveLength(1);
      const drawn = widths[classes.indexOf(shown[0]!)]!;
      // Never drawn wider than its container (so never scaled down), except below the narrowest.
      if (w >= widths[0]!) expect(drawn, `at ${w} px`).toBeLessThanOrEqual(w);
      expect(drawn).toBe(artboardFor(w, widths));
    }
  });

  it('has a CSS rule for every class of every set, and no other rule', () => {
    for (const set of ARTBOARD_SETS) set.forEach((_, k) => expect(css, set.join(',')).toContain(`.${artboardClass(set, k)} {`));
    const inCss = [...css.matchAll(/\.(ab-\d+-(?:\d+|up)) \{/g)].map((m) => m[1]).sort();
    expect(inCss).toEqual([...artboardClasses(), 'ab-0-up'].sort());
  });

  it('artboards(render, id, widths) draws each width once with its own ids', () => {
    const html = artboards((w, id) => `<svg id="${id}" width="${w}"></svg>`, 'm', TIMELINE_DENSE_ARTBOARDS);
    expect(html).toBe(
      '<div class="artboard ab-0-560" data-width="280"><svg id="m-w280" width="280"></svg></div>' +
        '<div class="artboard ab-560-960" data-width="560"><svg id="m-w560" width="560"></svg></div>' +
        '<div class="artboard ab-960-up" data-width="960"><svg id="m-w960" width="960"></svg></div>',
    );
  });

  it('rejects a width the CSS has no rule for, and widths out of order', () => {
    expect(() => artboards(() => '', 'x', [300])).toThrow(/no CSS rule for width 300/);
    expect(() => artboards(() => '', 'x', [480, 280])).toThrow(/ascend/);
    expect(() => artboards(() => '', 'x', [280, 480])).toThrow(/no CSS rules for the set 280, 480/);
  });
});
