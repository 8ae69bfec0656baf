/**
 * Campaign and market queries for the comparison charts and pages. Pure: they
 * take the Story and return plain data. Every ratio, rate, sum and implied
 * level comes from src/lib/story/derive.ts; this module only selects, orders and
 * formats, so the chart functions receive ready-to-draw data.
 */
import type { CampaignData, ClaimData, Count, EventData, Qualifier } from '../../schemas';
import type { Metric, ScaleChartData } from '../../charts/campaign-scale';
import type { IntensityData, IntensityRow } from '../../charts/intensity';
import { artboards } from '../../charts/artboards';
import { marketSvg, type MarketData, type MarketEvent } from '../../charts/market';
import { type Citation, type Entry, type Story, byId, citation, getById } from '../story/story';
import {
  type Derived,
  exchangesPerAccount,
  exchangesPerDay,
  exchangesPerDayBetween,
  impliedLevels,
  percentAbove,
  ratio,
  sumOf,
} from '../story/derive';
import { formatCount, formatDate, formatNumber, formatPercent, formatUsd, qualified, approximately } from '../util/format';
import { METRIC_LABELS } from '../story/kinds';
import { claimDays, claimsTouching, eventDateLabel, eventsByDate, standingOf } from '../story/queries';
import { dayRange, groupBy, precisionOf, sortKey } from '../util/dates';
import { type SourceRef, sourceRefs } from '../story/sources';
import { oncePer, oncePerNamed } from '../util/memo';

export { type SourceRef, sourceRefs };


/** Name of the actor who makes an attribution ("Anthropic"). */
export function accuserName(story: Story, c: CampaignData): string {
  return getById(story.actors, c.attributedBy, 'actor').data.name;
}

/**
 * Campaigns in reading order: by the date they were disclosed; within one
 * disclosure, the campaigns in the order their combined figure lists them,
 * then the combined figure.
 */
export function campaignsInOrder(story: Story): Entry<CampaignData>[] {
  const disclosed = (c: Entry<CampaignData>) => sortKey(getById(story.events, c.data.disclosure, 'event').data.date);
  const aggregateIndex = (c: Entry<CampaignData>) => {
    for (const agg of story.campaigns) {
      const i = agg.data.aggregateOf.indexOf(c.id);
      if (i >= 0) return i;
    }
    return -1;
  };
  return [...story.campaigns].sort(
    (a, b) =>
      disclosed(a).localeCompare(disclosed(b)) ||
      Number(a.data.aggregateOf.length > 0) - Number(b.data.aggregateOf.length > 0) ||
      aggregateIndex(a) - aggregateIndex(b) ||
      a.data.label.localeCompare(b.data.label),
  );
}

/** A ratio for readers: "192" for large ones, "1.04" for small ones. */
export function formatTimes(value: number): string {
  return value >= 10 ? formatNumber(value) : String(Number(value.toFixed(2)));
}

/** A derived figure for readers, with "about" when any input is approximate. */
export function formatDerived(d: Derived): string {
  return approximately(d.approximate, formatNumber(d.value));
}

/** Exact derived value for tables: two decimals at most ("666.67", "1,152"). */
export function formatDerivedExact(d: Derived): string {
  return d.value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** The claim on which the sources disagree about one figure, if any. */
export function figureClaim(story: Story, count: Count): Entry<ClaimData> | undefined {
  return count.claim ? byId(story.claims, count.claim) : undefined;
}

/**
 * The largest and the smallest known figure of a metric, and how many times
 * one is the other (via derive.ratio). Null when fewer than two are known.
 */
export function spreadOf(story: Story, metric: Metric) {
  const known = campaignsInOrder(story).filter((c) => c.data[metric].value !== null);
  if (known.length < 2) return null;
  const byValue = [...known].sort((a, b) => (a.data[metric].value as number) - (b.data[metric].value as number));
  const smallest = byValue[0]!;
  const largest = byValue[byValue.length - 1]!;
  const times = ratio(largest.data[metric], smallest.data[metric], `(${METRIC_LABELS[metric].toLowerCase()}, largest ÷ smallest)`);
  if (!times) return null;
  const text =
    `The largest figure (${largest.data.label}, ${formatCount(largest.data[metric])}) is ` +
    `${approximately(times.approximate, formatTimes(times.value))} times the smallest (${smallest.data.label}, ${formatCount(smallest.data[metric])}).`;
  return { largest, smallest, times, text };
}

/** Data for the campaign-scale chart. */
export function scaleChartData(story: Story): ScaleChartData {
  const campaigns = campaignsInOrder(story);
  const value = (c: CampaignData, metric: Metric) => {
    const count = c[metric];
    return {
      value: count.value,
      text: formatCount(count),
      ...(count.note ? { note: count.note } : {}),
      ...(count.claim ? { disputed: true } : {}),
    };
  };
  const first = campaigns[0];
  return {
    bars: campaigns.map((c) => ({
      id: c.id,
      label: c.data.label,
      aggregate: c.data.aggregateOf.length > 0,
      values: { accounts: value(c.data, 'accounts'), exchanges: value(c.data, 'exchanges') },
    })),
    metrics: {
      accounts: { name: METRIC_LABELS.accounts, spread: spreadOf(story, 'accounts')?.text ?? null },
      exchanges: { name: METRIC_LABELS.exchanges, spread: spreadOf(story, 'exchanges')?.text ?? null },
    },
    allegedBy: first ? accuserName(story, first.data) : 'the accuser',
  };
}

/** A campaign's rates, each null with a reason when an input is missing. */
export interface Intensity {
  entry: Entry<CampaignData>;
  perAccount: Derived | null;
  /** Why there is no per-account figure. */
  perAccountMissing: string | null;
  perDay: Derived | null;
  /** The same rate counting only the days between the first and last day. */
  perDayBetween: Derived | null;
  perDayMissing: string | null;
}

/** Exchanges per account and per day for one campaign, with the reason when one cannot be computed. */
export function intensityOf(story: Story, c: Entry<CampaignData>): Intensity {
  const d = c.data;
  const perAccount = exchangesPerAccount(d);
  const perDay = exchangesPerDay(d);
  const combined = aggregateOfCampaign(story, c.id);
  const missing = (what: Metric) =>
    combined && combined.data[what].value !== null
      ? `${what} given only for the ${combined.data.label}`
      : `${what} not disclosed`;
  return {
    entry: c,
    perAccount,
    perAccountMissing: perAccount ? null : missing(d.accounts.value === null ? 'accounts' : 'exchanges'),
    perDay,
    perDayBetween: exchangesPerDayBetween(d),
    perDayMissing: perDay ? null : d.window === null ? 'no activity window given' : missing('exchanges'),
  };
}

/** Data for the intensity chart. */
export function intensityChartData(story: Story): IntensityData {
  const all = campaignsInOrder(story).map((c) => intensityOf(story, c));
  const row = (i: Intensity, d: Derived | null, missing: string | null): IntensityRow => ({
    id: i.entry.id,
    label: i.entry.data.label,
    aggregate: i.entry.data.aggregateOf.length > 0,
    value: d ? d.value : null,
    text: d ? formatDerived(d) : (missing ?? 'not disclosed'),
    ...(d ? { formula: d.formula } : {}),
  });
  const first = all[0];
  return {
    panels: [
      { id: 'per-account', name: 'Exchanges per account', rows: all.map((i) => row(i, i.perAccount, i.perAccountMissing)) },
      { id: 'per-day', name: 'Exchanges per day of activity', rows: all.map((i) => row(i, i.perDay, i.perDayMissing)) },
    ],
    allegedBy: first ? accuserName(story, first.entry.data) : 'the accuser',
  };
}

/**
 * Where a combined figure and the sum of its parts differ: e.g. the per-lab
 * February exchanges sum to 16.55 million while the sources give the total as
 * about 16 million. One entry per combined campaign and metric whose parts are all known.
 */
export function aggregateChecks(story: Story) {
  return campaignsInOrder(story)
    .filter((c) => c.data.aggregateOf.length > 0)
    .flatMap((agg) => {
      const parts = agg.data.aggregateOf.map((id) => getById(story.campaigns, id, 'campaign'));
      return (['accounts', 'exchanges'] as const).flatMap((metric) => {
        const sum = sumOf(
          parts.map((p) => p.data[metric]),
          METRIC_LABELS[metric].toLowerCase(),
        );
        const stated = agg.data[metric];
        if (!sum || stated.value === null) return [];
        return [{ aggregate: agg, parts, metric, sum, stated, agrees: sum.value === stated.value }];
      });
    });
}

/**
 * A claim in which a source states a percentage gap between two campaigns
 * (its first numeric position), set beside the gap computed by
 * derive.percentAbove from the counts the sources give. The claim lists the
 * two campaigns, larger first. Null when the claim or a count is missing.
 */
export function percentGap(story: Story, claimId: string, metric: Metric) {
  const claim = byId(story.claims, claimId);
  const [aId, bId] = claim?.data.campaigns ?? [];
  const quoted = claim?.data.positions.find((p) => typeof p.value === 'number');
  if (!claim || !aId || !bId || !quoted) return null;
  const a = getById(story.campaigns, aId, 'campaign');
  const b = getById(story.campaigns, bId, 'campaign');
  const computed = percentAbove(a.data[metric], b.data[metric], `(${METRIC_LABELS[metric].toLowerCase()}, ${a.data.label} against ${b.data.label})`);
  if (!computed) return null;
  return { claim, quoted, quotedSource: citation(quoted.source), a, b, metric, computed, computedText: formatPercent(computed.value) };
}

/** Every source the campaign figures rest on (counts and windows). */
export function campaignFigureSources(story: Story): SourceRef[] {
  return sourceRefs(
    story,
    story.campaigns.flatMap((c) => [...c.data.accounts.sources, ...c.data.exchanges.sources, ...(c.data.window?.sources ?? [])]),
  );
}

/** Events that concern a campaign: its disclosure and every event that lists it, in date order. */
export function campaignEvents(story: Story, id: string): Entry<EventData>[] {
  const c = getById(story.campaigns, id, 'campaign');
  return eventsByDate(story).filter((e) => e.id === c.data.disclosure || e.data.campaigns.includes(id));
}

/** Claims touching a campaign: those it names and those that name it. */
export function campaignClaims(story: Story, id: string): Entry<ClaimData>[] {
  return claimsTouching(story, 'campaigns', id);
}

/** The combined campaign a campaign is part of, if any. */
export function aggregateOfCampaign(story: Story, id: string): Entry<CampaignData> | undefined {
  return story.campaigns.find((c) => c.data.aggregateOf.includes(id));
}

/** Market events are the series itself; every other event whose date starts inside the window is annotated. */
const windowOf = oncePerNamed((story: Story, span: string) => {
  const [from, to] = span.split('/') as [string, string];
  return eventsByDate(story).filter((e) => e.data.kind !== 'market' && sortKey(e.data.date) >= from && sortKey(e.data.date) <= to);
});

/** Non-market events from `from` to `to`, by date. Cached per story: every event page asks (to decide on the market chart). */
export function eventsInWindow(story: Story, from: string, to: string): Entry<EventData>[] {
  return windowOf(story, `${from}/${to}`);
}

/** The window a series' chart covers: its reported moves and points, earliest to latest. */
export function seriesWindow(story: Story, seriesId: string): { from: string; to: string } {
  const s = getById(story.series, seriesId, 'series').data;
  const days = [...s.points.map((p) => p.date), ...s.moves.flatMap((m) => [m.from, m.to])].sort();
  if (days.length === 0) throw new Error(`Series "${seriesId}" has no dated points or moves`);
  return { from: days[0]!, to: days[days.length - 1]! };
}

/** "about −25%": a reported move with its qualifier and a true minus sign. */
export function formatMove(percent: number, qualifier: Qualifier): string {
  const sign = percent < 0 ? '−' : '+';
  return qualified(qualifier, `${sign}${Math.abs(percent)}%`);
}

/** One annotated event of the market chart. */
export function marketEvent(story: Story, e: Entry<EventData>, n: number): MarketEvent {
  const d = e.data;
  const alternatives = d.dateClaim ? claimDays(story, d.dateClaim) : [];
  const range = alternatives.length > 1 ? { first: alternatives[0]!, last: alternatives[alternatives.length - 1]! } : dayRange(d.date);
  return {
    n,
    id: e.id,
    title: d.title,
    dateText: eventDateLabel(story, d),
    precision: alternatives.length > 1 ? 'alternatives' : precisionOf(d.date) === 'month' ? 'month' : 'day',
    first: range.first,
    last: d.endDate && alternatives.length <= 1 ? dayRange(d.endDate).last : range.last,
    alternatives,
    standing: standingOf(story, e).label,
  };
}

/**
 * Most events an event page's market chart marks. /markets/ and the embed mark
 * every event of the period; an event page marks them all too while they are
 * this few, and otherwise its own event and those just before and after it in
 * date order, this many in all. Copying the whole chart onto every event page
 * of a busy period made each of those pages grow with the period, and the
 * build quadratic (npm run bench).
 */
export const MARKET_PAGE_MARKS = 12;

/** A market chart as one page shows it: its data, the marked events' entries, notes and sources. */
export interface MarketView {
  data: MarketData;
  /** The entries of `data.events`, in the same order. */
  marked: Entry<EventData>[];
  /** How many events the period has (the chart marks `marked.length` of them). */
  total: number;
  /** The event page the view is for, when it marks only part of the period. */
  focus: string | null;
  /** "Events 2, 5: alleged by Anthropic; not independently verified.", or null when none is alleged. */
  allegedNote: string | null;
  /** Every source the chart draws on: the series and the marked events. */
  sources: SourceRef[];
}

/**
 * The market chart of a series (default: Alibaba's ADS), whole, as /markets/
 * and the embed show it; or, given an event id, as that event's page shows it
 * (see MARKET_PAGE_MARKS). The whole view is built once per story and series.
 */
export function marketView(story: Story, seriesId = 'alibaba-ads', focus?: string): MarketView {
  const whole = wholeMarketView(story, seriesId);
  if (focus === undefined || whole.total <= MARKET_PAGE_MARKS) return whole;
  return buildMarketView(story, seriesId, aroundInWindow(story, seriesId, focus), focus);
}

/** Data for the market chart of a series, every event of the period marked. */
export function marketChartData(story: Story, seriesId = 'alibaba-ads'): MarketData {
  return marketView(story, seriesId).data;
}

const marketSvgCache = oncePerNamed((view: MarketView, key: string) => {
  const at = key.lastIndexOf('@');
  return marketSvg(view.data, { id: key.slice(0, at), width: Number(key.slice(at + 1)) });
});

/** The market chart's SVG for a view at one width (default 640), drawn once per view, element id and width. */
export function marketChartSvg(view: MarketView, id: string, width = 640): string {
  return marketSvgCache(view, `${id}@${width}`);
}

/** The market chart's artboards for a view (src/charts/artboards.ts): one SVG per page width, drawn once per view and id. */
export const marketChartArtboards: (view: MarketView, idBase: string) => string = oncePerNamed((view: MarketView, idBase: string) =>
  artboards((width, id) => marketChartSvg(view, id, width), idBase),
);

/** Whether an event's page shows a series' market chart: a market event, or one the whole chart marks. */
export function showsMarketChart(story: Story, seriesId: string, event: Entry<EventData>): boolean {
  return event.data.kind === 'market' || markedIds(marketView(story, seriesId)).has(event.id);
}

const wholeMarketView = oncePerNamed((story: Story, seriesId: string) => {
  const { from, to } = seriesWindow(story, seriesId);
  return buildMarketView(story, seriesId, eventsInWindow(story, from, to), null);
});
const markedIds = oncePer((view: MarketView) => new Set(view.marked.map((e) => e.id)));

/** MARKET_PAGE_MARKS events of the period in a row by date, centred on the focus event (or on its date, for a market event). */
function aroundInWindow(story: Story, seriesId: string, focus: string): Entry<EventData>[] {
  const { from, to } = seriesWindow(story, seriesId);
  const all = eventsInWindow(story, from, to);
  const day = sortKey(getById(story.events, focus, 'event').data.date);
  // First event not before the focus's day (binary search: the window is in date order).
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortKey(all[mid]!.data.date) < day) lo = mid + 1;
    else hi = mid;
  }
  let at = lo;
  while (at < all.length && all[at]!.id !== focus && sortKey(all[at]!.data.date) === day) at++;
  if (at >= all.length || all[at]!.id !== focus) at = lo;
  const start = Math.max(0, Math.min(at - Math.floor((MARKET_PAGE_MARKS - 1) / 2), all.length - MARKET_PAGE_MARKS));
  return all.slice(start, start + MARKET_PAGE_MARKS);
}

function buildMarketView(story: Story, seriesId: string, marked: Entry<EventData>[], focus: string | null): MarketView {
  const s = getById(story.series, seriesId, 'series').data;
  const { from, to } = seriesWindow(story, seriesId);
  const data: MarketData = {
    seriesName: s.name,
    unit: s.unit,
    reported: s.points.map((p) => ({ date: p.date, dateText: formatDate(p.date), value: p.value, text: formatUsd(p.value), label: p.label })),
    derived: impliedLevels(s).map((l) => ({
      date: l.date,
      dateText: formatDate(l.date),
      value: l.value,
      text: formatUsd(l.value),
      formula: l.formula,
      approximate: l.approximate,
    })),
    moves: s.moves.map((m) => ({ from: m.from, to: m.to, text: formatMove(m.percent, m.qualifier) })),
    events: marked.map((e, i) => marketEvent(story, e, i + 1)),
  };
  const alleged = marked
    .map((e, i) => ({ n: i + 1, standing: standingOf(story, e) }))
    .filter((x) => x.standing.alleged)
    .map((x) => ({ n: x.n, by: getById(story.actors, x.standing.allegedBy!, 'actor').data.name }));
  const accusers = [...new Set(alleged.map((a) => a.by))];
  return {
    data,
    marked,
    total: eventsInWindow(story, from, to).length,
    focus,
    allegedNote:
      alleged.length > 0
        ? `Event${alleged.length > 1 ? 's' : ''} ${alleged.map((a) => a.n).join(', ')}: alleged by ${accusers.join(' and ')}; not independently verified.`
        : null,
    sources: sourceRefs(story, [...s.points.flatMap((p) => p.sources), ...s.moves.flatMap((m) => m.sources), ...marked.flatMap((e) => e.data.sources)]),
  };
}

/** The market event entries that record a series point (e.g. "Alibaba shares close at a 16-month low"). */
export function pointEvents(story: Story, day: string): Entry<EventData>[] {
  return marketDays(story).get(day)?.items ?? [];
}

const marketDays = oncePer((story: Story) => new Map(groupBy(story.events.filter((e) => e.data.kind === 'market'), (e) => e.data.date).map((g) => [g.key, g])));

/** One citation per source, keeping the first one's credits and note, for a page's source list. */
export function uniqueCitations(cites: (string | Citation)[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const c of cites.map(citation)) if (!seen.has(c.source)) seen.set(c.source, c);
  return [...seen.values()];
}

/** "A", "A and B", "A, B and C". */
export function listOf(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
