/** The campaign-scale chart: bars per campaign, switchable metric and scale, honest gaps. */
import { describe, expect, it } from 'vitest';
import { campaignScaleSvg, defaults, campaignScaleDescription, isMetric, isScale, METRICS, SCALES } from '../../../src/charts/campaign-scale';
import { scaleChartData } from '../../../src/lib/views/campaigns';
import { loadContent } from '../support/load-content';
import { expectSvgSnapshot } from './snapshot';

/** Every number in the SVG's coordinate attributes. */
const coordinates = (svg: string) =>
  [...svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|cx|cy|r|width|height)="([^"]*)"/g)].map((m) => m[1] as string);

const { story } = loadContent('content');
const data = scaleChartData(story);
const rowOf = (svg: string, id: string) => new RegExp(`<g class="c-row[^"]*" data-id="${id}">(.*?)</g>`).exec(svg)?.[1] ?? '';

describe('campaignScaleSvg', () => {
  for (const metric of METRICS) {
    for (const scale of SCALES) {
      it(`renders ${metric} on a ${scale} scale like the accepted snapshot`, () => {
        expectSvgSnapshot(`campaign-scale-${metric}-${scale}`, campaignScaleSvg(data, { metric, scale }));
      });
    }
  }

  it('renders the default view (exchanges, linear) when given no options', () => {
    expect(defaults).toMatchObject({ metric: 'exchanges', scale: 'linear' });
    expect(campaignScaleSvg(data)).toBe(campaignScaleSvg(data, { metric: 'exchanges', scale: 'linear' }));
  });

  it('draws an undisclosed figure as a labelled empty slot, never as a zero-length bar', () => {
    const svg = campaignScaleSvg(data, { metric: 'accounts' });
    for (const id of ['deepseek-february', 'moonshot-february', 'minimax-february']) {
      const row = rowOf(svg, id);
      expect(row).toContain('class="c-slot"');
      expect(row).toContain('>not disclosed</text>');
      expect(row).not.toContain('class="c-bar');
    }
    expect(svg).not.toMatch(/class="c-bar[^"]*"[^>]*width="0"/);
    expect(rowOf(svg, 'alibaba-linked')).toContain('>about 25,000*</text>');
  });

  it('labels log-scale ticks readably: 100K, 1M, 10M, 100M for exchanges', () => {
    const ticks = [...campaignScaleSvg(data, { scale: 'log' }).matchAll(/class="c-tick"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(ticks).toEqual(['100K', '1M', '10M', '100M']);
  });

  it('labels linear ticks from zero in readable steps', () => {
    const ticks = [...campaignScaleSvg(data).matchAll(/class="c-tick"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(ticks[0]).toBe('0');
    expect(ticks).toContain('10M');
    expect(ticks.at(-1)).toBe('30M');
  });

  it('writes figures for readers, with their qualifiers: "about 150,000", "28.8 million"', () => {
    const svg = campaignScaleSvg(data);
    expect(rowOf(svg, 'deepseek-february')).toContain('>about 150,000</text>');
    expect(rowOf(svg, 'alibaba-linked')).toContain('>28.8 million</text>');
    expect(rowOf(svg, 'minimax-february')).toContain('>about 13 million*</text>');
    expect(svg).not.toContain('28800000');
  });

  it('keeps the bars in proportion on the linear scale and ordered on the log scale', () => {
    const width = (svg: string, id: string) => Number(/class="c-bar[^"]*"[^>]*width="([\d.]+)"/.exec(rowOf(svg, id))?.[1]);
    const linear = campaignScaleSvg(data);
    expect(width(linear, 'alibaba-linked') / width(linear, 'deepseek-february')).toBeCloseTo(192, -1);
    const log = campaignScaleSvg(data, { scale: 'log' });
    expect(width(log, 'deepseek-february')).toBeGreaterThan(0);
    expect(width(log, 'deepseek-february')).toBeLessThan(width(log, 'moonshot-february'));
  });

  it('is an image named by its title and described from the data', () => {
    const svg = campaignScaleSvg(data, { id: 'x' });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="x-title" aria-describedby="x-desc"/);
    const desc = campaignScaleDescription(data, { metric: 'exchanges' });
    expect(svg).toContain(`<desc id="x-desc">${desc}</desc>`);
    expect(desc).toContain('DeepSeek: about 150,000.');
    expect(desc).toContain('alleged by Anthropic and not independently verified');
    expect(desc).toContain('is about 192 times the smallest (DeepSeek, about 150,000)');
    expect(campaignScaleDescription(data, { metric: 'accounts' })).toContain('Moonshot AI: not disclosed.');
  });

  it('says the smallest campaign is two orders of magnitude below the largest', () => {
    expect(data.metrics.exchanges.spread).toBe(
      'The largest figure (Alibaba-linked, 28.8 million) is about 192 times the smallest (DeepSeek, about 150,000).',
    );
  });

  it('marks figures the sources word differently and explains the mark', () => {
    const svg = campaignScaleSvg(data);
    expect(svg).toContain('The sources word this figure differently');
  });

  it('emphasises one campaign on request', () => {
    expect(campaignScaleSvg(data, { highlight: 'moonshot-february' })).toContain('class="c-row c-row--highlight" data-id="moonshot-february"');
  });

  it('rounds coordinates to two decimals and uses no inline styles', () => {
    for (const metric of METRICS) {
      for (const scale of SCALES) {
        const svg = campaignScaleSvg(data, { metric, scale });
        for (const c of coordinates(svg)) expect(c).toMatch(/^-?\d+(\.\d{1,2})?$/);
        expect(svg).not.toMatch(/\sstyle=|\son[a-z]+=/);
      }
    }
  });

  it('accepts only known metrics and scales from a URL', () => {
    expect(isMetric('accounts')).toBe(true);
    expect(isMetric('users')).toBe(false);
    expect(isScale('log')).toBe(true);
    expect(isScale(null)).toBe(false);
  });
});
