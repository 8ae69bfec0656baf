/**
 * Structured data: every block parses as JSON after serialisation, has the
 * schema.org context, and names the type that fits the page: NewsArticle
 * about an Event for events, Legislation for bills and amendments, ClaimReview
 * (with an honest "disputed" rating and no numeric verdict) for every
 * disputed claim, Dataset with a DataDownload per file for /data/.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from './support/load-content';
import { getById } from '../../src/lib/story/story';
import { claimsTouching } from '../../src/lib/story/queries';
import { CONTEXT, claimReviewsLd, datasetsLd, eventPageLd, instrumentPageLd, routeLd, serializeJsonLd, websiteLd, type JsonLd } from '../../src/lib/outputs/jsonld';
import { tables } from '../../src/lib/outputs/datasets';

const { story } = loadContent('content');
const link = (p: string) => `https://example.test/sub${p}`;
const roundTrip = (data: JsonLd[]): JsonLd[] => JSON.parse(serializeJsonLd(data));
const types = (data: JsonLd[]) => data.map((d) => d['@type']);

describe('serialisation', () => {
  it('parses back and cannot close its <script> element', () => {
    const data = [{ '@context': CONTEXT, '@type': 'Thing', name: '</script><script>alert(1)</script> & more' }];
    const text = serializeJsonLd(data);
    expect(text).not.toContain('<');
    expect(text).not.toContain('>');
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe('event pages', () => {
  it('every event page is a NewsArticle about an Event, based on its sources', () => {
    for (const e of story.events) {
      const [article, ...rest] = roundTrip(eventPageLd(story, e, link, { updated: '2026-06-26' }));
      expect(article!['@context']).toBe('https://schema.org');
      expect(article!['@type']).toBe('NewsArticle');
      expect(article!.headline).toBe(e.data.title);
      expect(article!.dateModified).toBe('2026-06-26');
      expect((article!.about as JsonLd[])[0]!['@type']).toBe('Event');
      expect((article!.isBasedOn as JsonLd[]).length).toBeGreaterThan(0);
      expect(types(rest).every((t) => t === 'ClaimReview')).toBe(true);
      expect(rest).toHaveLength(claimsTouching(story, 'events', e.id).length);
    }
  });

  it('a disputed date gets no startDate, only a note; a plain date is the startDate', () => {
    const [disputed] = eventPageLd(story, getById(story.events, 'alibaba-sues-dod', 'event'), link, { updated: '2026-06-26' });
    const event = (disputed!.about as JsonLd[])[0]!;
    expect(event.startDate).toBeUndefined();
    expect(event.description).toContain('June 23 or 24, 2026');
    const [plain] = eventPageLd(story, getById(story.events, 'hr-8283-committee-vote', 'event'), link, { updated: '2026-06-26' });
    expect((plain!.about as JsonLd[])[0]!.startDate).toBe('2026-04-22');
  });

  it('an alleged event says whose allegation it is', () => {
    const [article] = eventPageLd(story, getById(story.events, 'alibaba-linked-campaign', 'event'), link, { updated: '2026-06-26' });
    expect(article!.description).toContain('Alleged by Anthropic; not independently verified.');
  });
});

describe('instrument pages', () => {
  it('a bill is Legislation with its number as legislationIdentifier', () => {
    const [bill] = roundTrip(instrumentPageLd(story, getById(story.instruments, 'hr-8283', 'instrument'), link, { updated: '2026-06-26' }));
    expect(bill!['@context']).toBe('https://schema.org');
    expect(bill!['@type']).toBe('Legislation');
    expect(bill!.legislationIdentifier).toBe('H.R. 8283');
    expect(bill!.legislationType).toBe('Bill');
    expect(bill!.legislationLegalForce).toBe('https://schema.org/NotInForce');
    expect(bill!.url).toBe('https://example.test/sub/tracker/hr-8283/');
  });

  it('an amendment is Legislation; without a formal number it gets no identifier', () => {
    const [amendment] = instrumentPageLd(story, getById(story.instruments, 'hagerty-kim-amendment', 'instrument'), link, { updated: '2026-06-26' });
    expect(amendment!['@type']).toBe('Legislation');
    expect(amendment!.legislationType).toBe('Amendment');
    expect(amendment!.legislationIdentifier).toBeUndefined();
  });

  it('other instruments are a WebPage about the instrument, plus their disputes', () => {
    for (const i of story.instruments.filter((x) => x.data.kind !== 'bill' && x.data.kind !== 'amendment')) {
      const [main, ...rest] = instrumentPageLd(story, i, link, { updated: '2026-06-26' });
      expect(main!['@type']).toBe('WebPage');
      expect(types(rest).every((t) => t === 'ClaimReview')).toBe(true);
    }
  });
});

describe('disputes', () => {
  it('/disputes/ has one ClaimReview per claim, rated "disputed" with no numeric verdict', () => {
    const reviews = roundTrip(routeLd(story, '/disputes/', link));
    expect(reviews).toHaveLength(story.claims.length);
    for (const r of reviews) {
      expect(r['@context']).toBe('https://schema.org');
      expect(r['@type']).toBe('ClaimReview');
      expect(typeof r.claimReviewed).toBe('string');
      const rating = r.reviewRating as JsonLd;
      expect(rating['@type']).toBe('Rating');
      expect(rating.alternateName).toBe('Disputed — sources disagree');
      expect(rating.ratingValue).toBeUndefined();
      expect(rating.ratingExplanation).toContain('does not settle');
      expect((r.itemReviewed as JsonLd)['@type']).toBe('Claim');
      expect(((r.itemReviewed as JsonLd).appearance as JsonLd[]).length).toBeGreaterThanOrEqual(1);
    }
  });

  it('a review names every position with its source', () => {
    const claim = getById(story.claims, 'lawsuit-filing-date', 'claim');
    const [review] = claimReviewsLd(story, [claim], link);
    expect(review!.url).toBe('https://example.test/sub/disputes/#lawsuit-filing-date');
    for (const p of claim.data.positions) expect(review!.reviewBody).toContain(p.wording);
  });
});

describe('data and home', () => {
  it('/data/ has a Dataset per download family, with a CSV and a JSON DataDownload each', () => {
    const sets = roundTrip(datasetsLd(story, link));
    expect(types(sets)).toEqual(tables().map(() => 'Dataset'));
    const urls = sets.flatMap((s) => (s.distribution as JsonLd[]).map((d) => d.contentUrl));
    for (const ds of tables()) {
      expect(urls).toContain(`https://example.test/sub/data/${ds.id}.csv`);
      expect(urls).toContain(`https://example.test/sub/data/${ds.id}.json`);
    }
    for (const s of sets) {
      expect(s['@context']).toBe('https://schema.org');
      expect(s.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    }
  });

  it('the home page is a WebSite whose search action is /search/?q=', () => {
    const [site] = routeLd(story, '/', link);
    expect(site).toEqual(websiteLd(link));
    expect(JSON.stringify(site)).toContain('https://example.test/sub/search/?q={search_term_string}');
    expect(routeLd(story, '/method/', link)).toEqual([]);
  });

  it('campaign and actor pages get a ClaimReview for each dispute they show', () => {
    const campaign = routeLd(story, '/campaigns/alibaba-linked/', link);
    expect(campaign.length).toBe(claimsTouching(story, 'campaigns', 'alibaba-linked').length);
    expect(campaign.length).toBeGreaterThan(0);
    expect(types(campaign).every((t) => t === 'ClaimReview')).toBe(true);
    expect(routeLd(story, '/actors/alibaba/', link)).toHaveLength(claimsTouching(story, 'actors', 'alibaba').length);
    expect(routeLd(story, '/actors/no-such-actor/', link)).toEqual([]);
  });
});
