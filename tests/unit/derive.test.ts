/** Derived figures against values computed by hand from the seeds' numbers. */
import { describe, expect, it } from 'vitest';
import {
  deadlineOf,
  exchangesPerAccount,
  exchangesPerDay,
  exchangesPerDayBetween,
  impliedLevels,
  percentAbove,
  ratio,
  sumOf,
  windowLength,
} from '../../src/lib/story/derive';
import { loadContent } from './support/load-content';
import { getById } from '../../src/lib/story/story';

const { story } = loadContent('content');
const campaign = (id: string) => getById(story.campaigns, id, 'campaign').data;
const alibaba = campaign('alibaba-linked');
const february = campaign('february-total');

describe('windowLength', () => {
  it('April 22 → June 5, 2026 is 44 days between and 45 counting both ends', () => {
    // April has 30 days: 8 days left after the 22nd, 31 in May, 5 in June = 44.
    expect(windowLength('2026-04-22', '2026-06-05')).toEqual({ between: 44, inclusive: 45 });
  });
  it('a one-day window is 0 days between and 1 inclusive', () => {
    expect(windowLength('2026-06-10', '2026-06-10')).toEqual({ between: 0, inclusive: 1 });
  });
});

describe('rates and ratios', () => {
  it('exchanges per account: 28,800,000 ÷ 25,000 = 1,152', () => {
    expect(exchangesPerAccount(alibaba)?.value).toBe(1152);
    expect(exchangesPerAccount(alibaba)?.approximate).toBe(true);
  });
  it('February: 16,000,000 ÷ 24,000 = 666.67 (the "~667" one source prints)', () => {
    expect(exchangesPerAccount(february)?.value).toBeCloseTo(666.667, 3);
  });
  it('per-lab accounts are not disclosed, so there is no per-account figure', () => {
    expect(exchangesPerAccount(campaign('minimax-february'))).toBeNull();
  });
  it('exchanges per day: 28,800,000 ÷ 45 days = 640,000', () => {
    const perDay = exchangesPerDay(alibaba);
    expect(perDay?.value).toBe(640000);
    expect(perDay?.formula).toContain('45 days');
  });
  it('no window, no per-day figure', () => {
    expect(exchangesPerDay(february)).toBeNull();
  });
  it('Alibaba-linked vs February exchanges: 28.8 ÷ 16 = 1.8', () => {
    expect(ratio(alibaba.exchanges, february.exchanges, 'exchanges')?.value).toBeCloseTo(1.8, 10);
  });
  it('Alibaba-linked vs February accounts: (25,000 − 24,000) ÷ 24,000 = 4.17%, where one source says "about 5 percent"', () => {
    expect(percentAbove(alibaba.accounts, february.accounts, 'accounts')?.value).toBeCloseTo(4.1667, 4);
  });
  it('the per-lab February figures sum to 16,550,000', () => {
    const parts = ['deepseek-february', 'moonshot-february', 'minimax-february'].map((id) => campaign(id).exchanges);
    expect(sumOf(parts, 'exchanges')?.value).toBe(16_550_000);
  });
  it('a sum with an undisclosed part is unknown', () => {
    const parts = ['deepseek-february', 'moonshot-february'].map((id) => campaign(id).accounts);
    expect(sumOf(parts, 'accounts')).toBeNull();
  });
});

describe('impliedLevels', () => {
  it('$94.93 after a 25% fall implies $126.57 on May 27', () => {
    const [level] = impliedLevels(getById(story.series, 'alibaba-ads', 'series').data);
    expect(level?.date).toBe('2026-05-27');
    expect(level?.value).toBeCloseTo(126.5733, 4);
    expect(level?.formula).toBe('94.93 ÷ (1 − 25/100)');
    expect(level?.approximate).toBe(true);
  });
});

describe('deadlineOf', () => {
  const question = (id: string) => getById(story.questions, id, 'question').data;
  it('ninety days from June 24, 2026 is September 22, 2026', () => {
    expect(deadlineOf(question('ofac-action-90-days'), '2026-06-26', '2026-07-01')).toEqual({
      state: 'open',
      date: '2026-09-22',
      formula: '2026-06-24 + 90 days',
    });
  });
  it('a deadline passed since the sources end is "passed, no outcome recorded", not met or missed', () => {
    expect(deadlineOf(question('ofac-action-90-days'), '2026-06-26', '2026-11-22').state).toBe('passed-no-outcome');
  });
  it('a deadline with no calendar date stays undated', () => {
    expect(deadlineOf(question('senate-banking-hearing'), '2026-06-26', '2026-11-22')).toMatchObject({ state: 'undated', date: null });
  });
  it('a signpost without a deadline has none', () => {
    expect(deadlineOf(question('openai-comparable-disclosure'), '2026-06-26', '2026-11-22').state).toBe('no-deadline');
  });
});

describe('exchangesPerDayBetween', () => {
  it('counting the 44 days between April 22 and June 5: 28,800,000 ÷ 44 = 654,545.45', () => {
    const perDay = exchangesPerDayBetween(alibaba);
    expect(perDay?.value).toBeCloseTo(654545.4545, 3);
    expect(perDay?.formula).toContain('44 days');
    expect(perDay?.formula).toContain('last day not counted');
  });
  it('no window, no per-day figure', () => {
    expect(exchangesPerDayBetween(february)).toBeNull();
  });
});
