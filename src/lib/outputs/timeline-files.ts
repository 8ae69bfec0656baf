/** The timeline's downloadable files: the chart as SVG/PNG and the data behind it as CSV/JSON. */
import { axisBreak, timelineSvg } from '../../charts/timeline';
import { defaultDomain, timelineItems, timelineMeta } from '../views/timeline';
import type { Story } from '../story/story';
import { absolute } from './embeds';
import { csvText } from '../util/csv';

/**
 * The timeline drawn at a width for the chart files (chartFileSvg frames it), marks linking to
 * absolute event URLs. Always the vertical rail: a static image has no list beside it or zoom, and
 * the rail is the layout that gives every event its full title.
 */
export function timelineFileChart(story: Story, site: URL | undefined): (width: number) => string {
  const items = timelineItems(story, (id) => absolute(site, `/events/${id}/`));
  const meta = timelineMeta(story);
  const domain = defaultDomain(items, meta.asOf);
  const axis = axisBreak(items, domain, meta.asOf);
  return (width) =>
    timelineSvg(items, { ...meta, domain, axisBreak: axis, width, orientation: 'vertical', title: 'Timeline of the AI distillation story', description: `${items.length} events.`, idPrefix: 'file-tl' });
}

export const TIMELINE_COLUMNS = ['id', 'title', 'start', 'end', 'precision', 'lane', 'kind', 'date_label', 'alleged', 'disputed', 'actors', 'url'] as const;

export function timelineRows(story: Story, site: URL | undefined) {
  return timelineItems(story, (id) => absolute(site, `/events/${id}/`)).map((i) => ({
    id: i.id,
    title: i.title,
    start: i.start,
    end: i.end,
    precision: i.shape,
    lane: i.lane,
    kind: i.kind,
    date_label: i.dateLabel,
    alleged: i.alleged,
    disputed: i.disputed,
    actors: i.actors.join(' '),
    url: i.href,
  }));
}

/** Rows as CSV (src/lib/util/csv.ts): null and undefined are empty, anything else its String(). */
export function toCsv(columns: readonly string[], rows: Record<string, unknown>[]): string {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return csvText(columns, rows.map((r) => Object.fromEntries(columns.map((c) => [c, text(r[c])]))));
}
