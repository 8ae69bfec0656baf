/**
 * Social cards: a 1200×630 PNG per event, per instrument, per chart and one
 * for the site, drawn at build time with satori (layout → SVG) and resvg
 * (SVG → PNG) in the project's own font (public/fonts, Inter, OFL-1.1).
 *
 * The card content (`Card`) and the card addresses are pure and tested; only
 * `renderCard` touches satori, resvg and the font files, and it loads them on
 * first use, so pages that only need an address never pay for them.
 *
 * OG_CARDS=off skips the per-event and per-instrument cards (the benchmark
 * builds 10,000 synthetic events): pages then point at the site card, which is
 * always built.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventData, InstrumentData } from '../../schemas';
import { type Entry, type Story, asOfDate, byId, getById } from '../story/story';
import { eventDateLabel, instrumentView, standingOf } from '../story/queries';
import { formatDate } from '../util/format';
import { precisionOf } from '../util/dates';
import { INSTRUMENT_KIND_LABELS, KIND_LABELS } from '../story/kinds';
import { chartFileSvg } from './chart-files';
import { type Embed, chartPaths, embeds } from './embeds';
import { EXPORT_SCALE, svgSize } from './chart-export';
import { oncePerNamed } from '../util/memo';
import { SITE_NAME } from '../util/site';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface Card {
  /** Small line above the title, e.g. "Event · Litigation". */
  kicker: string;
  title: string;
  /** Date or status lines under the title. */
  lines: string[];
  /** Badges such as "Alleged by Anthropic" or "Disputed". */
  badges: { text: string; tone: 'alleged' | 'disputed' | 'reported' | 'status' }[];
  /** "Status as of June 26, 2026". */
  asOf: string;
}

/** True unless OG_CARDS is "off", "0" or "false". */
export function cardsEnabled(value: string | undefined = process.env.OG_CARDS): boolean {
  return !['off', '0', 'false', 'no'].includes((value ?? '').trim().toLowerCase());
}

const asOfLine = (story: Story) => `Status as of ${formatDate(asOfDate(story))}, the date of the newest source`;

/** The card of an event page: title, date as the page gives it, and its standing. */
export function eventCard(story: Story, event: Entry<EventData>): Card {
  const d = event.data;
  const standing = standingOf(story, event);
  const accuser = standing.allegedBy ? getById(story.actors, standing.allegedBy, 'actor').data.name : null;
  const dateNote = d.dateClaim ? ' (the sources differ)' : precisionOf(d.date) === 'month' ? ' (month known only)' : '';
  return {
    kicker: `Event · ${KIND_LABELS[d.kind]}`,
    title: d.title,
    lines: [`${eventDateLabel(story, d)}${dateNote}`],
    badges: [
      ...(accuser ? [{ text: `Alleged by ${accuser}`, tone: 'alleged' as const }] : []),
      ...(standing.disputed ? [{ text: 'Disputed', tone: 'disputed' as const }] : []),
      ...(!standing.alleged && !standing.disputed ? [{ text: 'Reported', tone: 'reported' as const }] : []),
    ],
    asOf: asOfLine(story),
  };
}

/** The card of an instrument page: name, derived status and last action. */
export function instrumentCard(story: Story, entry: Entry<InstrumentData>): Card {
  const view = instrumentView(story, entry);
  return {
    kicker: `Policy tracker · ${INSTRUMENT_KIND_LABELS[entry.data.kind]} · ${entry.data.shortName}`,
    title: entry.data.name,
    lines: [view.lastActionLabel ? `Last action: ${view.lastActionLabel}` : 'No action recorded in the sources'],
    badges: [{ text: view.status.label, tone: 'status' }],
    asOf: asOfLine(story),
  };
}

const alleged = (story: Story) => {
  const first = story.campaigns[0];
  const who = first ? byId(story.actors, first.data.attributedBy)?.data.name : undefined;
  return who ? [{ text: `Alleged by ${who}`, tone: 'alleged' as const }] : [];
};

/**
 * A chart page's card, from the chart registry (src/lib/outputs/embeds.ts): the first chart drawn on the page
 * (timeline, campaign scale, intensity, market), its image the chart's PNG export, its alt text the chart's title,
 * description and allegation note, as the image shows them. Undefined for a page that shows no chart.
 */
export function chartCard(story: Story, pagePath: string, registry: readonly Embed[] = embeds(story)): { id: string; card: Card } | undefined {
  const chart = registry.find((e) => (e.kind === 'chart' || e.kind === 'timeline') && e.page === pagePath);
  if (!chart) return undefined;
  return {
    id: chart.id,
    card: {
      kicker: 'Chart',
      title: chart.title,
      lines: [chart.description],
      badges: chart.alleged ? [{ text: chart.alleged, tone: 'alleged' }] : [],
      asOf: asOfLine(story),
    },
  };
}

/** Pixel size of a chart's PNG export (/charts/<id>.png), worked out once per story and chart. */
const chartPngSize = oncePerNamed((story: Story, id: string) => {
  const { width, height } = svgSize(chartFileSvg(story, id, undefined));
  return { width: Math.round(width * EXPORT_SCALE), height: Math.round(height * EXPORT_SCALE) };
});

/** The card every other page uses. */
export function siteCard(story: Story): Card {
  return {
    kicker: SITE_NAME,
    title: 'A sourced timeline and policy tracker of the 2026 AI distillation campaigns',
    lines: [`${story.events.length} events · ${story.instruments.length} policy instruments · ${story.sources.length} sources`],
    badges: alleged(story).map((b) => ({ ...b, text: `Campaign figures: ${b.text.toLowerCase()}` })),
    asOf: asOfLine(story),
  };
}

export const SITE_CARD_PATH = '/og/site.png';

/**
 * The card of a page (base-free path): an event's or instrument's own card,
 * a chart page's chart card, else the site card. Returns the card's
 * base-free address and its content (for the alt text).
 */
export function pageCard(
  story: Story,
  pagePath: string,
  enabled: boolean = cardsEnabled(),
): { path: string; card: Card; width: number; height: number } {
  const size = { width: CARD_WIDTH, height: CARD_HEIGHT };
  const entry = /^\/(events|tracker)\/([^/]+)\/$/.exec(pagePath);
  if (entry && enabled) {
    const [, kind, id] = entry;
    const event = kind === 'events' ? byId(story.events, id as string) : undefined;
    if (event) return { path: `/og/events/${event.id}.png`, card: eventCard(story, event), ...size };
    const instrument = kind === 'tracker' ? byId(story.instruments, id as string) : undefined;
    if (instrument) return { path: `/og/instruments/${instrument.id}.png`, card: instrumentCard(story, instrument), ...size };
  }
  const chart = chartCard(story, pagePath);
  // A chart page's card is the chart's own PNG export: 600 px at 2×, with its title, source line and as-of date.
  if (chart) return { path: chartPaths(chart.id).png, card: chart.card, ...chartPngSize(story, chart.id) };
  return { path: SITE_CARD_PATH, card: siteCard(story), ...size };
}

/** Alt text for a card, read by screen readers of the sharing sites. */
export function cardAlt(card: Card): string {
  return [card.kicker, card.title, ...card.lines, ...card.badges.map((b) => b.text), card.asOf].join('. ');
}

// --- drawing -----------------------------------------------------------------

interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | string };
}
const el = (type: string, style: Record<string, string | number>, children: (Node | string)[] | string = []): Node => ({
  type,
  props: { style, children },
});

const TONES: Record<Card['badges'][number]['tone'], { fg: string; bg: string }> = {
  alleged: { fg: '#8a4b00', bg: '#fff3e0' },
  disputed: { fg: '#9b1c31', bg: '#fdecee' },
  reported: { fg: '#1d5e2f', bg: '#e8f4ea' },
  status: { fg: '#0b5cad', bg: '#e8f0fa' },
};

/** The card as a satori element tree (plain objects, no JSX). */
export function cardTree(card: Card): Node {
  const titleSize = card.title.length > 90 ? 48 : card.title.length > 60 ? 56 : 64;
  return el('div', { width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', background: '#ffffff', color: '#1a1a1a', fontFamily: 'Inter' }, [
    el('div', { width: 24, flexShrink: 0, background: '#0b5cad' }),
    // satori sizes boxes content-box: the padded column gets no explicit size and fills the rest by flex.
    el('div', { flexGrow: 1, display: 'flex', flexDirection: 'column', padding: '56px 72px 44px 64px' }, [
      el('div', { display: 'flex', fontSize: 26, color: '#595959', fontWeight: 700, letterSpacing: 1 }, card.kicker.toUpperCase()),
      el('div', { display: 'flex', fontSize: titleSize, fontWeight: 700, lineHeight: 1.15, marginTop: 28 }, card.title),
      ...card.lines.map((l) => el('div', { display: 'flex', fontSize: 34, marginTop: 24, color: '#1a1a1a' }, l)),
      el(
        'div',
        { display: 'flex', flexWrap: 'wrap', marginTop: 28 },
        card.badges.map((b) =>
          el(
            'div',
            { display: 'flex', fontSize: 28, fontWeight: 700, color: TONES[b.tone].fg, background: TONES[b.tone].bg, border: `3px solid ${TONES[b.tone].fg}`, borderRadius: 999, padding: '6px 22px', marginRight: 16 },
            b.text,
          ),
        ),
      ),
      el('div', { display: 'flex', flexGrow: 1 }),
      el('div', { display: 'flex', justifyContent: 'space-between', fontSize: 24, color: '#595959', borderTop: '2px solid #d6d6d6', paddingTop: 18 }, [
        el('div', { display: 'flex' }, card.asOf),
        el('div', { display: 'flex', fontWeight: 700, color: '#1a1a1a' }, SITE_NAME),
      ]),
    ]),
  ]);
}

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

/** The shipped font files (public/fonts), read once. */
function loadFonts() {
  const dir = join(process.cwd(), 'public', 'fonts');
  fonts ??= [
    { name: 'Inter', data: readFileSync(join(dir, 'inter-latin-400-normal.woff')), weight: 400, style: 'normal' },
    { name: 'Inter', data: readFileSync(join(dir, 'inter-latin-700-normal.woff')), weight: 700, style: 'normal' },
  ];
  return fonts;
}

/** Draws a card as a 1200×630 PNG. */
export async function renderCard(card: Card): Promise<Uint8Array> {
  const [{ default: satori }, { Resvg }] = await Promise.all([import('satori'), import('@resvg/resvg-js')]);
  const svg = await satori(cardTree(card) as unknown as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
  // The SVG holds only paths (satori outlines the text), so resvg needs no fonts of its own.
  return new Uint8Array(new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng());
}

/** A PNG response for an endpoint. */
export function pngResponse(png: Uint8Array): Response {
  return new Response(png as unknown as BodyInit, { headers: { 'Content-Type': 'image/png' } });
}
