/**
 * Every embeddable chart, one registry entry each: its route, title and
 * one-line description, the full page it credits, the sources and notes of
 * its footer, one note per disputed figure, the data files behind it, a
 * default height and (for the chart functions) how to draw it at a width.
 * Everything else about a chart follows from its entry: its embed route
 * (src/pages/embed/[chart].astro), its SVG and PNG files (/charts/<id>.svg
 * and .png), its oEmbed file and discovery link, the download lists of its
 * page and its embed, the Embed panel and the previewer. Adding a chart is
 * adding an entry here (and its chart function); tests/unit/embeds.test.ts
 * registers a fake one to check that. The functions that read the registry
 * take it as a parameter, the real one by default.
 */
import { campaignScaleSvg, defaults as scaleDefaults } from '../../charts/campaign-scale';
import { intensitySvg } from '../../charts/intensity';
import { marketSvg } from '../../charts/market';
import { aggregateChecks, campaignsInOrder, figureClaim, intensityChartData, listOf, marketView, scaleChartData } from '../views/campaigns';
import { sourcesIn } from '../story/citations';
import { formatCount, formatNumber } from '../util/format';
import { METRIC_LABELS } from '../story/kinds';
import { oncePer } from '../util/memo';
import { resolveCitations } from '../story/queries';
import { byId, getById, type Entry, type Story } from '../story/story';
import { trackerRows } from '../views/tracker';
import { siteLinker } from '../util/url';
import { SITE_NAME } from '../util/site';
import { type DatasetId, datasetDownloads } from './datasets';
import type { ClaimData } from '../../schemas';

/** What the embed route draws in the chart slot. */
export type EmbedKind = 'chart' | 'timeline' | 'tracker' | 'status';

/** A file to download: its label ("CSV") and base-free site path. */
export interface Download {
  label: string;
  path: string;
}

/** One short note per disputed figure: the topic and how the sources differ, linking to the dispute on the site. */
export interface DisputeNote {
  claim: string;
  /** Site path of the dispute: /disputes/#<claim>. */
  href: string;
  topic: string;
  /** Each distinct position with the sources that take it. */
  positions: { label: string; sources: string[] }[];
}

export interface Embed {
  /** Route segment: /embed/<id>/ */
  id: string;
  title: string;
  /** One line under the title: what is shown, in which unit. */
  description: string;
  /** Full page the credit line links back to. */
  page: string;
  /** Default iframe height in px: the embed's height at 640 px wide, measured (the self-resizing snippet adjusts itself). */
  height: number;
  kind: EmbedKind;
  /** Source ids the chart draws on, for the footer. */
  sources: string[];
  /** "Alleged by Anthropic; not independently verified", where it applies. */
  alleged: string | null;
  /** Short notes under the chart, each without its full stop (computed from the content, never typed figures). */
  notes: string[];
  disputes: DisputeNote[];
  /** The dataset behind the chart (src/lib/outputs/datasets.ts): its CSV and JSON are the chart's data files; its own SVG and PNG are added from its id. */
  data: DatasetId;
  /** The chart at a width, element ids prefixed by `id` (kind "chart" only). */
  render?: (width: number, id: string) => string;
}

/** The dispute note of a claim: its topic and each distinct position (by label) with the sources that take it. */
export function disputeNote(story: Story, claim: Entry<ClaimData>): DisputeNote {
  const positions: DisputeNote['positions'] = [];
  for (const p of claim.data.positions) {
    const source = resolveCitations(story, [p.source])[0]!.entry.data.label;
    const same = positions.find((x) => x.label === p.label);
    if (same) {
      if (!same.sources.includes(source)) same.sources.push(source);
    } else positions.push({ label: p.label, sources: [source] });
  }
  return { claim: claim.id, href: `/disputes/#${claim.id}`, topic: claim.data.topic, positions };
}

/** "Approximately 25,000 (A), roughly 25,000 (B and C)": how the sources differ, in one line. */
export function disputeText(d: DisputeNote): string {
  return d.positions.map((p) => `${p.label} (${listOf(p.sources)})`).join('; ');
}

/** Dispute notes for some claim ids, each once, in the order given. */
function notesFor(story: Story, ids: (string | undefined | null)[]): DisputeNote[] {
  const seen = new Set<string>();
  return ids.flatMap((id) => {
    if (!id || seen.has(id)) return [];
    seen.add(id);
    const claim = byId(story.claims, id);
    return claim ? [disputeNote(story, claim)] : [];
  });
}

/** The charts that have an embed route, in the order the previewer lists them (built once per story). */
export const embeds: (story: Story) => Embed[] = oncePer((story: Story): Embed[] => {
  const scale = scaleChartData(story);
  const metric = scaleDefaults.metric;
  const alleged = `Alleged by ${scale.allegedBy}; not independently verified`;
  const campaigns = campaignsInOrder(story);
  const sums = aggregateChecks(story).filter((s) => s.metric === metric && !s.agrees);
  const market = marketView(story);
  const rows = trackerRows(story);
  const eventSources = sourcesIn(story.events.map((e) => e.data));
  const campaignSources = sourcesIn(story.campaigns.map((c) => c.data));
  const claimsOf = (r: (typeof rows)[number]) => r.claims.map((c) => c.id);
  return [
    {
      id: 'timeline',
      title: 'Timeline of the AI distillation story',
      description: 'Every event by date, in lanes by kind; each mark links to its event.',
      page: '/timeline/',
      height: 755,
      kind: 'timeline',
      sources: eventSources,
      alleged: `Campaign activity and figures are alleged by ${scale.allegedBy}; not independently verified`,
      notes: [],
      disputes: notesFor(story, story.events.map((e) => e.data.dateClaim)),
      data: 'timeline',
    },
    {
      id: 'campaign-scale',
      title: 'How big were the alleged distillation campaigns?',
      description: `${METRIC_LABELS[metric]} with Claude per campaign, as ${scale.allegedBy} gives them.`,
      page: '/campaigns/',
      height: 500,
      kind: 'chart',
      sources: campaignSources,
      alleged,
      notes: sums.map(
        (s) =>
          `The per-lab figures for the ${s.aggregate.data.label} add up to ${formatNumber(s.sum.value)} ${METRIC_LABELS[s.metric].toLowerCase()}; ` +
          `the sources give the combined total as ${formatCount(s.stated)}. The chart shows each figure as given`,
      ),
      disputes: notesFor(story, campaigns.map((c) => figureClaim(story, c.data[metric])?.id)),
      data: 'campaigns',
      render: (width, id) => campaignScaleSvg(scale, { width, id, metric }),
    },
    {
      id: 'intensity',
      title: 'How intense were the alleged campaigns?',
      description: 'Exchanges per fraudulent account and per day of activity, computed by this site.',
      page: '/campaigns/',
      height: 760,
      kind: 'chart',
      sources: campaignSources,
      alleged: `Computed from figures alleged by ${scale.allegedBy}; not independently verified`,
      notes: [],
      disputes: notesFor(story, [
        ...campaigns.flatMap((c) => [figureClaim(story, c.data.exchanges)?.id, figureClaim(story, c.data.accounts)?.id]),
        'campaign-duration',
      ]),
      data: 'campaigns',
      render: (width, id) => intensitySvg(intensityChartData(story), { width, id }),
    },
    {
      id: 'market',
      title: "Alibaba's share price around the letter",
      description: 'Reported ADS prices and the events of the period.',
      page: '/markets/',
      height: 765,
      kind: 'chart',
      sources: sourcesIn(story.series.map((s) => s.data)),
      alleged: market.allegedNote?.replace(/\.$/, '') ?? null,
      // The chart says so itself; the note is for a chart that does not.
      notes: marketSvg(market.data).includes('Timing, not cause') ? [] : ['Timing, not cause: the chart sets the events beside the price; it does not show that any of them moved it'],
      disputes: notesFor(story, market.marked.map((e) => e.data.dateClaim)),
      data: 'market',
      render: (width, id) => marketSvg(market.data, { width, id }),
    },
    {
      id: 'tracker',
      title: 'Where the policy response stands',
      description: 'Each bill, memo, designation, lawsuit and tool: its stage, derived from its sourced history.',
      page: '/tracker/',
      height: 745,
      kind: 'tracker',
      sources: sourcesIn(story.instruments.map((i) => i.data)),
      alleged: null,
      notes: [],
      disputes: notesFor(story, rows.flatMap((r) => r.claims.map((c) => c.id))),
      data: 'instruments',
    },
    ...rows.map(
      (r): Embed => ({
        id: `status-${r.id}`,
        title: `${r.shortName}: where it stands`,
        description: `${r.kindLabel}: ${r.name}.`,
        page: `/tracker/${r.id}/`,
        // Measured at 640 px: the card, plus a line or two per dispute note.
        height: 230 + 40 * claimsOf(r).length,
        kind: 'status',
        sources: sourcesIn([getById(story.instruments, r.id, 'instrument').data]),
        alleged: null,
        notes: [],
        disputes: notesFor(story, claimsOf(r)),
        data: 'instruments',
      }),
    ),
  ];
});

/** A chart's entry by id; throws, naming the id, when the registry has none. */
export function embedById(story: Story, id: string, registry: readonly Embed[] = embeds(story)): Embed {
  const found = registry.find((e) => e.id === id);
  if (!found) throw new Error(`No embed with id "${id}" in the chart registry (src/lib/outputs/embeds.ts)`);
  return found;
}

/** The files of a chart, from its id: its embed page, its oEmbed file and its SVG and PNG exports. */
export function chartPaths(id: string): { embed: string; oembed: string; svg: string; png: string } {
  return { embed: `/embed/${id}/`, oembed: `/oembed/${id}.json`, svg: `/charts/${id}.svg`, png: `/charts/${id}.png` };
}

/** The download list beside the chart on its page: its PNG and SVG, then its data. */
export function pageDownloads(e: Embed): Download[] {
  const files = chartPaths(e.id);
  return [{ label: 'PNG', path: files.png }, { label: 'SVG', path: files.svg }, ...datasetDownloads(e.data)];
}

/** "Get the data" in the embed's footer: its data, then its SVG. */
export function embedDownloads(e: Embed): Download[] {
  return [...datasetDownloads(e.data), { label: 'SVG', path: chartPaths(e.id).svg }];
}

/** getStaticPaths of /embed/[chart]/: one page per chart of the registry. */
export function embedRoutes(registry: readonly Embed[]): { params: { chart: string }; props: { embed: Embed } }[] {
  return registry.map((embed) => ({ params: { chart: embed.id }, props: { embed } }));
}

/** getStaticPaths of /oembed/[id].json: one file per chart of the registry. */
export function oembedRoutes(registry: readonly Embed[]): { params: { id: string } }[] {
  return registry.map((e) => ({ params: { id: e.id } }));
}

/** A chart's oEmbed document ("rich"): its snippet, its default size, and for the timeline its PNG as the thumbnail. */
export function oembedDocument(site: URL | undefined, embed: Embed): Record<string, unknown> {
  return {
    version: '1.0',
    type: 'rich',
    title: embed.title,
    provider_name: SITE_NAME,
    provider_url: absolute(site, '/'),
    html: embedSnippet(site, embed),
    width: 960,
    height: embed.height,
    ...(embed.id === 'timeline' ? { thumbnail_url: absolute(site, chartPaths(embed.id).png), thumbnail_width: 1920, thumbnail_height: 980 } : {}),
  };
}

/** The attributes of a chart page's oEmbed discovery link (<link rel="alternate" type="application/json+oembed">). */
export function oembedLink(site: URL | undefined, embed: Embed): { href: string; title: string } {
  return { href: absolute(site, chartPaths(embed.id).oembed), title: embed.title };
}

/** Absolute URL of a site path, for snippets that live on other sites. */
export function absolute(site: URL | undefined, path: string): string {
  // Astro always passes its site; the fallback (astro.config.mjs's default) is for callers outside a build.
  return siteLinker(site ?? 'https://ai-distillation-tracker.example')(path);
}

/** The self-resizing snippet: an iframe plus the loader script. */
export function embedSnippet(site: URL | undefined, e: Embed): string {
  const src = absolute(site, chartPaths(e.id).embed);
  return (
    `<iframe src="${src}" title="${e.title.replace(/"/g, '&quot;')}" width="100%" height="${e.height}" ` +
    `loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" data-distillation-embed style="border:0;width:100%"></iframe>\n` +
    `<script src="${absolute(site, '/embed.js')}" async></script>`
  );
}

/** The plain iframe for CMSes that strip scripts: fixed height, no loader. */
export function plainSnippet(site: URL | undefined, e: Embed): string {
  const src = absolute(site, chartPaths(e.id).embed);
  return `<iframe src="${src}" title="${e.title.replace(/"/g, '&quot;')}" width="100%" height="${e.height}" loading="lazy" style="border:0;width:100%"></iframe>`;
}
