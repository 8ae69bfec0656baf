/** Source ids behind each embeddable chart, for the embed's credit line. */
import type { Story } from '../story/story';
import { citation } from '../story/story';

/** Every source id cited anywhere in some entries' data. */
export function sourcesIn(values: unknown[]): string[] {
  const ids = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'sources' && Array.isArray(x)) x.forEach((c) => ids.add(citation(c).source));
        else if (k === 'source' && x) ids.add(citation(x as string).source);
        else walk(x);
      }
    }
  };
  values.forEach(walk);
  return [...ids].sort();
}

export const campaignSources = (story: Story) => sourcesIn(story.campaigns.map((c) => c.data));
export const seriesSources = (story: Story) => sourcesIn(story.series.map((s) => s.data));
export const instrumentSources = (story: Story, id?: string) =>
  sourcesIn(story.instruments.filter((i) => !id || i.id === id).map((i) => i.data));
