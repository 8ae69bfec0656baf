/**
 * Every embeddable chart: its route, the full page it credits, a default
 * height and the snippets journalists paste. Embed pages, the Embed panel,
 * oEmbed files, the previewer and the tests all read this one list.
 */
import type { Story } from './story';
import { href } from './url';

export interface Embed {
  /** Route segment: /embed/<id>/ */
  id: string;
  title: string;
  /** Full page the credit line links back to. */
  page: string;
  /** Height for the plain-iframe snippet, in px (the self-resizing one adjusts itself). */
  height: number;
}

/** The charts that have an embed route, in the order the previewer lists them. */
export function embeds(story: Story): Embed[] {
  return [
    { id: 'timeline', title: 'Timeline of the AI distillation story', page: '/timeline/', height: 560 },
    { id: 'campaign-scale', title: 'How big were the alleged distillation campaigns?', page: '/campaigns/', height: 720 },
    { id: 'intensity', title: 'How intense were the alleged campaigns?', page: '/campaigns/', height: 620 },
    { id: 'market', title: "Alibaba's share price around the letter", page: '/markets/', height: 720 },
    { id: 'tracker', title: 'Where the policy response stands', page: '/tracker/', height: 760 },
    ...story.instruments.map((i) => ({
      id: `status-${i.id}`,
      title: `${i.data.shortName}: where it stands`,
      page: `/tracker/${i.id}/`,
      height: 260,
    })),
  ];
}

/** Absolute URL of a site path, for snippets that live on other sites. */
export function absolute(site: URL | undefined, path: string): string {
  return new URL(href(path), site ?? 'https://ai-distillation-tracker.example').href;
}

/** The self-resizing snippet: an iframe plus the loader script. */
export function embedSnippet(site: URL | undefined, e: Embed): string {
  const src = absolute(site, `/embed/${e.id}/`);
  return (
    `<iframe src="${src}" title="${e.title.replace(/"/g, '&quot;')}" width="100%" height="${e.height}" ` +
    `loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" data-distillation-embed style="border:0;width:100%"></iframe>\n` +
    `<script src="${absolute(site, '/embed.js')}" async></script>`
  );
}

/** The plain iframe for CMSes that strip scripts: fixed height, no loader. */
export function plainSnippet(site: URL | undefined, e: Embed): string {
  const src = absolute(site, `/embed/${e.id}/`);
  return `<iframe src="${src}" title="${e.title.replace(/"/g, '&quot;')}" width="100%" height="${e.height}" loading="lazy" style="border:0;width:100%"></iframe>`;
}
