/**
 * Downloadable files for every chart: the chart as a standalone SVG (and PNG,
 * rendered from it). One table of charts, so the endpoints, the Embed panels
 * and the tests agree on what exists; the data behind each chart is its
 * dataset in the data registry (src/lib/outputs/datasets.ts).
 */
import { exportSvg, type ExportFrame } from './chart-export';
import { timelineFileChart } from './timeline-files';
import { disputeText, embeds, type Embed } from './embeds';
import { sourceLine } from '../story/sources';
import { formatDate } from '../util/format';
import { asOfDate, getById, type Story } from '../story/story';
import { stageBarSvg } from '../../charts/stage-bar';
import { esc } from '../util/markup';
import { trackerRows, type TrackerRow } from '../views/tracker';

/** Every chart with downloadable files (/charts/<id>.svg and .png): each entry of the chart registry (src/lib/outputs/embeds.ts). */
export function chartFiles(story: Story, registry: readonly Embed[] = embeds(story)): string[] {
  return registry.map((e) => e.id);
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

/** A sentence with its full stop, once. */
const sentence = (t: string) => (/[.!?]$/.test(t) ? t : `${t}.`);

/**
 * The chart as a self-contained SVG file, 600 px wide, framed as Datawrapper
 * exports: everything but the chart comes from the chart's registry entry
 * (src/lib/outputs/embeds.ts), as the embed shows it: title, description, sources,
 * the allegation note, notes, and one line per disputed figure. Rasterised at
 * 2× for the PNG and the chart page's social card.
 */
export function chartFileSvg(story: Story, id: string, site: URL | undefined, registry: readonly Embed[] = embeds(story)): string {
  const embed = registry.find((e) => e.id === id);
  if (!embed) throw new Error(`No chart file "${id}"`);
  const instrument = id.startsWith('status-') ? getById(story.instruments, id.slice('status-'.length), 'instrument').id : undefined;
  const chart: ExportFrame['chart'] =
    embed.kind === 'timeline'
      ? timelineFileChart(story, site)
      : embed.kind === 'tracker' || embed.kind === 'status'
        ? () => trackerSvg(story, instrument)
        : (width) => embed.render!(width, `file-${id}`);
  const notes = [embed.alleged, ...embed.notes, ...embed.disputes.map((d) => `Sources differ on ${d.topic}: ${disputeText(d)}`)];
  return exportSvg({
    title: embed.title,
    description: embed.description,
    chart,
    sourceLine: sourceLine(story, embed.sources),
    note: notes.filter((n): n is string => Boolean(n)).map(sentence).join(' '),
    asOf: `As of ${formatDate(asOfDate(story))}`,
  });
}
