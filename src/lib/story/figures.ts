/**
 * Figure references, so a reported number is typed once, in its data entry,
 * and quoted everywhere else. In event summaries write {{alibaba-linked.exchanges}};
 * in MDX bodies write <Fig of="alibaba-linked.exchanges" />.
 *
 *   campaign-id.accounts | campaign-id.exchanges  → "about 25,000"
 *   series-id@YYYY-MM-DD                          → "$94.93"
 *   series-id.move                                → "about 25 percent"
 */
import type { Story } from './story';
import { formatCount, formatUsd, qualified } from '../util/format';

/** The reader-facing text of one figure reference; throws on an unknown reference. */
export function resolveFigure(story: Story, ref: string): string {
  const point = /^([a-z0-9-]+)@(\d{4}-\d{2}-\d{2})$/.exec(ref);
  if (point) {
    const series = story.series.find((s) => s.id === point[1]);
    const p = series?.data.points.find((x) => x.date === point[2]);
    if (!p) throw new Error(`Unknown figure "${ref}": no such series point`);
    return formatUsd(p.value);
  }
  const [id, field] = ref.split('.');
  if (field === 'move') {
    const move = story.series.find((s) => s.id === id)?.data.moves[0];
    if (!move) throw new Error(`Unknown figure "${ref}": no reported move`);
    return qualified(move.qualifier, `${Math.abs(move.percent)} percent`);
  }
  const campaign = story.campaigns.find((c) => c.id === id);
  if (!campaign || (field !== 'accounts' && field !== 'exchanges')) {
    throw new Error(`Unknown figure "${ref}": use campaign-id.accounts, campaign-id.exchanges, series-id@date or series-id.move`);
  }
  return formatCount(campaign.data[field]);
}

const PLACEHOLDER = /\{\{\s*([^}\s]+)\s*\}\}/g;
const COMPONENT = /<Fig\s+of="([^"]+)"\s*\/>/g;

/** Replaces every {{ref}} in a text with its figure. */
export function fillFigures(story: Story, text: string): string {
  return text.replace(PLACEHOLDER, (_, ref: string) => resolveFigure(story, ref));
}

/** All figure references in a summary or an MDX body. */
export function figureRefs(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER), ...text.matchAll(COMPONENT)].map((m) => m[1] as string);
}

/**
 * Hand-typed figures in a text: counts written as "13 million" or "25,000",
 * dollar amounts and percentages. Dates, years and bill numbers are not figures.
 */
export function typedFigures(text: string): string[] {
  const stripped = text.replace(PLACEHOLDER, '').replace(COMPONENT, '');
  const patterns = [/\b\d+(?:\.\d+)?\s*million\b/gi, /\b\d{1,3}(?:,\d{3})+\b/g, /\$\s?\d[\d,.]*/g, /\b\d+(?:\.\d+)?\s*(?:percent\b|%)/gi];
  return patterns.flatMap((p) => [...stripped.matchAll(p)].map((m) => m[0]));
}
