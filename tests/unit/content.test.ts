/** The real content/ folder: valid, whole, and saying what the seeds say. */
import { describe, expect, it } from 'vitest';
import { loadContent } from './support/load-content';
import { findProblems } from '../../src/lib/story/integrity';
import { asOfDate, getById } from '../../src/lib/story/story';
import { claimsTouching } from '../../src/lib/story/queries';

const { story, errors } = loadContent('content');

describe('content/', () => {
  it('passes every schema', () => {
    expect(errors).toEqual([]);
  });

  it('holds together: references, citations, disputed dates, histories, no hand-typed figures', () => {
    expect(findProblems(story)).toEqual([]);
  });

  it('is as of June 26, 2026, the newest source', () => {
    expect(asOfDate(story)).toBe('2026-06-26');
  });

  it('has the five seed articles as its sources', () => {
    expect(story.sources.map((s) => s.data.seedFile).sort()).toEqual([
      '000_85400dafb33975e6.txt',
      '001_1734a163e2faaca2.txt',
      '002_981140a0ff6c4b9f.txt',
      '003_6c7cbe247b2370f2.txt',
      '004_1c82e35b92e90a3d.txt',
    ]);
  });

  it('records nothing after the as-of date', () => {
    const late = story.events.filter((e) => (e.data.endDate ?? e.data.date) > '2026-06-26');
    expect(late.map((e) => e.id)).toEqual([]);
  });

  it('shows the two disputes the issue names, with every position sourced', () => {
    const denial = getById(story.claims, 'alibaba-public-response', 'claim');
    expect(denial.data.positions.map((p) => p.label)).toContain('Denied');
    expect(denial.data.positions.length).toBeGreaterThanOrEqual(2);
    const filing = getById(story.claims, 'lawsuit-filing-date', 'claim');
    expect(filing.data.positions.map((p) => p.value).filter(Boolean)).toEqual(['2026-06-23', '2026-06-24']);
  });

  it('puts the lawsuit dispute on the lawsuit event', () => {
    expect(claimsTouching(story, 'events', 'alibaba-sues-dod').map((c) => c.id)).toContain('lawsuit-filing-date');
  });

  it('attributes every campaign to its accuser', () => {
    for (const c of story.campaigns) expect(c.data.attributedBy).toBe('anthropic');
  });

  it('gives the campaign figures exactly as the seeds do', () => {
    const alibaba = getById(story.campaigns, 'alibaba-linked', 'campaign').data;
    expect([alibaba.accounts.value, alibaba.exchanges.value]).toEqual([25000, 28800000]);
    expect(alibaba.window).toMatchObject({ start: '2026-04-22', end: '2026-06-05' });
    const feb = getById(story.campaigns, 'february-total', 'campaign').data;
    expect([feb.accounts.value, feb.exchanges.value]).toEqual([24000, 16000000]);
    const perLab = ['deepseek-february', 'moonshot-february', 'minimax-february'].map(
      (id) => getById(story.campaigns, id, 'campaign').data,
    );
    expect(perLab.map((c) => c.exchanges.value)).toEqual([150000, 3400000, 13000000]);
    // Accounts per February lab are not disclosed: null, never zero.
    expect(perLab.map((c) => c.accounts.value)).toEqual([null, null, null]);
  });
});
