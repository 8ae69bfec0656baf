/**
 * Downloadable files for every chart: the chart as a standalone SVG (and PNG,
 * rendered from it) and the data behind it. One table of charts, so the
 * endpoints, the Embed panels and the tests agree on what exists.
 */
import { campaignScaleChart } from '../charts/campaign-scale';
import { intensityChart } from '../charts/intensity';
import { marketChart } from '../charts/market';
import { intensityChartData, marketChartData, scaleChartData } from './campaigns';
import { exportSvg, type ExportFrame } from './chart-files';
import { timelineFileSvg } from './timeline-files';
import { embeds } from './embeds';
import { campaignSources, instrumentSources, seriesSources } from './embed-sources';
import { sourceLine } from './sources';
import { formatDate } from './format';
import { impliedLevels } from './derive';
import { asOfDate, getById, type Story } from './story';
import { stageBarSvg } from '../charts/stage-bar';
import { esc } from '../charts/svg';
import { trackerRows, type TrackerRow } from './tracker';

/** Every chart with downloadable files: the four charts, the tracker overview and one status card per instrument. */
export function chartFiles(story: Story): string[] {
  return ['timeline', 'campaign-scale', 'intensity', 'market', 'tracker', ...story.instruments.map((i) => `status-${i.id}`)];
}

/** One instrument as a block of SVG: name and status, last action, then its stage bar (nested, placed at y + 30). */
function statusBlock(row: TrackerRow, y: number, labels: boolean): { svg: string; height: number } {
  const bar = stageBarSvg(row.status, { id: `file-sb-${row.id}`, name: row.shortName, labels });
  const h = Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(bar)?.[1] ?? 24);
  const nested = bar.replace(/^<svg /, `<svg x="8" y="${y + 30}" `);
  return {
    svg:
      `<text class="sb-title" x="8" y="${y + 14}">${esc(row.shortName)}: ${esc(row.status.label)}</text>` +
      `<text class="sb-meta" x="8" y="${y + 27}">${esc(row.kindLabel)} · last action ${esc(row.lastActionLabel ?? 'none recorded')}</text>${nested}`,
    height: 30 + h + 14,
  };
}

/** The tracker overview or one status card as chart markup (framed by exportSvg). */
function trackerSvg(story: Story, id?: string): string {
  const rows = trackerRows(story).filter((r) => !id || r.id === id);
  let y = 4;
  const parts = rows.map((r) => {
    const block = statusBlock(r, y, Boolean(id));
    y += block.height;
    return block.svg;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 ${y}" width="640" height="${y}">${parts.join('')}</svg>`;
}

const ALLEGED = 'Figures alleged by Anthropic; not independently verified.';

/** Everything an export of chart `id` shows apart from the chart: title, description, sources, note. */
function exportFrame(story: Story, id: string, chart: ExportFrame['chart'], frame: { description: string; sources: string[]; note?: string }): ExportFrame {
  const embed = embeds(story).find((e) => e.id === id);
  if (!embed) throw new Error(`No chart "${id}" in embeds()`);
  return { title: embed.title, chart, description: frame.description, sourceLine: sourceLine(story, frame.sources), note: frame.note, asOf: `As of ${formatDate(asOfDate(story))}` };
}

/** The chart as a self-contained SVG file, 600 px wide with its title, source line and as-of date (rasterised at 2× for the PNG). */
export function chartFileSvg(story: Story, id: string, site: URL | undefined): string {
  if (id === 'tracker') {
    return exportSvg(exportFrame(story, id, () => trackerSvg(story), { description: 'Each bill, memo, designation, lawsuit and tool, with its stage and last action; status derived from its sourced history.', sources: instrumentSources(story) }));
  }
  if (id.startsWith('status-')) {
    const instrument = getById(story.instruments, id.slice('status-'.length), 'instrument');
    return exportSvg(exportFrame(story, id, () => trackerSvg(story, instrument.id), { description: `${instrument.data.name}: status derived from its sourced history.`, sources: instrumentSources(story, instrument.id) }));
  }
  switch (id) {
    case 'timeline':
      return timelineFileSvg(story, site);
    case 'campaign-scale':
      return exportSvg(exportFrame(story, id, (width) => campaignScaleChart(scaleChartData(story), { id: 'file-scale', width }), { description: 'Exchanges with Claude per campaign, as Anthropic reports them.', sources: campaignSources(story), note: ALLEGED }));
    case 'intensity':
      return exportSvg(exportFrame(story, id, (width) => intensityChart(intensityChartData(story), { id: 'file-intensity', width }), { description: 'Exchanges per account and per day, derived from the reported figures.', sources: campaignSources(story), note: ALLEGED }));
    case 'market':
      return exportSvg(exportFrame(story, id, (width) => marketChart(marketChartData(story, 'alibaba-ads'), { id: 'file-market', width }), { description: 'The share prices the sources report, with the period\'s events. The chart shows timing, not cause.', sources: seriesSources(story) }));
    default:
      throw new Error(`No chart file "${id}"`);
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
