/** The timeline's chart files: the chart drawn for /charts/timeline.svg and .png (its data is the timeline dataset, src/lib/outputs/datasets.ts). */
import { axisBreak, timelineSvg } from '../../charts/timeline';
import { defaultDomain, timelineItems, timelineMeta } from '../views/timeline';
import type { Story } from '../story/story';
import { absolute } from './embeds';

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
