/** The intensity chart: rates computed by derive.ts, with the missing inputs named. */
import { describe, expect, it } from 'vitest';
import { defaults, intensityDescription, intensitySvg } from '../../../src/charts/intensity';
import { intensityChartData } from '../../../src/lib/views/campaigns';
import { exchangesPerAccount, exchangesPerDay } from '../../../src/lib/story/derive';
import { getById } from '../../../src/lib/story/story';
import { loadContent } from '../support/load-content';
import { expectSvgSnapshot } from './snapshot';

const { story } = loadContent('content');
const data = intensityChartData(story);
const panel = (id: string) => data.panels.find((p) => p.id === id)!;
const row = (panelId: string, id: string) => panel(panelId).rows.find((r) => r.id === id)!;
const campaign = (id: string) => getById(story.campaigns, id, 'campaign').data;

describe('intensitySvg', () => {
  it('renders both panels like the accepted snapshot', () => {
    expectSvgSnapshot('intensity', intensitySvg(data));
  });

  it('renders with its defaults when given no options', () => {
    expect(intensitySvg(data)).toBe(intensitySvg(data, defaults));
  });

  it('takes every rate from the derived-figures module', () => {
    expect(row('per-account', 'alibaba-linked').value).toBe(exchangesPerAccount(campaign('alibaba-linked'))!.value);
    expect(row('per-account', 'february-total').value).toBe(exchangesPerAccount(campaign('february-total'))!.value);
    expect(row('per-day', 'alibaba-linked').value).toBe(exchangesPerDay(campaign('alibaba-linked'))!.value);
    expect(row('per-day', 'alibaba-linked').formula).toContain('45 days');
  });

  it('shows per-account figures for readers: about 1,152 and about 667', () => {
    expect(row('per-account', 'alibaba-linked').text).toBe('about 1,152');
    expect(row('per-account', 'february-total').text).toBe('about 667');
    expect(row('per-day', 'alibaba-linked').text).toBe('640,000');
  });

  it('names the missing input instead of drawing a bar: per-lab accounts, activity windows', () => {
    expect(row('per-account', 'minimax-february')).toMatchObject({ value: null, text: 'accounts given only for the February total' });
    expect(row('per-day', 'february-total')).toMatchObject({ value: null, text: 'no activity window given' });
    const svg = intensitySvg(data);
    expect(svg.match(/class="c-slot"/g)).toHaveLength(3 + 4);
    expect(svg).toContain('>no activity window given</text>');
  });

  it('puts each formula in the bar tooltip', () => {
    expect(intensitySvg(data)).toContain('computed as 28,800,000 exchanges ÷ 25,000 accounts');
  });

  it('describes both panels from the data', () => {
    const desc = intensityDescription(data);
    expect(desc).toContain('Exchanges per account: February total, about 667; Alibaba-linked, about 1,152.');
    expect(desc).toContain('Exchanges per day of activity: Alibaba-linked, 640,000.');
    expect(intensitySvg(data, { id: 'i' })).toContain(`<desc id="i-desc">${desc}</desc>`);
  });

  it('rounds coordinates to two decimals and uses no inline styles', () => {
    const svg = intensitySvg(data);
    for (const m of svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|width|height)="([^"]*)"/g)) expect(m[1]).toMatch(/^-?\d+(\.\d{1,2})?$/);
    expect(svg).not.toMatch(/\sstyle=|\son[a-z]+=/);
  });
});
