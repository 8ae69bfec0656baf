import { describe, expect, it } from 'vitest';
import { DetailCache, detailUrl, sourceParts, type EventDetail } from '../../../../src/islands/timeline/details';

const detail: EventDetail = {
  title: 'Alibaba sues the Pentagon',
  dateLabel: 'June 23 or 24, 2026',
  standing: 'Reported',
  summary: 'A summary.',
  url: '/events/alibaba-sues-dod/',
  sources: [
    { number: 1, label: 'Vera Flux, "A lawsuit"', credits: null, url: '/sources/#s1' },
    { number: 3, label: 'Ann Other, "A relay"', credits: 'Bloomberg (June 24, 2026)', url: '/sources/#s3' },
  ],
};

describe('DetailCache', () => {
  it('fetches /data/events/<id>.json under the base once per event', async () => {
    const asked: string[] = [];
    const cache = new DetailCache('/base/', async (url) => (asked.push(url), { ok: true, status: 200, json: async () => detail }));
    expect(await cache.get('alibaba-sues-dod')).toEqual(detail);
    await cache.get('alibaba-sues-dod');
    await cache.get('other');
    expect(asked).toEqual(['/base/data/events/alibaba-sues-dod.json', '/base/data/events/other.json']);
    expect(detailUrl('/', 'x')).toBe('/data/events/x.json');
  });

  it('rejects on an HTTP error, so the panel can say the details did not load', async () => {
    const cache = new DetailCache('/', async () => ({ ok: false, status: 404, json: async () => ({}) }));
    await expect(cache.get('gone')).rejects.toThrow('HTTP 404');
  });
});

describe('sourceParts(detail)', () => {
  it('lists each source as a numbered link, with its credits, separated by semicolons', () => {
    expect(sourceParts(detail)).toEqual([
      '',
      { href: '/sources/#s1', text: '[1] Vera Flux, "A lawsuit"' },
      '',
      '; ',
      { href: '/sources/#s3', text: '[3] Ann Other, "A relay"' },
      ' (credits Bloomberg (June 24, 2026))',
    ]);
    expect(sourceParts({ sources: [] })).toEqual([]);
  });
});
