/** The tracker's state machine: legal and illegal histories for every kind, and the derived codes. */
import { describe, expect, it } from 'vitest';
import { deriveStatus, HistoryError } from '../../src/lib/story/status';
import type { Action, InstrumentData, InstrumentKind } from '../../src/schemas';

const step = (action: Action, date: string | null = null) => ({
  action,
  date,
  ...(date === null ? { dateNote: 'not given' } : {}),
  text: action,
  sources: ['s'],
});

function instrument(kind: InstrumentKind, actions: (Action | [Action, string])[], extra: Partial<InstrumentData> = {}): InstrumentData {
  return {
    name: 'n', shortName: 's', kind, summary: 'x', sponsors: [], issuers: [], committees: [], targets: [],
    provisions: [], next: [], standing: [], related: [], sources: ['s'],
    steps: actions.map((a) => (Array.isArray(a) ? step(a[0], a[1]) : step(a))),
    ...extra,
  } as InstrumentData;
}

describe('legal histories', () => {
  it.each<[InstrumentKind, Action[], string, number, string | null]>([
    ['bill', ['introduced'], 'Introduced', 0, 'INTRODUCED'],
    ['bill', ['introduced', 'committee-approved'], 'Passed committee', 1, 'REPORTED'],
    ['bill', ['introduced', 'referred', 'committee-approved', 'passed-house'], 'Passed House', 2, 'PASS_OVER:HOUSE'],
    ['bill', ['introduced', 'passed-house', 'passed-senate'], 'Passed Senate', 3, 'PASSED:BILL'],
    ['bill', ['introduced', 'passed-house', 'passed-senate', 'resolving-differences', 'to-president', 'became-law'], 'Became law', 6, 'ENACTED:SIGNED'],
    ['bill', ['introduced', 'passed-house', 'passed-senate', 'to-president', 'vetoed'], 'Vetoed', 5, 'PROV_KILL:VETO'],
    ['amendment', ['announced'], 'Announced, not filed', 0, null],
    ['amendment', ['announced', 'filed', 'agreed-to'], 'Agreed to', 2, null],
    ['amendment', ['filed', 'withdrawn'], 'Withdrawn', 2, null],
    ['executive-action', ['issued'], 'Issued, in force', 0, null],
    ['executive-action', ['issued', 'rescinded'], 'Rescinded', 1, null],
    ['designation', ['listed'], 'Listed', 0, null],
    ['designation', ['listed', 'removed', 'listed'], 'Listed', 0, null],
    ['lawsuit', ['filed'], 'Filed, awaiting ruling', 0, null],
    ['lawsuit', ['filed', 'ruling', 'appeal'], 'On appeal', 2, null],
    ['tool', ['applied'], 'Applied', 1, null],
  ])('%s %j → %s', (kind, actions, label, stage, code) => {
    const status = deriveStatus(instrument(kind, actions));
    expect(status).toMatchObject({ label, stage, code });
  });

  it('a tool with no steps is "Not applied", or "Proposed, not law" when a bill would create it', () => {
    expect(deriveStatus(instrument('tool', [])).label).toBe('Not applied');
    expect(deriveStatus(instrument('tool', [], { proposedIn: 'hr-8283' })).label).toBe('Proposed, not law');
  });

  it('says what may come next', () => {
    expect(deriveStatus(instrument('bill', ['introduced', 'committee-approved'])).possibleNext).toEqual(['Passed House']);
    expect(deriveStatus(instrument('amendment', ['announced'])).possibleNext).toEqual(['Filed', 'Withdrawn']);
  });

  it('marks ended processes', () => {
    expect(deriveStatus(instrument('executive-action', ['issued', 'superseded'])).ended).toBe(true);
    expect(deriveStatus(instrument('executive-action', ['issued'])).ended).toBe(false);
  });
});

describe('impossible histories', () => {
  it.each<[InstrumentKind, (Action | [Action, string])[], string]>([
    ['bill', ['introduced', 'passed-house', 'became-law'], '"became-law" cannot come after "passed-house"'],
    ['bill', ['committee-approved'], '"committee-approved" cannot come as the first step'],
    ['bill', ['introduced', 'passed-senate'], '"passed-senate" cannot come after "introduced"'],
    ['bill', ['introduced', 'passed-house', 'passed-senate', 'to-president', 'became-law', 'vetoed'], 'the process has ended'],
    ['amendment', ['announced', 'agreed-to'], '"agreed-to" cannot come after "announced"'],
    ['executive-action', ['rescinded'], 'as the first step'],
    ['designation', ['removed'], 'as the first step'],
    ['lawsuit', ['appeal'], 'as the first step'],
    ['lawsuit', ['filed', 'appeal'], '"appeal" cannot come after "filed"'],
    ['tool', ['lifted'], 'as the first step'],
    ['bill', ['listed'], 'for a bill'],
    ['bill', [['introduced', '2026-05-01'], ['committee-approved', '2026-04-22']], 'before the previous step'],
  ])('%s %j is rejected', (kind, actions, message) => {
    expect(() => deriveStatus(instrument(kind, actions))).toThrow(HistoryError);
    expect(() => deriveStatus(instrument(kind, actions))).toThrow(message);
  });

  it('a step with an unknown date does not hide two dated steps out of order', () => {
    const history = instrument('bill', [['introduced', '2026-05-01'], 'referred', ['committee-approved', '2026-04-22']]);
    expect(() => deriveStatus(history)).toThrow('before an earlier step (steps[0]) (2026-05-01)');
  });

  it('an undated step cannot have a latest possible day before an earlier dated step', () => {
    const history = instrument('bill', [['introduced', '2026-05-01'], 'referred']);
    history.steps[1]!.notAfter = '2026-04-30';
    expect(() => deriveStatus(history)).toThrow('steps[1]: notAfter 2026-04-30 is before the previous step (2026-05-01)');
  });

  it('an undated step whose latest possible day comes before the next dated step is fine', () => {
    const history = instrument('bill', ['introduced', ['committee-approved', '2026-04-22']]);
    history.steps[0]!.notAfter = '2026-04-22';
    expect(deriveStatus(history).label).toBe('Passed committee');
  });

  it('a month and a day in that month are not out of order', () => {
    expect(() => deriveStatus(instrument('designation', [['listed', '2026-06'], ['removed', '2026-06-01']]))).not.toThrow();
  });
});
