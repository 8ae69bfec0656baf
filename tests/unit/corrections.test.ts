/**
 * Corrections and "last updated": the schema is strict and names the page, the
 * integrity check rejects a correction to a page that does not exist, a
 * correction shows on its page and in the log, and it moves the page's "last
 * updated" day. The last test builds the real content plus the fixture
 * correction (tests/fixtures/corrections/) and reads the built pages.
 */
import { describe, expect, it } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { loadContent } from './support/load-content';
import { CorrectionSchema, type CorrectionData } from '../../src/schemas';
import { findProblems } from '../../src/lib/story/integrity';
import type { Entry, Story } from '../../src/lib/story/story';
import { correctionTarget, correctionsFor, correctionsLog, lastUpdated } from '../../src/lib/story/corrections';
import PageHistory from '../../src/components/seo/PageHistory.astro';
import CorrectionsLog from '../../src/components/seo/CorrectionsLog.astro';

const FIXTURE_DIR = 'tests/fixtures/corrections';
const fixtureFiles = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.yaml'));
const fixtures: Entry<CorrectionData>[] = fixtureFiles.map((f) => ({
  id: f.replace(/\.yaml$/, ''),
  filePath: join(FIXTURE_DIR, f),
  data: CorrectionSchema.parse(yaml.load(readFileSync(join(FIXTURE_DIR, f), 'utf8'))),
}));
const real = () => structuredClone(loadContent('content').story) as Story;
const withFixture = (): Story => ({ ...real(), corrections: structuredClone(fixtures) });
const fixture = fixtures[0]!;

describe('schema', () => {
  const ok = { date: '2026-07-02', page: '/events/alibaba-sues-dod/', what: 'x', why: 'y' };

  it('accepts a site path or a collection reference, with optional sources', () => {
    expect(CorrectionSchema.safeParse(ok).success).toBe(true);
    expect(CorrectionSchema.safeParse({ ...ok, page: { collection: 'instruments', id: 'hr-8283' } }).success).toBe(true);
    expect(CorrectionSchema.safeParse({ ...ok, page: '/method/', sources: ['flux-tokentoday'] }).success).toBe(true);
  });

  it.each([
    ['an unknown field', { ...ok, wy: 'typo' }],
    ['a missing "why"', { date: ok.date, page: ok.page, what: 'x' }],
    ['an impossible day', { ...ok, date: '2026-02-30' }],
    ['a page the site does not have', { ...ok, page: '/about/' }],
    ['a path without its trailing slash', { ...ok, page: '/events/alibaba-sues-dod' }],
    ['an unknown collection', { ...ok, page: { collection: 'series', id: 'alibaba-ads' } }],
    ['an empty source list', { ...ok, sources: [] }],
  ])('rejects %s', (_, input) => {
    expect(CorrectionSchema.safeParse(input).success).toBe(false);
  });

  it('content/corrections holds no correction unless one was made (the fixture lives in tests/)', () => {
    expect(real().corrections).toEqual([]);
  });
});

describe('integrity', () => {
  it('the fixture names a page that exists', () => {
    expect(findProblems(withFixture())).toEqual([]);
  });

  it('a correction to an unknown entry fails, naming the file and field', () => {
    const story = withFixture();
    story.corrections[0]!.data.page = '/events/no-such-event/';
    expect(findProblems(story)).toEqual([`${fixture.filePath} → page: unknown event "no-such-event"`]);
    story.corrections[0]!.data.page = { collection: 'instruments', id: 'hr-9999' };
    expect(findProblems(story)).toEqual([`${fixture.filePath} → page.id: unknown instrument "hr-9999"`]);
  });

  it('a correction citing an unknown source fails', () => {
    const story = withFixture();
    story.corrections[0]!.data.sources = ['no-such-source'];
    expect(findProblems(story)).toEqual([`${fixture.filePath} → sources[0]: unknown source "no-such-source"`]);
  });
});

describe('where a correction shows', () => {
  it('resolves paths and references to the page they show on', () => {
    expect(correctionTarget('/tracker/hr-8283/')).toEqual({ path: '/tracker/hr-8283/', hash: null, entry: { collection: 'instruments', id: 'hr-8283' } });
    expect(correctionTarget({ collection: 'claims', id: 'lawsuit-filing-date' })).toEqual({
      path: '/disputes/',
      hash: 'lawsuit-filing-date',
      entry: { collection: 'claims', id: 'lawsuit-filing-date' },
    });
    expect(correctionTarget('/method/').entry).toBeNull();
  });

  it('on its page and in the log, and nowhere else', () => {
    const story = withFixture();
    const page = correctionTarget(fixture.data.page).path;
    expect(correctionsFor(story, page).map((c) => c.id)).toEqual([fixture.id]);
    expect(correctionsFor(story, '/events/')).toEqual([]);
    expect(correctionsLog(story).map((c) => c.id)).toEqual([fixture.id]);
  });
});

describe('last updated', () => {
  it('without corrections: the newest cited source (June 26, 2026 here)', () => {
    expect(lastUpdated(real(), 'events', 'alibaba-sues-dod')).toEqual({ day: '2026-06-26', basis: 'source' });
    expect(lastUpdated(real(), 'instruments', 'hr-8283')).toEqual({ day: '2026-06-26', basis: 'source' });
  });

  it('never before the newest source the entry cites', () => {
    const story = real();
    for (const e of story.events) {
      const published = e.data.sources
        .map((c) => story.sources.find((s) => s.id === (typeof c === 'string' ? c : c.source))?.data.published)
        .filter((d): d is string => Boolean(d));
      const newest = published.sort().at(-1);
      if (newest) expect(lastUpdated(story, 'events', e.id).day >= newest, e.id).toBe(true);
    }
  });

  it('a later correction moves it', () => {
    expect(lastUpdated(withFixture(), 'events', 'alibaba-sues-dod')).toEqual({ day: fixture.data.date, basis: 'correction' });
  });

  it("counts the entry's own dates (a month as its first day)", () => {
    const story = real();
    const e = story.events[0]!;
    story.sources = story.sources.map((s) => ({ ...s, data: { ...s.data, published: s.id === 'flux-tokentoday' ? '2026-06-26' : null } }));
    e.data.sources = ['khalid-senate-letter'];
    e.body = '';
    e.data.date = '2026-01';
    delete e.data.endDate;
    expect(lastUpdated(story, 'events', e.id)).toEqual({ day: '2026-01-01', basis: 'own-date' });
  });

  it('falls back to the as-of day when nothing is dated', () => {
    const story = real();
    story.sources = story.sources.map((s) => ({ ...s, data: { ...s.data, published: s.id === 'flux-tokentoday' ? '2026-06-26' : null } }));
    const i = story.instruments[0]!;
    i.data = { ...i.data, steps: [], standing: [], provisions: [], next: [], sources: ['khalid-senate-letter'] };
    expect(lastUpdated(story, 'instruments', i.id)).toEqual({ day: '2026-06-26', basis: 'as-of' });
  });
});

describe('rendering', () => {
  it('the page history shows "last updated" and the correction', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(PageHistory, { props: { updated: '2026-07-02', corrections: fixtures } });
    expect(html).toContain('Last updated <time datetime="2026-07-02"');
    expect(html).toContain('July 2, 2026');
    expect(html).toContain(fixture.data.what);
    expect(html).toContain(fixture.data.why);
    expect(html).toContain('href="/corrections/"');
    const none = await container.renderToString(PageHistory, { props: { corrections: [] } });
    expect(none).not.toContain('page-history');
  });

  it('the log links each correction to its page', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(CorrectionsLog, { props: { corrections: fixtures, pageTitle: () => 'The page' } });
    expect(html).toContain(`href="${correctionTarget(fixture.data.page).path}"`);
    expect(html).toContain(fixture.data.what);
    const empty = await container.renderToString(CorrectionsLog, { props: { corrections: [], pageTitle: () => '' } });
    expect(empty).toContain('No corrections have been made.');
  });
});

describe('built site with the fixture correction', () => {
  it('shows it on its page, with the new "last updated" day, and in /corrections/', () => {
    // Inside the project: Astro stages a build whose outDir lies outside the working directory in
    // ./.astro/, which a concurrent build (e.g. tests/unit/build.test.ts in the other worker) shares.
    const cache = join(process.cwd(), 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const tmp = mkdtempSync(join(cache, 'build-corrections-'));
    try {
      const content = join(tmp, 'content');
      cpSync('content', content, { recursive: true });
      for (const f of fixtureFiles) cpSync(join(FIXTURE_DIR, f), join(content, 'corrections', f));
      const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
        encoding: 'utf8',
        timeout: 240_000,
        env: {
          ...process.env,
          CONTENT_DIR: content,
          OUT_DIR: join(tmp, 'dist'),
          ASTRO_CACHE_DIR: join(tmp, 'cache'),
          ASTRO_TELEMETRY_DISABLED: '1',
          OG_CARDS: 'off',
          NO_COLOR: '1',
        },
      });
      expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-3000)).toBe(0);
      const page = join(tmp, 'dist', correctionTarget(fixture.data.page).path, 'index.html');
      expect(existsSync(page)).toBe(true);
      const html = readFileSync(page, 'utf8');
      expect(html).toContain(fixture.data.what);
      expect(html).toContain(`Last updated <time datetime="${fixture.data.date}"`);
      const log = readFileSync(join(tmp, 'dist', 'corrections', 'index.html'), 'utf8');
      expect(log).toContain(fixture.data.what);
      expect(log).toContain(`href="${correctionTarget(fixture.data.page).path}"`);
      // Another event page is untouched.
      expect(readFileSync(join(tmp, 'dist', 'events', 'hr-8283-committee-vote', 'index.html'), 'utf8')).not.toContain(fixture.data.what);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 260_000);
});
