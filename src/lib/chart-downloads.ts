/**
 * Downloadable files for every chart: the chart as a standalone SVG (and PNG,
 * rendered from it) and the data behind it. One table of charts, so the
 * endpoints, the Embed panels and the tests agree on what exists.
 */
import { campaignScaleChart } from '../charts/campaign-scale';
import { intensityChart } from '../charts/intensity';
import { marketChart } from '../charts/market';
import { intensityChartData, marketChartData, scaleChartData } from './campaigns';
import { standaloneSvg } from './chart-files';
import { timelineFileSvg } from './timeline-files';
import { formatDate } from './format';
import { impliedLevels } from './derive';
import { asOfDate, getById, type Story } from './story';

export const CHART_FILES = ['timeline', 'campaign-scale', 'intensity', 'market'] as const;
export type ChartFile = (typeof CHART_FILES)[number];

const credit = (story: Story, note: string) => `The Distillation Files · as of ${formatDate(asOfDate(story))} · ${note}`;

/** The chart as a self-contained SVG file. */
export function chartFileSvg(story: Story, id: ChartFile, site: URL | undefined): string {
  switch (id) {
    case 'timeline':
      return timelineFileSvg(story, site);
    case 'campaign-scale':
      return standaloneSvg(campaignScaleChart(scaleChartData(story), { id: 'file-scale' }), credit(story, 'figures alleged by Anthropic; not independently verified'));
    case 'intensity':
      return standaloneSvg(intensityChart(intensityChartData(story), { id: 'file-intensity' }), credit(story, 'figures alleged by Anthropic; not independently verified'));
    case 'market':
      return standaloneSvg(marketChart(marketChartData(story, 'alibaba-ads'), { id: 'file-market' }), credit(story, 'timing, not cause'));
  }
}

/** The data behind the market chart: reported points, reported moves and the levels derived from them. */
export function marketRows(story: Story) {
  const s = getById(story.series, 'alibaba-ads', 'series').data;
  const source = (cites: (string | { source: string })[]) => cites.map((c) => (typeof c === 'string' ? c : c.source)).join(' ');
  return [
    ...s.points.map((p) => ({ date: p.date, kind: 'reported', value: p.value, qualifier: 'as-stated', formula: '', note: p.note ?? '', sources: source(p.sources) })),
    ...s.moves.map((m) => ({ date: `${m.from}/${m.to}`, kind: 'reported move (percent)', value: m.percent, qualifier: m.qualifier, formula: '', note: m.note ?? '', sources: source(m.sources) })),
    ...impliedLevels(s).map((l) => ({ date: l.date, kind: 'derived', value: Math.round(l.value * 100) / 100, qualifier: l.approximate ? 'about' : 'as-stated', formula: l.formula, note: 'Derived from the reported move; not a reported price.', sources: source(s.moves[0]?.sources ?? []) })),
  ];
}
export const MARKET_COLUMNS = ['date', 'kind', 'value', 'qualifier', 'formula', 'note', 'sources'] as const;
