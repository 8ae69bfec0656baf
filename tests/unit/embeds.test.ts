/** The embed registry (src/lib/outputs/embeds.ts): one entry per chart, dispute notes worded from the claims, downloads that exist, charts drawn at each artboard width. */
import { describe, expect, it } from 'vitest';
import { loadContent } from './support/load-content';
import { disputeNote, disputeText, embeds, embedSnippet } from '../../src/lib/outputs/embeds';
import { chartFiles } from '../../src/lib/outputs/chart-files';
import { EMBED_ARTBOARDS } from '../../src/charts/artboards';

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
      expect(e.downloads.map((d) => d.label), e.id).toEqual(expect.arrayContaining(['CSV', 'JSON']));
      for (const d of e.downloads) expect(d.path, e.id).toMatch(/^\/(data|charts)\/[\w-]+\.(csv|json|svg)$/);
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
