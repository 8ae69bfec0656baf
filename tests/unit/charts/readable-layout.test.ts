/**
 * The static charts are drawn at the width they are shown (issue 13): at every
 * artboard width their text meets the floors (12 px, direct labels 13 px), no
 * two text boxes overlap, nothing runs out of the chart, and the layout
 * changes where labels would not fit. Text boxes are estimated from the SVG
 * (./text-boxes.ts); the browser test (tests/e2e/readability.spec.ts)
 * measures the built pages.
 */
import { describe, expect, it } from 'vitest';
import { ARTBOARD_WIDTHS, PAGE_ARTBOARDS, artboards } from '../../../src/charts/artboards';
import { campaignScaleSvg, METRICS, SCALES, scaleLayout } from '../../../src/charts/campaign-scale';
import { intensitySvg, intensityLayout } from '../../../src/charts/intensity';
import { marketSvg, marketLayout } from '../../../src/charts/market';
import { tickBudget } from '../../../src/charts/shared';
import { stageBarLayout, stageBarSvg } from '../../../src/charts/stage-bar';
import { intensityChartData, marketChartData, marketChartArtboards, marketView, MARKET_PAGE_MARKS, scaleChartData } from '../../../src/lib/views/campaigns';
import { deriveStatus } from '../../../src/lib/story/status';
import { loadContent } from '../support/load-content';
import { readabilityBreaches, svgSize, svgTexts, textOverlaps } from './text-boxes';
import { expectSvgSnapshot } from './snapshot';

const { story } = loadContent('content');
const scale = scaleChartData(story);
const intensity = intensityChartData(story);
const market = marketChartData(story);
/** Every artboard width, from 240 (a padded panel on a 320 px screen) to 960 (a wide embed). */
const WIDTHS = ARTBOARD_WIDTHS;
const ticks = (svg: string) => [...svg.matchAll(/class="c-tick"[^>]*>([^<]+)</g)].map((m) => m[1]);

describe('the text-box helper', () => {
  it('finds overlapping labels, small text and text running out of the chart, so the checks below can fail', () => {
    const svg =
      '<svg width="200" height="100" font-size="13"><text class="c-label" x="10" y="20">DeepSeek</text>' +
      '<text class="c-value" x="30" y="22">about 150,000</text><text class="c-tick" x="190" y="60" font-size="11">100M</text>' +
      '<text class="c-label" x="10" y="90" font-size="12">Cut…</text></svg>';
    expect(textOverlaps(svg)).toEqual(['"DeepSeek" × "about 150,000"']);
    const b = readabilityBreaches(svg);
    expect(b).toContain('text at 11 px: "100M"');
    expect(b).toContain('label at 12 px: "Cut…"');
    expect(b).toContain('ellipsis: "Cut…"');
    expect(b.some((x) => x.startsWith('outside: "100M"'))).toBe(true);
  });

  it('reads tspan lines as separate boxes of one element', () => {
    const texts = svgTexts('<svg width="100" height="60"><text x="5" y="20" font-size="13"><tspan x="5" dy="0">a</tspan><tspan x="5" dy="16">b</tspan></text></svg>');
    expect(texts.map((t) => t.box.y0 + 13 * 0.95)).toEqual([20, 36]);
  });
});

describe('every chart meets the floors at every artboard width', () => {
  for (const width of WIDTHS) {
    it(`campaign scale at ${width} px, each metric and scale, plain and highlighted`, () => {
      for (const metric of METRICS) {
        for (const s of SCALES) {
          for (const highlight of [null, 'february-total']) {
            const svg = campaignScaleSvg(scale, { width, metric, scale: s, highlight });
            expect(svgSize(svg).width).toBe(width);
            expect(readabilityBreaches(svg), `${metric} ${s}`).toEqual([]);
          }
        }
      }
    });

    it(`intensity at ${width} px`, () => {
      const svg = intensitySvg(intensity, { width, highlight: 'alibaba-linked' });
      expect(svgSize(svg).width).toBe(width);
      expect(readabilityBreaches(svg)).toEqual([]);
    });

    it(`market at ${width} px, the whole period and an event page's view`, () => {
      for (const data of [market, marketView(story, 'alibaba-ads', 'alibaba-sues-dod').data]) {
        const svg = marketSvg(data, { width });
        expect(svgSize(svg).width).toBe(width);
        expect(readabilityBreaches(svg)).toEqual([]);
      }
    });

    it(`labelled stage bars of every instrument at ${width} px`, () => {
      for (const i of story.instruments) {
        const svg = stageBarSvg(deriveStatus(i.data), { id: i.id, name: i.data.shortName, labels: true, width });
        expect(svgSize(svg).width, i.id).toBe(width);
        expect(readabilityBreaches(svg), i.id).toEqual([]);
      }
    });
  }

  it('uses the same text sizes at every width (nothing is scaled to fit)', () => {
    const sizes = (svg: string) => [...new Set(svgTexts(svg).map((t) => t.fontSize))].sort();
    expect(sizes(campaignScaleSvg(scale, { width: 280 }))).toEqual(sizes(campaignScaleSvg(scale, { width: 640 })));
    expect(sizes(marketSvg(market, { width: 280 }))).toEqual(sizes(marketSvg(market, { width: 640 })));
    for (const svg of [campaignScaleSvg(scale, { width: 280 }), intensitySvg(intensity, { width: 280 }), marketSvg(market, { width: 280 })]) {
      expect(Math.min(...svgTexts(svg).map((t) => t.fontSize))).toBeGreaterThanOrEqual(12);
      expect(Math.min(...svgTexts(svg).filter((t) => t.label).map((t) => t.fontSize))).toBeGreaterThanOrEqual(13);
    }
  });
});

describe('layout decisions', () => {
  it('campaign scale: labels above the bars at 280 px, beside them at 640 px, the same for every metric', () => {
    for (const metric of METRICS) {
      expect(scaleLayout(scale, { width: 280, metric }).labels).toBe('above');
      expect(scaleLayout(scale, { width: 640, metric }).labels).toBe('beside');
    }
    const narrow = campaignScaleSvg(scale, { width: 280 });
    expect(narrow).toContain('chart-scale--labels-above');
    // Above: each label starts at the left edge, and its bar starts under it, not right of a label column.
    const label = svgTexts(narrow).find((t) => t.content === 'Alibaba-linked')!;
    expect(label.box.x0).toBe(0);
    const bar = /data-id="alibaba-linked"><text[^>]*>[^<]*<\/text><rect class="c-bar" x="([\d.]+)" y="([\d.]+)"/.exec(narrow)!;
    expect(Number(bar[1])).toBeLessThan(20);
    expect(Number(bar[2])).toBeGreaterThan(label.box.y1);
    const wide = campaignScaleSvg(scale, { width: 640 });
    expect(wide).toContain('chart-scale--labels-beside');
    expect(wide).toMatch(/class="c-label" x="[\d.]+" y="[\d.]+" text-anchor="end">Alibaba-linked</);
  });

  it('campaign scale: about one x tick per 80 px (at most two over), so fewer at 280 px than at 640 px', () => {
    for (const s of SCALES) {
      const n280 = ticks(campaignScaleSvg(scale, { width: 280, scale: s, metric: 'accounts' })).length;
      const n640 = ticks(campaignScaleSvg(scale, { width: 640, scale: s, metric: 'accounts' })).length;
      expect(n280, s).toBeLessThanOrEqual(tickBudget(280) + 2);
      expect(n280, s).toBeLessThanOrEqual(n640);
    }
    expect(ticks(campaignScaleSvg(scale, { width: 280, metric: 'accounts' })).length).toBeLessThan(
      ticks(campaignScaleSvg(scale, { width: 640, metric: 'accounts' })).length,
    );
    expect(ticks(campaignScaleSvg(scale, { width: 280 }))).toEqual(['0', '10M', '20M', '30M']);
  });

  it('intensity: labels above the bars at 280 px, beside them at 640 px; a long reason wraps inside its slot', () => {
    expect(intensityLayout(intensity, { width: 280 })).toBe('above');
    expect(intensityLayout(intensity, { width: 640 })).toBe('beside');
    const narrowTexts = svgTexts(intensitySvg(intensity, { width: 280 }));
    const narrow = narrowTexts.filter((t) => t.cls.includes('c-slot-text'));
    // Above the bars, an empty slot names its campaign inside itself (one line saved per empty row), wrapped, never cut.
    expect(narrow.map((t) => t.content).join(' ')).toContain('DeepSeek: accounts given only for the February total');
    expect(narrowTexts.filter((t) => t.cls.includes('c-label') && !t.cls.includes('c-slot')).map((t) => t.content)).not.toContain('DeepSeek');
    const wide = svgTexts(intensitySvg(intensity, { width: 640 })).filter((t) => t.cls.includes('c-slot-text'));
    expect(wide.map((t) => t.content)).toContain('accounts given only for the February total');
  });

  it('market: x ticks every two weeks at 280 px and every week at 640 px; the key stacks on narrow widths', () => {
    expect(marketLayout(market, { width: 280 })).toEqual({ tickWeeks: 2, key: 'stacked' });
    expect(marketLayout(market, { width: 640 })).toEqual({ tickWeeks: 1, key: 'columns' });
    expect(ticks(marketSvg(market, { width: 280 })).filter((t) => !t!.startsWith('$')).length).toBeLessThanOrEqual(tickBudget(280) + 1);
  });

  it('market: the unit label never meets a tick label, at any artboard width', () => {
    for (const width of WIDTHS) {
      for (const data of [market, marketView(story, 'alibaba-ads', 'alibaba-sues-dod').data]) {
        const texts = svgTexts(marketSvg(data, { width }));
        const unit = texts.find((t) => t.content === data.unit)!;
        expect(unit, `${width}`).toBeDefined();
        for (const t of texts.filter((x) => x.cls === 'c-tick')) {
          const w = Math.min(unit.box.x1, t.box.x1) - Math.max(unit.box.x0, t.box.x0);
          const h = Math.min(unit.box.y1, t.box.y1) - Math.max(unit.box.y0, t.box.y0);
          expect(w > 0 && h > -2, `${width} px: "${data.unit}" × "${t.content}"`).toBe(false);
        }
      }
    }
  });

  it('market: the move label sits beside its dashed connector, not across it, at every artboard width', () => {
    for (const width of WIDTHS) {
      const svg = marketSvg(market, { width });
      const [x1, y1, x2, y2] = /class="c-move-line" x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"/.exec(svg)!.slice(1).map(Number) as [number, number, number, number];
      for (const t of svgTexts(svg).filter((x) => x.cls.includes('c-move-label'))) {
        for (let k = 0; k <= 100; k++) {
          const [px, py] = [x1 + ((x2 - x1) * k) / 100, y1 + ((y2 - y1) * k) / 100];
          const inside = px > t.box.x0 && px < t.box.x1 && py > t.box.y0 && py < t.box.y1;
          expect(inside, `${width} px: "${t.content}" crosses the connector at (${px.toFixed(0)}, ${py.toFixed(0)})`).toBe(false);
        }
      }
    }
  });

  it('market: the move label stays whole, wrapped on a narrow chart', () => {
    const lines = (width: number) => svgTexts(marketSvg(market, { width })).filter((t) => t.cls.includes('c-move-label')).map((t) => t.content);
    expect(lines(640)).toEqual(['Reported move: about −25%; path between not reported']);
    expect(lines(280).length).toBeGreaterThan(1);
    expect(lines(280).join(' ')).toBe('Reported move: about −25%; path between not reported');
  });

  it('stage bar: a bill stacks its seven stage names at 280 px and runs them across at 640 px; a tool runs across at 280 px', () => {
    const bill = deriveStatus(story.instruments.find((i) => i.data.kind === 'bill')!.data);
    expect(stageBarLayout(bill, 280)).toBe('stacked');
    expect(stageBarLayout(bill, 640)).toBe('across');
    expect(stageBarSvg(bill, { id: 'b', labels: true, width: 280 })).toContain('stage-bar-stacked');
    const tool = deriveStatus(story.instruments.find((i) => i.data.kind === 'tool')!.data);
    expect(stageBarLayout(tool, 280)).toBe('across');
  });
});

describe('artboards in the page', () => {
  it('the market chart ships one SVG per page artboard width, each with its own ids', () => {
    const html = marketChartArtboards(marketView(story), 'market-svg');
    for (const w of PAGE_ARTBOARDS) {
      expect(html).toContain(`data-width="${w}"><svg`);
      expect(html).toContain(`id="market-svg-w${w}-title"`);
    }
    expect(html.match(/<svg /g)).toHaveLength(PAGE_ARTBOARDS.length);
  });

  it('an event page in a busy period still marks at most MARKET_PAGE_MARKS events at every width', () => {
    const html = artboards((width, id) => marketSvg(marketView(story, 'alibaba-ads', 'alibaba-sues-dod').data, { width, id }), 'm');
    for (const svg of html.split('</div>')) if (svg) expect((svg.match(/class="c-event"/g) ?? []).length).toBeLessThanOrEqual(MARKET_PAGE_MARKS);
  });
});

describe('narrow snapshots (280 px, the phone artboard)', () => {
  it('match tests/output/*-280.svg', () => {
    expectSvgSnapshot('campaign-scale-exchanges-linear-280', campaignScaleSvg(scale, { width: 280 }));
    expectSvgSnapshot('campaign-scale-accounts-log-280', campaignScaleSvg(scale, { width: 280, metric: 'accounts', scale: 'log' }));
    expectSvgSnapshot('intensity-280', intensitySvg(intensity, { width: 280 }));
    expectSvgSnapshot('market-280', marketSvg(market, { width: 280 }));
    const bill = deriveStatus(story.instruments.find((i) => i.data.kind === 'bill')!.data);
    expectSvgSnapshot('stage-bar-bill-labelled-280', stageBarSvg(bill, { id: 'sb', name: 'Example', labels: true, width: 280 }));
  });
});
