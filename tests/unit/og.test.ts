/**
 * Social cards: the content of each card (title, date or status, "as of",
 * "Alleged by Anthropic" where it applies), the card address each page gets,
 * the OG_CARDS switch, and that a drawn card is a 1200×630 PNG.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { loadContent } from './support/load-content';
import { getById } from '../../src/lib/story/story';
import { CARD_HEIGHT, CARD_WIDTH, SITE_CARD_PATH, chartCard, cardAlt, cardsEnabled, eventCard, instrumentCard, pageCard, renderCard, siteCard } from '../../src/lib/outputs/cards';

const { story } = loadContent('content');

describe('card content', () => {
  it('an alleged event names the accuser and the as-of day', () => {
    const card = eventCard(story, getById(story.events, 'alibaba-linked-campaign', 'event'));
    expect(card.title).toBe(getById(story.events, 'alibaba-linked-campaign', 'event').data.title);
    expect(card.badges.map((b) => b.text)).toContain('Alleged by Anthropic');
    expect(card.asOf).toContain('June 26, 2026');
  });

  it('a disputed date says the sources differ; a month-only date says so', () => {
    expect(eventCard(story, getById(story.events, 'alibaba-sues-dod', 'event')).lines[0]).toBe('June 23 or 24, 2026 (the sources differ)');
    const monthOnly = story.events.find((e) => e.data.date.length === 7);
    expect(monthOnly, 'content has a month-precision event').toBeDefined();
    expect(eventCard(story, monthOnly!).lines[0]).toMatch(/\(month known only\)$/);
  });

  it('a reported event is badged "Reported", not alleged', () => {
    const reported = story.events.find((e) => !e.data.allegedBy && e.data.claims.length === 0 && !story.claims.some((c) => c.data.events.includes(e.id)));
    expect(reported).toBeDefined();
    expect(eventCard(story, reported!).badges.map((b) => b.text)).toEqual(['Reported']);
  });

  it('an instrument card shows its derived status and last action', () => {
    const card = instrumentCard(story, getById(story.instruments, 'hr-8283', 'instrument'));
    expect(card.kicker).toContain('H.R. 8283');
    expect(card.badges[0]?.text).toBe('Passed committee');
    expect(card.lines[0]).toBe('Last action: April 22, 2026');
  });

  it('the alt text carries every line of the card', () => {
    const card = siteCard(story);
    expect(cardAlt(card)).toContain(card.title);
    expect(cardAlt(card)).toContain(card.asOf);
  });
});

describe('card addresses', () => {
  it('events and instruments get their own card; chart pages a chart card; others the site card', () => {
    expect(pageCard(story, '/events/alibaba-sues-dod/', true).path).toBe('/og/events/alibaba-sues-dod.png');
    expect(pageCard(story, '/tracker/hr-8283/', true).path).toBe('/og/instruments/hr-8283.png');
    expect(pageCard(story, '/timeline/', true).path).toBe('/charts/timeline.png');
    expect(pageCard(story, '/method/', true).path).toBe(SITE_CARD_PATH);
    expect(pageCard(story, '/events/no-such-event/', true).path).toBe(SITE_CARD_PATH);
  });

  it('OG_CARDS=off points entry pages at the site card', () => {
    expect(cardsEnabled('off')).toBe(false);
    expect(cardsEnabled(undefined)).toBe(true);
    expect(cardsEnabled('on')).toBe(true);
    expect(pageCard(story, '/events/alibaba-sues-dod/', false).path).toBe(SITE_CARD_PATH);
  });

  it("a chart page's card is its first chart's PNG, worded from the chart registry", () => {
    expect(chartCard(story, '/timeline/')?.id).toBe('timeline');
    expect(chartCard(story, '/campaigns/')?.id).toBe('campaign-scale');
    expect(chartCard(story, '/markets/')?.id).toBe('market');
    expect(chartCard(story, '/sources/')).toBeUndefined();
    const scale = chartCard(story, '/campaigns/')!;
    expect(scale.card.badges.map((b) => b.tone)).toEqual(['alleged']);
    expect(scale.card.badges[0]!.text).toMatch(/^Alleged by Anthropic/);
    expect(pageCard(story, '/campaigns/', true)).toMatchObject({ path: '/charts/campaign-scale.png', card: scale.card });
    const fake = { id: 'fake', kind: 'chart', page: '/sources/', title: 'A fake chart', description: 'One bar.', alleged: null } as never;
    expect(chartCard(story, '/sources/', [fake])?.card).toMatchObject({ title: 'A fake chart', lines: ['One bar.'], badges: [] });
  });
});

describe('drawing', () => {
  it('draws a 1200×630 PNG', async () => {
    const png = await renderCard(eventCard(story, getById(story.events, 'alibaba-linked-campaign', 'event')));
    if (process.env.OG_SAMPLE) writeFileSync(process.env.OG_SAMPLE, png);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect(view.getUint32(16)).toBe(CARD_WIDTH);
    expect(view.getUint32(20)).toBe(CARD_HEIGHT);
  }, 20_000);
});
