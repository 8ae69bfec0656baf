import { describe, expect, it } from 'vitest';
import { DetailCache, detailUrl, sourceParts, type EventDetail } from '../../../../src/islands/timeline/details';
import { dataset, rowFile, rowFiles } from '../../../../src/lib/outputs/datasets';
import { loadContent } from '../../support/load-content';

const detail: EventDetail = {
  title: 'Alibaba sues the Pentagon',
  date_label: 'June 23 or 24, 2026',
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
    const cache = new DetailCache('/base/', async (url) => (asked.push(url), { ok: true, status: 200, json: async () => ({ meta: {}, rows: [detail] }) }));
    expect(await cache.get('alibaba-sues-dod')).toEqual(detail);
    await cache.get('alibaba-sues-dod');
    await cache.get('other');
    expect(asked).toEqual(['/base/data/events/alibaba-sues-dod.json', '/base/data/events/other.json']);
    expect(detailUrl('/', 'x')).toBe('/data/events/x.json');
  });

  it('reads the file the build writes: the one envelope, its single row with the keys the panel shows', async () => {
    const { story } = loadContent('content');
    const ds = dataset('event-details');
    const [file] = rowFiles(ds, story).filter((f) => f.key === 'alibaba-sues-dod');
    const text = rowFile(ds, file!.row, story);
    const cache = new DetailCache('/', async () => ({ ok: true, status: 200, json: async () => JSON.parse(text) }));
    const d = await cache.get('alibaba-sues-dod');
    for (const key of ['title', 'date_label', 'standing', 'summary', 'url', 'sources'] as const) expect(d[key], key).toBeDefined();
    expect(d.date_label).toMatch(/2026/);
    expect(d.sources.length).toBeGreaterThan(0);
  });

  it('rejects a file without a row', async () => {
    const cache = new DetailCache('/', async () => ({ ok: true, status: 200, json: async () => ({ meta: {}, rows: [] }) }));
    await expect(cache.get('empty')).rejects.toThrow('no row in /data/events/empty.json');
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
