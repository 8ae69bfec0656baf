/**
 * Chart exports (/charts/<id>.svg and .png, also the chart pages' social
 * cards): 600 CSS px wide, rasterised at 2× to 1,200 px, carrying the title,
 * the source line and the as-of date, with no text under 12 px.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from './support/load-content';
import { chartFileSvg, chartFiles } from '../../src/lib/outputs/chart-files';
import { EXPORT_WIDTH, exportSvg, svgSize, svgToPng } from '../../src/lib/outputs/chart-export';
import { embeds } from '../../src/lib/outputs/embeds';
import { pageCard } from '../../src/lib/outputs/cards';

const { story } = loadContent('content');

/** Every font size the file sets: attributes and CSS declarations. */
function fontSizes(svg: string): number[] {
  return [...svg.matchAll(/font-size(?:="|:\s*)([\d.]+)/g)].map((m) => Number(m[1]));
}

describe('chart exports', () => {
  it.each(chartFiles(story))('%s is 600 px wide with its title, sources and as-of date, and no text under 12 px', (id) => {
    const svg = chartFileSvg(story, id, undefined);
    expect(svgSize(svg).width).toBe(EXPORT_WIDTH);
    const title = embeds(story).find((e) => e.id === id)!.title;
    // The title may wrap: each of its words is in the file.
    for (const word of title.split(' ')) expect(svg).toContain(word.replace(/'/g, '&#39;'));
    expect(svg).toMatch(/Sources?: /);
    expect(svg).toContain('As of June 26, 2026');
    expect(Math.min(...fontSizes(svg))).toBeGreaterThanOrEqual(12);
  });

  it('rasterises at 2×: a 600 px export becomes a 1,200 px PNG', () => {
    const svg = chartFileSvg(story, 'campaign-scale', undefined);
    const png = svgToPng(svg);
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(Math.round(svgSize(svg).height * 2));
  });

  it('the frame stacks title, description, chart and footer without overlap, however long the title', () => {
    const chart = (w: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="100" viewBox="0 0 ${w} 100"></svg>`;
    const long = exportSvg({ title: 'A title long enough to wrap onto a second and even a third line at six hundred pixels wide', description: 'One line.', chart, sourceLine: 'Source: A [1].', asOf: 'As of June 26, 2026' });
    const short = exportSvg({ title: 'Short', chart, sourceLine: 'Source: A [1].', asOf: 'As of June 26, 2026' });
    expect(svgSize(long).height).toBeGreaterThan(svgSize(short).height + 40);
    const ys = [...long.matchAll(/<(?:text|svg)[^>]* y="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    // The chart is given the inner width, never a wider one.
    expect(long).toContain('<svg x="16" y=');
    expect(long).toMatch(/<svg x="16" y="[\d.]+" xmlns="http:\/\/www.w3.org\/2000\/svg" width="568"/);
  });

  it('a chart page points its social card at the export, with the export’s size', () => {
    const card = pageCard(story, '/campaigns/', true);
    expect(card.path).toBe('/charts/campaign-scale.png');
    const { height } = svgSize(chartFileSvg(story, 'campaign-scale', undefined));
    expect([card.width, card.height]).toEqual([1200, Math.round(height * 2)]);
    expect(pageCard(story, '/method/', true)).toMatchObject({ width: 1200, height: 630 });
  });
});
