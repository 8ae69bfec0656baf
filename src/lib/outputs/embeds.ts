/**
 * Every embeddable chart, one registry entry each: its route, title and
 * one-line description, the full page it credits, the sources and notes of
 * its footer, one note per disputed figure, the downloads behind "Get the
 * data", a default height and (for the chart functions) how to draw it at a
 * width. The embed route (src/pages/embed/[chart].astro), the Embed panel,
 * oEmbed files, the previewer and the tests all read this one list.
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
import { href } from '../util/url';
import type { ClaimData } from '../../schemas';

/** What the embed route draws in the chart slot. */
export type EmbedKind = 'chart' | 'timeline' | 'tracker' | 'status';

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
  /** "Get the data": the files behind the chart. */
  downloads: { label: string; path: string }[];
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

const EMBED_DOWNLOADS = {
  campaigns: [
    { label: 'CSV', path: '/data/campaigns.csv' },
    { label: 'JSON', path: '/data/campaigns.json' },
  ],
  market: [
    { label: 'CSV', path: '/data/market.csv' },
    { label: 'JSON', path: '/data/market.json' },
  ],
  timeline: [
    { label: 'CSV', path: '/data/timeline.csv' },
    { label: 'JSON', path: '/data/timeline.json' },
  ],
  instruments: [
    { label: 'CSV', path: '/data/instruments.csv' },
    { label: 'JSON', path: '/data/instruments.json' },
  ],
};

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
  const chartFile = (id: string) => [...EMBED_DOWNLOADS[id === 'market' ? 'market' : 'campaigns'], { label: 'SVG', path: `/charts/${id}.svg` }];
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
      downloads: EMBED_DOWNLOADS.timeline,
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
      downloads: chartFile('campaign-scale'),
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
      downloads: chartFile('intensity'),
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
      downloads: chartFile('market'),
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
      downloads: [...EMBED_DOWNLOADS.instruments, { label: 'SVG', path: '/charts/tracker.svg' }],
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
        downloads: [...EMBED_DOWNLOADS.instruments, { label: 'SVG', path: `/charts/status-${r.id}.svg` }],
      }),
    ),
  ];
});

/** Absolute URL of a site path, for snippets that live on other sites. */
export function absolute(site: URL | undefined, path: string): string {
  return new URL(href(path), site ?? 'https://ai-distillation-tracker.example').href;
}

/** The self-resizing snippet: an iframe plus the loader script. */
export function embedSnippet(site: URL | undefined, e: Embed): string {
  const src = absolute(site, `/embed/${e.id}/`);
  return (
    `<iframe src="${src}" title="${e.title.replace(/"/g, '&quot;')}" width="100%" height="${e.height}" ` +
    `loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" data-distillation-embed style="border:0;width:100%"></iframe>\n` +
    `<script src="${absolute(site, '/embed.js')}" async></script>`
  );
}

/** The plain iframe for CMSes that strip scripts: fixed height, no loader. */
export function plainSnippet(site: URL | undefined, e: Embed): string {
  const src = absolute(site, `/embed/${e.id}/`);
  return `<iframe src="${src}" title="${e.title.replace(/"/g, '&quot;')}" width="100%" height="${e.height}" loading="lazy" style="border:0;width:100%"></iframe>`;
}
