/** The site's name: the one place it is typed. Pages, feeds, cards, citations, embeds, calendars and the data credit it. */
export const SITE_NAME = 'The Distillation Files';

/** Title of the site's main feed (/rss.xml), as the feed and every page's discovery link give it. */
export const SITE_FEED_TITLE = `${SITE_NAME}: events and status changes`;
