/** The embed registry (src/lib/outputs/embeds.ts): one entry per chart, dispute notes worded from the claims, downloads that exist, charts drawn at each artboard width. */
import { describe, expect, it } from 'vitest';
import { loadContent } from './support/load-content';
import {
  chartPaths,
  disputeNote,
  disputeText,
  embedById,
  embedDownloads,
  embedRoutes,
  embeds,
  embedSnippet,
  oembedDocument,
  oembedLink,
  oembedRoutes,
  pageDownloads,
  type Embed,
} from '../../src/lib/outputs/embeds';
import { chartFiles, chartFileSvg } from '../../src/lib/outputs/chart-files';
import { svgToPng } from '../../src/lib/outputs/chart-export';
import { EMBED_ARTBOARDS } from '../../src/charts/artboards';
import { datasetDownloads } from '../../src/lib/outputs/datasets';

const story = loadContent('content').story;
const list = embeds(story);

describe('embed registry', () => {
  it('has one entry per chart with downloadable files, ids unique', () => {
    expect(list.map((e) => e.id).sort()).toEqual(chartFiles(story).sort());
    expect(new Set(list.map((e) => e.id)).size).toBe(list.length);
  });

  it('gives every entry a title, a one-line description, sources, "Get the data" files and a default height', () => {
    for (const e of list) {
      expect(e.title, e.id).toMatch(/\w/);
      expect(e.description.length, `${e.id}: one short line`).toBeLessThanOrEqual(e.kind === 'status' ? 140 : 100);
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      expect(embedDownloads(e).map((d) => d.label), e.id).toEqual(expect.arrayContaining(['CSV', 'JSON']));
      for (const d of embedDownloads(e)) expect(d.path, e.id).toMatch(/^\/(data|charts)\/[\w-]+\.(csv|json|svg)$/);
      expect(e.height, e.id).toBeGreaterThanOrEqual(200);
      expect(e.height, `${e.id}: within the 800 px limit at 640 px`).toBeLessThanOrEqual(800);
      expect(embedSnippet(undefined, e)).toContain(`height="${e.height}"`);
    }
  });

  it('draws each chart at every embed artboard width, with ids unique per width', () => {
    for (const e of list.filter((x) => x.kind === 'chart')) {
      for (const w of EMBED_ARTBOARDS) {
        const svg = e.render!(w, `t-${e.id}-w${w}`);
        expect(svg, `${e.id} at ${w}`).toMatch(new RegExp(`^<svg[^>]*viewBox="0 0 ${w} `));
        expect(svg).toContain(`t-${e.id}-w${w}`);
      }
    }
  });

  it('words each dispute note from its claim: every position once by label, with the sources that take it', () => {
    for (const claim of story.claims) {
      const note = disputeNote(story, claim);
      expect(note.href).toBe(`/disputes/#${claim.id}`);
      expect(note.topic).toBe(claim.data.topic);
      expect(note.positions.map((p) => p.label)).toEqual([...new Set(claim.data.positions.map((p) => p.label))]);
      const text = disputeText(note);
      for (const p of claim.data.positions) {
        const source = story.sources.find((s) => s.id === (typeof p.source === 'string' ? p.source : p.source.source))!;
        expect(text, claim.id).toContain(p.label);
        expect(text, claim.id).toContain(source.data.label);
      }
    }
  });

  it('notes each disputed figure an embed draws, once', () => {
    const claimsOf = (id: string) => list.find((e) => e.id === id)!.disputes.map((d) => d.claim);
    for (const e of list) expect(new Set(claimsOf(e.id)).size, e.id).toBe(e.disputes.length);
    expect(claimsOf('campaign-scale')).toEqual(story.campaigns.flatMap((c) => (c.data.exchanges.claim ? [c.data.exchanges.claim] : [])).filter((c, i, a) => a.indexOf(c) === i));
    expect(claimsOf('intensity')).toContain('campaign-duration');
    expect(claimsOf('timeline')).toEqual(expect.arrayContaining(story.events.flatMap((ev) => (ev.data.dateClaim ? [ev.data.dateClaim] : []))));
    for (const i of story.instruments) {
      const touching = story.claims.filter((c) => c.data.instruments.includes(i.id)).map((c) => c.id);
      expect(claimsOf(`status-${i.id}`), i.id).toEqual(expect.arrayContaining(touching));
      expect(claimsOf('tracker')).toEqual(expect.arrayContaining(touching));
    }
  });

  it('marks the campaign embeds as alleged, and the tracker not', () => {
    for (const id of ['campaign-scale', 'intensity', 'timeline']) expect(list.find((e) => e.id === id)!.alleged, id).toMatch(/alleged by .+; not independently verified$/i);
    expect(list.find((e) => e.id === 'tracker')!.alleged).toBeNull();
  });
});

describe('adding a chart is one registry entry', () => {
  const site = new URL('https://tracker.example.org/');
  const fake: Embed = {
    id: 'fake-chart',
    title: 'A fake chart for the test',
    description: 'Nothing real: one bar.',
    page: '/campaigns/',
    height: 320,
    kind: 'chart',
    sources: [story.sources[0]!.id],
    alleged: null,
    notes: ['A note under the chart'],
    disputes: [],
    // A chart of an existing dataset (a new dataset is one entry of src/lib/outputs/datasets.ts, tested in datasets.test.ts).
    data: 'campaigns',
    render: (width, id) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 40" width="${width}" height="40" id="${id}"><rect class="fake-bar" width="${width / 2}" height="20"/></svg>`,
  };
  const registry = [...list, fake];

  it('gets its embed route and its oEmbed file', () => {
    expect(embedRoutes(registry).find((r) => r.params.chart === 'fake-chart')?.props.embed).toBe(fake);
    expect(oembedRoutes(registry).map((r) => r.params.id)).toContain('fake-chart');
    expect(chartPaths('fake-chart')).toEqual({ embed: '/embed/fake-chart/', oembed: '/oembed/fake-chart.json', svg: '/charts/fake-chart.svg', png: '/charts/fake-chart.png' });
    const doc = oembedDocument(site, embedById(story, 'fake-chart', registry));
    expect(doc).toMatchObject({ version: '1.0', type: 'rich', title: fake.title, height: 320 });
    expect(doc.html).toContain('src="https://tracker.example.org/embed/fake-chart/"');
    expect(oembedLink(site, fake)).toEqual({ href: 'https://tracker.example.org/oembed/fake-chart.json', title: fake.title });
  });

  it('gets its SVG and PNG files, framed with its title, notes, sources and its own drawing', () => {
    expect(chartFiles(story, registry)).toContain('fake-chart');
    const svg = chartFileSvg(story, 'fake-chart', site, registry);
    expect(svg).toContain(fake.title);
    expect(svg).toContain('A note under the chart.');
    expect(svg).toContain('class="fake-bar"');
    expect(svg).toContain('id="file-fake-chart"');
    expect(svgToPng(svg).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it('gets its downloads: PNG, SVG and its data beside the chart, its data and SVG in the embed', () => {
    expect(pageDownloads(fake)).toEqual([
      { label: 'PNG', path: '/charts/fake-chart.png' },
      { label: 'SVG', path: '/charts/fake-chart.svg' },
      { label: 'CSV', path: '/data/campaigns.csv' },
      { label: 'JSON', path: '/data/campaigns.json' },
    ]);
    expect(embedDownloads(fake).map((d) => d.path)).toEqual(['/data/campaigns.csv', '/data/campaigns.json', '/charts/fake-chart.svg']);
  });

  it('is not in the real registry, and an unknown id is refused by name', () => {
    expect(chartFiles(story)).not.toContain('fake-chart');
    expect(() => embedById(story, 'fake-chart')).toThrow('No embed with id "fake-chart"');
    expect(() => chartFileSvg(story, 'fake-chart', site)).toThrow('No chart file "fake-chart"');
  });

  it('gives every real chart its page downloads from its entry: the home page and /timeline/ list the same timeline files', () => {
    const timeline = embedById(story, 'timeline');
    expect(pageDownloads(timeline).map((d) => d.label)).toEqual(['PNG', 'SVG', 'CSV', 'JSON']);
    for (const e of list) expect(pageDownloads(e).map((d) => d.path), e.id).toEqual([chartPaths(e.id).png, chartPaths(e.id).svg, ...datasetDownloads(e.data).map((d) => d.path)]);
  });
});
