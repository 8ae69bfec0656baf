/**
 * The tracker's state machine. Each kind of instrument has a vocabulary of
 * actions and the transitions between them; the current status is whatever
 * the last recorded step leads to. An impossible history (e.g. "became law"
 * straight after "passed House") throws at build time, naming the step.
 */
import type { Action, InstrumentData, InstrumentKind, Step } from '../../schemas';
import { dayRange } from '../util/dates';

interface Machine {
  /** The stages drawn on the tracker's stage bar, in order. */
  track: string[];
  /** Actions allowed as the first step. */
  start: Action[];
  /** Actions allowed after each action. */
  next: Partial<Record<Action, Action[]>>;
  /** Stage-bar position and status label reached by each action. */
  reach: Partial<Record<Action, { stage: number; label: string; outcome?: 'ended' | 'open' }>>;
  /** Status when no step is recorded. */
  empty: (i: InstrumentData) => string;
}

export const MACHINES: Record<InstrumentKind, Machine> = {
  bill: {
    track: ['Introduced', 'Committee', 'Passed House', 'Passed Senate', 'Resolving differences', 'To President', 'Became law'],
    start: ['introduced'],
    next: {
      introduced: ['referred', 'committee-approved', 'passed-house'],
      referred: ['committee-approved', 'passed-house'],
      'committee-approved': ['passed-house'],
      'passed-house': ['passed-senate'],
      'passed-senate': ['resolving-differences', 'to-president'],
      'resolving-differences': ['to-president'],
      'to-president': ['became-law', 'vetoed'],
    },
    reach: {
      introduced: { stage: 0, label: 'Introduced' },
      referred: { stage: 1, label: 'In committee' },
      'committee-approved': { stage: 1, label: 'Passed committee' },
      'passed-house': { stage: 2, label: 'Passed House' },
      'passed-senate': { stage: 3, label: 'Passed Senate' },
      'resolving-differences': { stage: 4, label: 'Resolving differences' },
      'to-president': { stage: 5, label: 'To President' },
      'became-law': { stage: 6, label: 'Became law', outcome: 'ended' },
      vetoed: { stage: 5, label: 'Vetoed', outcome: 'ended' },
    },
    empty: () => 'No action recorded',
  },
  amendment: {
    track: ['Announced', 'Filed', 'Agreed to / failed / withdrawn'],
    start: ['announced', 'filed'],
    next: { announced: ['filed', 'withdrawn'], filed: ['agreed-to', 'failed', 'withdrawn'] },
    reach: {
      announced: { stage: 0, label: 'Announced, not filed' },
      filed: { stage: 1, label: 'Filed' },
      'agreed-to': { stage: 2, label: 'Agreed to', outcome: 'ended' },
      failed: { stage: 2, label: 'Failed', outcome: 'ended' },
      withdrawn: { stage: 2, label: 'Withdrawn', outcome: 'ended' },
    },
    empty: () => 'No action recorded',
  },
  'executive-action': {
    track: ['Issued', 'Superseded / rescinded'],
    start: ['issued'],
    next: { issued: ['superseded', 'rescinded'] },
    reach: {
      issued: { stage: 0, label: 'Issued, in force' },
      superseded: { stage: 1, label: 'Superseded', outcome: 'ended' },
      rescinded: { stage: 1, label: 'Rescinded', outcome: 'ended' },
    },
    empty: () => 'Not issued',
  },
  designation: {
    track: ['Listed', 'Removed'],
    start: ['listed'],
    next: { listed: ['removed'], removed: ['listed'] },
    reach: { listed: { stage: 0, label: 'Listed' }, removed: { stage: 1, label: 'Removed' } },
    empty: () => 'Not listed',
  },
  lawsuit: {
    track: ['Filed', 'Ruling', 'Appeal'],
    start: ['filed'],
    next: { filed: ['ruling'], ruling: ['appeal'], appeal: ['ruling'] },
    reach: {
      filed: { stage: 0, label: 'Filed, awaiting ruling' },
      ruling: { stage: 1, label: 'Ruling issued' },
      appeal: { stage: 2, label: 'On appeal' },
    },
    empty: () => 'Not filed',
  },
  tool: {
    track: ['Available', 'Applied'],
    start: ['applied'],
    next: { applied: ['lifted'], lifted: ['applied'] },
    reach: { applied: { stage: 1, label: 'Applied' }, lifted: { stage: 0, label: 'Lifted' } },
    empty: (i) => (i.proposedIn ? 'Proposed, not law' : 'Not applied'),
  },
};

/**
 * Status codes of GovTrack and the unitedstates/congress project, for bills
 * that start in the House (H.R.). Exported with the data downloads.
 */
export const HOUSE_BILL_STATUS_CODES: Partial<Record<Action, string>> = {
  introduced: 'INTRODUCED',
  referred: 'REFERRED',
  'committee-approved': 'REPORTED',
  'passed-house': 'PASS_OVER:HOUSE',
  'passed-senate': 'PASSED:BILL',
  'resolving-differences': 'PASS_BACK:SENATE',
  'to-president': 'PASSED:BILL',
  'became-law': 'ENACTED:SIGNED',
  vetoed: 'PROV_KILL:VETO',
};

export const ACTION_LABELS: Record<Action, string> = {
  introduced: 'Introduced',
  referred: 'Referred to committee',
  'committee-approved': 'Passed committee',
  'passed-house': 'Passed House',
  'passed-senate': 'Passed Senate',
  'resolving-differences': 'Resolving differences',
  'to-president': 'Sent to the President',
  'became-law': 'Became law',
  vetoed: 'Vetoed',
  announced: 'Announced',
  filed: 'Filed',
  'agreed-to': 'Agreed to',
  failed: 'Failed',
  withdrawn: 'Withdrawn',
  issued: 'Issued',
  superseded: 'Superseded',
  rescinded: 'Rescinded',
  listed: 'Listed',
  removed: 'Removed',
  ruling: 'Ruling',
  appeal: 'Appeal',
  applied: 'Applied',
  lifted: 'Lifted',
};

export interface Status {
  /** Reader-facing status, e.g. "Passed committee". */
  label: string;
  /** Position on the kind's stage bar (-1 when nothing is recorded). */
  stage: number;
  track: string[];
  /** The last recorded step, if any. */
  last: Step | null;
  /** Actions the process allows next, as labels. */
  possibleNext: string[];
  ended: boolean;
  /** GovTrack-style status code (bills only). */
  code: string | null;
}

export class HistoryError extends Error {}

/** Derives the current status and rejects impossible histories. */
export function deriveStatus(instrument: InstrumentData): Status {
  const machine = MACHINES[instrument.kind];
  let previous: Step | null = null;
  // The latest first day of any earlier dated step: a step with an unknown date
  // between two dated ones must not hide that they are out of order.
  let floor: { day: string; index: number } | null = null;
  instrument.steps.forEach((step, i) => {
    const allowed: Action[] = previous ? (machine.next[previous.action] ?? []) : machine.start;
    if (!allowed.includes(step.action)) {
      const after = previous ? `after "${previous.action}"` : 'as the first step';
      throw new HistoryError(
        `steps[${i}]: "${step.action}" cannot come ${after} for a ${instrument.kind}` +
          (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (the process has ended)'),
      );
    }
    const earlier = floor && (floor.index === i - 1 ? 'the previous step' : `an earlier step (steps[${floor.index}])`);
    if (floor && step.date && dayRange(step.date).last < floor.day) {
      throw new HistoryError(`steps[${i}]: dated ${step.date}, before ${earlier} (${instrument.steps[floor.index]?.date})`);
    }
    if (floor && !step.date && step.notAfter && step.notAfter < floor.day) {
      throw new HistoryError(`steps[${i}]: notAfter ${step.notAfter} is before ${earlier} (${instrument.steps[floor.index]?.date})`);
    }
    if (step.notAfter && step.date && dayRange(step.date).first > step.notAfter) {
      throw new HistoryError(`steps[${i}]: dated ${step.date}, after its own notAfter ${step.notAfter}`);
    }
    if (step.date && (!floor || dayRange(step.date).first >= floor.day)) floor = { day: dayRange(step.date).first, index: i };
    previous = step;
  });
  const last: Step | null = previous;
  if (!last) {
    return {
      label: machine.empty(instrument),
      stage: -1,
      track: machine.track,
      last: null,
      possibleNext: machine.start.map((a) => ACTION_LABELS[a]),
      ended: false,
      code: instrument.kind === 'bill' ? 'NOT_INTRODUCED' : null,
    };
  }
  const lastStep: Step = last;
  const reached = machine.reach[lastStep.action];
  if (!reached) throw new HistoryError(`No stage for action "${lastStep.action}"`);
  return {
    label: reached.label,
    stage: reached.stage,
    track: machine.track,
    last: lastStep,
    possibleNext: (machine.next[lastStep.action] ?? []).map((a) => ACTION_LABELS[a]),
    ended: reached.outcome === 'ended',
    code: instrument.kind === 'bill' ? (HOUSE_BILL_STATUS_CODES[lastStep.action] ?? null) : null,
  };
}
