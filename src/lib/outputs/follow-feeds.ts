/**
 * The follow feeds (RSS 2.0, written by the `feed` library):
 *   - /tracker/<id>/feed.xml: one item per step of the instrument, each with
 *     the status before and after it (derived by the state machine);
 *   - /changes.xml: every status change and every correction, site-wide.
 * The site feed (/rss.xml, src/lib/outputs/feed.ts) stays as it is.
 *
 * An item needs a date. A month-only step is placed on the month's first
 * day, a disputed one on the earliest day a source gives, an undated one on
 * its "not after" day (else the as-of day), and the item says so.
 */
import { Feed } from 'feed';
import { type Story, asOfDate, getById } from '../story/story';
import { type Change, changes, changeTitle, instrumentChanges } from '../views/changes';
import { formatDate } from '../util/format';
import { DATA_LICENCE } from './datasets';
import type { Linker } from '../util/url';
import { SITE_NAME } from '../util/site';

export interface FollowItem {
  title: string;
  guid: string;
  link: string;
  date: Date;
  description: string;
  category: string;
}

const utc = (day: string) => new Date(`${day}T00:00:00Z`);

function placement(c: Change): string {
  const w = c.when;
  if (w.alternatives.length) return ` Date disputed (${w.label}); listed under the earliest day.`;
  if (w.date === null) return ` Date not given; listed under ${formatDate(w.sortDay)}${w.last ? ', the latest day it can have happened' : ', the as-of day'}.`;
  if (w.first !== w.last) return ` Month known only; listed under the first day of ${formatDate(w.date)}.`;
  return '';
}

const refs = (c: Change) => (c.sources.length ? ` Sources: ${c.sources.map((s) => `${s.label} [${s.number}]`).join('; ')}.` : '');

/** A change as a feed item. */
export function followItem(c: Change, link: Linker): FollowItem {
  if (c.kind === 'status') {
    const url = link(c.path);
    return {
      title: changeTitle(c),
      guid: `${url}#step-${c.step}`,
      link: `${url}#step-${c.step}`,
      date: utc(c.when.sortDay),
      description: `${c.when.label}. Status: ${c.before} → ${c.after}. ${c.text}${refs(c)}${placement(c)}`,
      category: 'Status change',
    };
  }
  const url = link(c.path) + (c.hash ? `#${c.hash}` : '');
  return {
    title: changeTitle(c),
    guid: link(`/changes/#${c.key}`),
    link: url,
    date: utc(c.when.sortDay),
    description: `${c.when.label}. ${c.what} Why: ${c.why}${refs(c)}`,
    category: 'Correction',
  };
}

function rss(story: Story, link: Linker, opts: { title: string; description: string; page: string; self: string }, items: FollowItem[]): string {
  const feed = new Feed({
    title: opts.title,
    description: opts.description,
    id: link(opts.page),
    link: link(opts.page),
    language: 'en-us',
    updated: utc(asOfDate(story)),
    generator: SITE_NAME,
    feedLinks: { rss: opts.self },
    copyright: DATA_LICENCE.name,
  });
  for (const i of items) {
    feed.addItem({ title: i.title, id: i.guid, guid: i.guid, link: i.link, date: i.date, description: i.description, category: [{ name: i.category }] });
  }
  return feed.rss2();
}

/** Items of one instrument's feed: every step, newest first. */
export function instrumentFeedItems(story: Story, id: string, link: Linker): FollowItem[] {
  const entry = getById(story.instruments, id, 'instrument');
  return instrumentChanges(story, entry)
    .map((c) => followItem(c, link))
    .reverse()
    .sort((a, b) => b.date.getTime() - a.date.getTime());
}

export function instrumentFeed(story: Story, id: string, link: Linker): string {
  const entry = getById(story.instruments, id, 'instrument');
  return rss(
    story,
    link,
    {
      title: `${entry.data.shortName}: steps and status changes · ${SITE_NAME}`,
      description: `Every recorded step of ${entry.data.name}, with its status before and after (derived from the sourced history). As of ${formatDate(asOfDate(story))}.`,
      page: `/tracker/${id}/`,
      self: link(`/tracker/${id}/feed.xml`),
    },
    instrumentFeedItems(story, id, link),
  );
}

/** Items of /changes.xml: every status change and correction, newest first. */
export function changesFeedItems(story: Story, link: Linker): FollowItem[] {
  return changes(story).map((c) => followItem(c, link));
}

export function changesFeed(story: Story, link: Linker): string {
  return rss(
    story,
    link,
    {
      title: `What changed · ${SITE_NAME}`,
      description: `Every status change of the tracked instruments (derived from their sourced steps) and every correction to the site, newest first. As of ${formatDate(asOfDate(story))}.`,
      page: '/changes/',
      self: link('/changes.xml'),
    },
    changesFeedItems(story, link),
  );
}
