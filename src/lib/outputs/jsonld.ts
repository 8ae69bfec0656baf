/**
 * Structured data (schema.org JSON-LD) for the pages. Pure builders: they take
 * the Story and a linker that makes absolute URLs, and return plain objects;
 * the layout serialises them with `serializeJsonLd` into a
 * <script type="application/ld+json"> data block (data, not code, so the CSP
 * does not apply to it).
 *
 * Types: NewsArticle for an event page (about an Event); Legislation for bills
 * and amendments; WebPage about the instrument for other instruments;
 * ClaimReview for every disputed claim a page shows; Dataset, with a
 * DataDownload per file, for /data/; WebSite on the home page.
 */
import type { ClaimData, EventData, InstrumentData, SourceData } from '../../schemas';
import { type Entry, type Story, asOfDate, citation, getById } from '../story/story';
import { claimDays, claimsTouching, standingOf } from '../story/queries';
import { fillFigures } from '../story/figures';
import { formatDateAlternatives } from '../util/format';
import { deriveStatus } from '../story/status';
import { type Dataset, DATA_LICENCE, DATASETS, columnsIn, tables } from './datasets';
import type { Linker } from '../util/url';
import { SITE_NAME } from '../util/site';

export type JsonLd = Record<string, unknown>;

export const CONTEXT = 'https://schema.org';

const publisher = (link: Linker): JsonLd => ({ '@type': 'Organization', name: SITE_NAME, url: link('/') });

/** A source article as a schema.org CreativeWork (NewsArticle for news reports). */
export function sourceLd(source: Entry<SourceData>): JsonLd {
  const d = source.data;
  return {
    '@type': d.kind === 'news-report' ? 'NewsArticle' : 'Article',
    ...(d.title ? { headline: d.title } : { name: d.label }),
    ...(d.url ? { url: d.url } : {}),
    ...(d.author ? { author: { '@type': 'Person', name: d.author } } : {}),
    ...(d.publisher ? { publisher: { '@type': 'Organization', name: d.publisher } } : {}),
    ...(d.published ? { datePublished: d.published } : {}),
  };
}

const sourcesLd = (story: Story, cites: Parameters<typeof citation>[0][]) =>
  [...new Set(cites.map((c) => citation(c).source))].map((id) => sourceLd(getById(story.sources, id, 'source')));

/**
 * The rating of a ClaimReview. The site shows every position beside its
 * source and does not decide which is right, so a numeric verdict (true /
 * false on a scale) would misstate what it does. schema.org lets a Rating be
 * given by its alternateName alone; this one says the claim is disputed and
 * that the sources disagree, and ratingExplanation says how the site handles
 * it. No ratingValue, bestRating or worstRating is given, on purpose.
 */
export function disputedRating(claim: ClaimData): JsonLd {
  return {
    '@type': 'Rating',
    alternateName: 'Disputed — sources disagree',
    ratingExplanation: `This site does not settle the dispute; it shows each position beside its source. ${claim.handling}`,
  };
}

/** ClaimReview of one disputed claim: the question, every position with its source, and an honest "disputed" rating. */
export function claimReviewLd(story: Story, claim: Entry<ClaimData>, link: Linker, asOf: string = asOfDate(story)): JsonLd {
  const d = claim.data;
  return {
    '@context': CONTEXT,
    '@type': 'ClaimReview',
    url: link(`/disputes/#${claim.id}`),
    claimReviewed: d.question,
    datePublished: asOf,
    author: publisher(link),
    itemReviewed: {
      '@type': 'Claim',
      name: d.topic,
      appearance: sourcesLd(
        story,
        d.positions.map((p) => p.source),
      ),
    },
    reviewBody: d.positions
      .map((p) => {
        const s = getById(story.sources, citation(p.source).source, 'source');
        return `${s.data.label}: ${p.quote ? `“${p.wording}”` : p.wording}`;
      })
      .join(' | '),
    reviewRating: disputedRating(d),
  };
}

/** ClaimReviews for a list of claims (one per claim). */
export function claimReviewsLd(story: Story, claims: Entry<ClaimData>[], link: Linker): JsonLd[] {
  const asOf = asOfDate(story);
  return claims.map((c) => claimReviewLd(story, c, link, asOf));
}

/** The happening an event page is about, as a schema.org Event. A disputed date gets no startDate, only a description saying so. */
function happeningLd(story: Story, d: EventData): JsonLd {
  const disputed = d.dateClaim ? formatDateAlternatives(claimDays(story, d.dateClaim)) : null;
  return {
    '@type': 'Event',
    name: d.title,
    ...(disputed ? { description: `Date disputed: the sources give ${disputed}.` } : { startDate: d.date, ...(d.endDate ? { endDate: d.endDate } : {}) }),
  };
}

/**
 * An event page: a NewsArticle (our article) about the Event, naming the
 * actors, based on the source articles, with the ClaimReviews of the disputes
 * it shows. `updated` is the page's "last updated" day.
 */
export function eventPageLd(story: Story, event: Entry<EventData>, link: Linker, opts: { updated: string; image?: string }): JsonLd[] {
  const d = event.data;
  const standing = standingOf(story, event);
  const accuser = standing.allegedBy ? getById(story.actors, standing.allegedBy, 'actor').data.name : null;
  const article: JsonLd = {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: d.title.length > 110 ? `${d.title.slice(0, 109)}…` : d.title,
    description: `${fillFigures(story, d.summary)}${accuser ? ` Alleged by ${accuser}; not independently verified.` : ''}`,
    url: link(`/events/${event.id}/`),
    mainEntityOfPage: link(`/events/${event.id}/`),
    dateModified: opts.updated,
    ...(opts.image ? { image: opts.image } : {}),
    publisher: publisher(link),
    author: publisher(link),
    about: [
      happeningLd(story, d),
      ...d.actors.map((id) => {
        const a = getById(story.actors, id, 'actor');
        return { '@type': a.data.kind === 'lawmaker' || a.data.kind === 'official' || a.data.kind === 'analyst' ? 'Person' : 'Organization', name: a.data.name };
      }),
    ],
    isBasedOn: sourcesLd(story, d.sources),
  };
  return [article, ...claimReviewsLd(story, claimsTouching(story, 'events', event.id), link)];
}

const LEGISLATION_KINDS = new Set<InstrumentData['kind']>(['bill', 'amendment']);
/** Formal identifiers ("H.R. 8283", "S. 12", "S.Amdt. 3"); a working name like "Hagerty–Kim amendment" is not one. */
const IDENTIFIER = /^(?:H\.\s?R\.|S\.|H\.\s?Res\.|S\.\s?Res\.|H\.\s?Amdt\.|S\.\s?Amdt\.)\s?\d+$/;

/**
 * An instrument page. Bills and amendments are Legislation (with the bill
 * number as legislationIdentifier when it has one, and NotInForce until a
 * "became law" step); other instruments are a WebPage about the instrument.
 * Plus the ClaimReviews of the disputes the page shows.
 */
export function instrumentPageLd(story: Story, entry: Entry<InstrumentData>, link: Linker, opts: { updated: string; image?: string }): JsonLd[] {
  const d = entry.data;
  const url = link(`/tracker/${entry.id}/`);
  const status = deriveStatus(d);
  const people = (ids: string[]) => ids.map((id) => ({ '@type': 'Person', name: getById(story.actors, id, 'actor').data.name }));
  const main: JsonLd = LEGISLATION_KINDS.has(d.kind)
    ? {
        '@context': CONTEXT,
        '@type': 'Legislation',
        name: d.name,
        alternateName: d.shortName,
        ...(IDENTIFIER.test(d.shortName) ? { legislationIdentifier: d.shortName } : {}),
        legislationType: d.kind === 'bill' ? 'Bill' : 'Amendment',
        legislationJurisdiction: 'US',
        ...(d.kind === 'bill' ? { legislationLegalForce: status.label === 'Became law' ? 'https://schema.org/InForce' : 'https://schema.org/NotInForce' } : {}),
        description: d.summary,
        ...(d.sponsors.length ? { sponsor: people(d.sponsors) } : {}),
        creativeWorkStatus: status.label,
        url,
        mainEntityOfPage: url,
        dateModified: opts.updated,
        ...(opts.image ? { image: opts.image } : {}),
        isBasedOn: sourcesLd(story, d.sources),
      }
    : {
        '@context': CONTEXT,
        '@type': 'WebPage',
        name: d.name,
        description: d.summary,
        url,
        dateModified: opts.updated,
        ...(opts.image ? { image: opts.image } : {}),
        about: { '@type': 'Thing', name: d.name, alternateName: d.shortName },
        publisher: publisher(link),
        isBasedOn: sourcesLd(story, d.sources),
      };
  return [main, ...claimReviewsLd(story, claimsTouching(story, 'instruments', entry.id), link)];
}

/** /data/: one Dataset per table of the data registry, each with a DataDownload per format. */
export function datasetsLd(story: Story, link: Linker, registry: readonly Dataset[] = DATASETS): JsonLd[] {
  const asOf = asOfDate(story);
  const sources = sourcesLd(story, story.sources.map((s) => s.id));
  return tables(registry).map((ds) => ({
    '@context': CONTEXT,
    '@type': 'Dataset',
    '@id': link(`/data/#${ds.id}`),
    name: `${ds.title} · ${SITE_NAME}`,
    description: `${ds.description} Data as of ${asOf}; ${ds.rowIs}.`,
    url: link(`/data/#${ds.id}`),
    license: DATA_LICENCE.url,
    creator: publisher(link),
    isAccessibleForFree: true,
    dateModified: asOf,
    temporalCoverage: `2026-02/${asOf}`,
    variableMeasured: columnsIn(ds, 'csv').map((c) => c.name),
    isBasedOn: sources,
    distribution: [
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: link(`/data/${ds.id}.csv`), name: `${ds.id}.csv` },
      { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: link(`/data/${ds.id}.json`), name: `${ds.id}.json` },
    ],
  }));
}

/** The home page: the site, with the search page as its SearchAction. */
export function websiteLd(link: Linker): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: SITE_NAME,
    url: link('/'),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${link('/search/')}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/**
 * JSON-LD the layout adds by route, for pages that do not pass their own: the
 * home page's WebSite, and a ClaimReview for every dispute shown on the
 * disputes page and on campaign and actor pages (which show the disputes
 * touching them).
 */
export function routeLd(story: Story, path: string, link: Linker): JsonLd[] {
  if (path === '/') return [websiteLd(link)];
  if (path === '/disputes/') return claimReviewsLd(story, [...story.claims].sort((a, b) => a.data.topic.localeCompare(b.data.topic)), link);
  const entry = /^\/(campaigns|actors)\/([^/]+)\/$/.exec(path);
  if (entry) {
    const kind = entry[1] as 'campaigns' | 'actors';
    const id = entry[2] as string;
    if (story[kind].some((e) => e.id === id)) return claimReviewsLd(story, claimsTouching(story, kind, id), link);
  }
  return [];
}

/**
 * JSON for a <script type="application/ld+json"> block. "<", ">" and "&" are
 * escaped as \u003c etc., so no text in the data can close the script element.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

