import { describe, expect, it } from 'vitest';
import { assertIntegrity, ContentIntegrityError, findProblems } from '../../src/lib/story/integrity';
import { loadContent } from './support/load-content';
import type { Story } from '../../src/lib/story/story';

/** A fresh copy of the real story to break one piece at a time. */
const base = () => structuredClone(loadContent('content').story) as Story;

describe('findProblems', () => {
  it.each<[string, (s: Story) => void, string]>([
    [
      'an event citing a missing source',
      (s) => (s.events[0]!.data.sources = ['no-such-source']),
      'sources[0]: unknown source "no-such-source"',
    ],
    [
      'an event naming a missing actor',
      (s) => s.events[0]!.data.actors.push('nobody'),
      'unknown actor "nobody"',
    ],
    [
      'a campaign pointing at a missing disclosure event',
      (s) => (s.campaigns[0]!.data.disclosure = 'no-such-event'),
      'disclosure: unknown event "no-such-event"',
    ],
    [
      'an instrument relating to a missing instrument',
      (s) => s.instruments[0]!.data.related.push('no-such-bill'),
      'unknown instrument "no-such-bill"',
    ],
    [
      'a claim position citing a missing source',
      (s) => (s.claims[0]!.data.positions[0]!.source = 'ghost'),
      'positions[0].source: unknown source "ghost"',
    ],
    [
      'a body citing a source missing from the event\'s list',
      (s) => {
        const e = s.events.find((x) => x.id === 'google-raises-concerns')!;
        e.body += ' <Cite s="nolan-banking-sanctions" />';
      },
      'cites "nolan-banking-sanctions", which is missing from sources',
    ],
    [
      'a disputed date not placed at the earliest position',
      (s) => (s.events.find((x) => x.id === 'alibaba-sues-dod')!.data.date = '2026-06-24'),
      'placed at the earliest position (2026-06-23)',
    ],
    [
      'a figure typed by hand in a summary',
      (s) => (s.events[0]!.data.summary = 'It sent 28.8 million exchanges.'),
      '"28.8 million" is typed by hand',
    ],
    [
      'an unknown figure reference',
      (s) => (s.events[0]!.data.summary = 'It sent {{no-such-campaign.exchanges}}.'),
      'Unknown figure "no-such-campaign.exchanges"',
    ],
    [
      'an impossible instrument history',
      (s) => s.instruments.find((x) => x.id === 'hr-8283')!.data.steps.push({
        action: 'became-law', date: '2026-06-01', text: 'x', sources: ['flux-tokentoday'],
      }),
      '"became-law" cannot come after "committee-approved"',
    ],
  ])('reports %s, naming the file and field', (_, breakIt, message) => {
    const story = base();
    breakIt(story);
    const problems = findProblems(story);
    expect(problems.join('\n')).toContain(message);
    expect(problems.every((p) => /^content\/\w+\/[a-z0-9-]+\.(mdx|yaml) → /.test(p))).toBe(true);
  });

  it('throws every problem at once', () => {
    const story = base();
    story.events[0]!.data.actors.push('nobody');
    story.campaigns[0]!.data.disclosure = 'nothing';
    expect(() => assertIntegrity(story)).toThrow(ContentIntegrityError);
    try {
      assertIntegrity(story);
    } catch (e) {
      expect((e as ContentIntegrityError).problems).toHaveLength(2);
    }
  });
});
