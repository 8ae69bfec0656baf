/** Escaping and rounding for generated markup: one definition each (src/lib/util/markup.ts). */
import { describe, expect, it } from 'vitest';
import { esc, r2 } from '../../src/lib/util/markup';
import { DAY, addDays, dayMs, daysBetween } from '../../src/lib/util/dates';

describe('esc(text)', () => {
  it('escapes &, <, > and both quotes, so text is safe in content and in either kind of attribute', () => {
    expect(esc(`Alibaba's "ADS" <b> & co`)).toBe('Alibaba&#39;s &quot;ADS&quot; &lt;b&gt; &amp; co');
  });
});

describe('r2(n)', () => {
  it('rounds to two decimals and never writes -0', () => {
    expect(r2(1.005 + 1e-9)).toBe(1.01);
    expect(r2(-0.001)).toBe(0);
    expect(Object.is(r2(-0.001), 0)).toBe(true);
    expect(String(r2(-0))).toBe('0');
  });
});

describe('DAY and dayMs', () => {
  it('are the day arithmetic the story and the charts share', () => {
    expect(dayMs('2026-06-25') - dayMs('2026-06-24')).toBe(DAY);
    expect(daysBetween('2026-06-24', addDays('2026-06-24', 3))).toBe(3);
  });
});
