/** The tracker's stage bar: pure SVG from a derived status, accessible, themeable, and stable. */
import { describe, expect, it } from 'vitest';
import { stageBarSvg, stageDescription, stageHeadline, stageStates } from '../../../src/charts/stage-bar';
import { deriveStatus, type Status } from '../../../src/lib/story/status';
import type { Action, InstrumentData, InstrumentKind } from '../../../src/schemas';
import { loadContent } from '../support/load-content';
import { expectSvgSnapshot } from './snapshot';

const statusOf = (kind: InstrumentKind, actions: Action[], extra: Partial<InstrumentData> = {}): Status =>
  deriveStatus({
    name: 'n', shortName: 's', kind, summary: 'x', sponsors: [], issuers: [], committees: [], targets: [],
    provisions: [], next: [], standing: [], related: [], sources: ['s'],
    steps: actions.map((action) => ({ action, date: null, dateNote: 'not given', text: action, sources: ['s'] })),
    ...extra,
  } as InstrumentData);

const committee = statusOf('bill', ['introduced', 'committee-approved']);
const vetoed = statusOf('bill', ['introduced', 'passed-house', 'passed-senate', 'to-president', 'vetoed']);
const notApplied = statusOf('tool', []);

describe('stage bar words', () => {
  it('names the stage as "Stage 2 of 7: Passed committee"', () => {
    expect(stageHeadline(committee)).toBe('Stage 2 of 7: Passed committee');
  });

  it('says no stage is reached when nothing is recorded', () => {
    expect(stageHeadline(notApplied)).toBe('No stage reached: Not applied');
    expect(stageDescription(notApplied)).toBe('No step recorded. Ahead: Available, Applied.');
  });

  it('lists what is reached and what is ahead', () => {
    expect(stageDescription(committee)).toBe(
      'Reached: Introduced, Committee. Ahead: Passed House, Passed Senate, Resolving differences, To President, Became law.',
    );
  });

  it('marks the stages an ended process never reached, rather than calling them ahead', () => {
    expect(stageStates(vetoed)).toEqual(['done', 'done', 'done', 'done', 'done', 'current', 'unreached']);
    expect(stageDescription(vetoed)).toContain('The process has ended (Vetoed). Not reached: Became law.');
  });
});

describe('stageBarSvg', () => {
  const svg = stageBarSvg(committee, { id: 'sb-hr', name: 'H.R. 8283' });

  it('is an image labelled by its title and described by its desc, both generated from the data', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="sb-hr-title"[^>]*aria-describedby="sb-hr-desc"/);
    expect(svg).toContain('<title id="sb-hr-title">H.R. 8283. Stage 2 of 7: Passed committee</title>');
    expect(svg).toContain('<desc id="sb-hr-desc">Reached: Introduced, Committee. Ahead:');
  });

  it('draws one node per stage: two reached (one current, with a ring) and five ahead', () => {
    expect(svg.match(/class="sb-node sb-done"/g)).toHaveLength(1);
    expect(svg.match(/class="sb-node sb-current"/g)).toHaveLength(1);
    expect(svg.match(/class="sb-ring"/g)).toHaveLength(1);
    expect(svg.match(/class="sb-node sb-ahead"/g)).toHaveLength(5);
    expect(svg.match(/<line /g)).toHaveLength(6);
  });

  it('takes its colours from currentColor and classes: no style attributes and no fixed colours', () => {
    for (const s of [svg, stageBarSvg(vetoed, { id: 'v', labels: true })]) {
      expect(s).not.toMatch(/style=/);
      expect(s).not.toMatch(/(fill|stroke)="(?!currentColor|none)[^"]*"/);
    }
  });

  it('rounds every coordinate to two decimals', () => {
    const numbers = stageBarSvg(statusOf('amendment', ['announced']), { id: 'a', width: 100 / 3, labels: true }).match(/-?\d+\.\d+/g) ?? [];
    expect(numbers.length).toBeGreaterThan(0);
    for (const n of numbers) expect(n.split('.')[1]!.length).toBeLessThanOrEqual(2);
  });

  it('spaces the steps evenly, so a two-stage track is shorter than a seven-stage one', () => {
    const width = (s: string) => Number(/width="([\d.]+)"/.exec(s)![1]);
    expect(width(stageBarSvg(notApplied, { id: 't' }))).toBeLessThan(width(svg));
  });

  it('escapes names in the title', () => {
    expect(stageBarSvg(committee, { id: 'x', name: 'A & B <C>' })).toContain('<title id="x-title">A &amp; B &lt;C&gt;. Stage');
  });

  it('wraps long stage names under their nodes when labelled', () => {
    const labelled = stageBarSvg(committee, { id: 'l', labels: true });
    expect(labelled).toContain('class="sb-label sb-label-current"');
    expect(labelled).toMatch(/<tspan [^>]*>Resolving<\/tspan><tspan [^>]*dy="16">differences<\/tspan>/);
  });
});

describe('stage bar snapshots', () => {
  it.each<[string, Status, boolean]>([
    ['stage-bar-bill-committee', committee, false],
    ['stage-bar-bill-committee-labelled', committee, true],
    ['stage-bar-bill-vetoed', vetoed, true],
    ['stage-bar-amendment-failed', statusOf('amendment', ['announced', 'filed', 'failed']), false],
    ['stage-bar-tool-not-applied', notApplied, false],
    ['stage-bar-tool-proposed-labelled', statusOf('tool', [], { proposedIn: 'hr-8283' }), true],
  ])('%s matches tests/output/%s.svg', (name, status, labels) => {
    expectSvgSnapshot(name, stageBarSvg(status, { id: name, name: 'Example', labels }));
  });

  it('every instrument in the content draws without error', () => {
    const { story } = loadContent('content');
    for (const i of story.instruments) {
      expect(stageBarSvg(deriveStatus(i.data), { id: i.id, name: i.data.shortName })).toContain(`id="${i.id}-title"`);
    }
  });
});
