/**
 * The details panel of a selected event: its title and date at once from the index,
 * then the summary and sources from /data/events/<id>.json (fetched once per event).
 */
import type { Item } from './data';

/** A row of /data/events/<id>.json (the event-details dataset, src/lib/outputs/datasets.ts: one envelope, snake_case). */
export interface EventDetail {
  title: string;
  date_label: string;
  standing: string;
  summary: string;
  url: string;
  sources: { number: number; label: string; credits: string | null; url: string }[];
}

export const detailUrl = (base: string, id: string): string => `${base}data/events/${id}.json`;

/** Each event's details, fetched on first request and kept (a failed fetch stays failed). */
export class DetailCache {
  private readonly found = new Map<string, Promise<EventDetail>>();

  constructor(
    private readonly base: string,
    private readonly load: (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }> = (url) => fetch(url),
  ) {}

  get(id: string): Promise<EventDetail> {
    let found = this.found.get(id);
    if (!found) {
      found = this.load(detailUrl(this.base, id)).then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return (r.json() as Promise<{ rows: EventDetail[] }>).then((doc) => {
          const row = doc.rows?.[0];
          if (!row) throw new Error(`no row in ${detailUrl(this.base, id)}`);
          return row;
        });
      });
      this.found.set(id, found);
    }
    return found;
  }
}

/** The sources line after "Sources: ": links, separators and credits, in order. */
export function sourceParts(d: Pick<EventDetail, 'sources'>): (string | { href: string; text: string })[] {
  return d.sources.flatMap((s, n) => [n ? '; ' : '', { href: s.url, text: `[${s.number}] ${s.label}` }, s.credits ? ` (credits ${s.credits})` : '']);
}

export const FAILED = 'The details could not be loaded; the event page has them.';

/**
 * Fills the panel for `item` and shows it; then, unless `current()` no longer names it
 * (the reader moved on while it loaded), adds the fetched date, standing, summary and sources.
 */
export async function showDetail(panel: HTMLElement, item: Item, details: DetailCache, current: () => string | null, announce?: (text: string) => void): Promise<void> {
  const q = <T extends Element>(s: string) => panel.querySelector<T>(s)!;
  q('.tl-detail-title').textContent = item.title;
  q('.tl-detail-meta').textContent = item.dateLabel;
  q('.tl-detail-summary').textContent = '';
  q('.tl-detail-sources').textContent = '';
  q<HTMLAnchorElement>('.tl-detail-link').href = item.href;
  panel.hidden = false;
  announce?.(`Selected: ${item.title}, ${item.dateLabel}.`);
  try {
    const d = await details.get(item.id);
    if (current() !== item.id) return;
    q('.tl-detail-meta').textContent = `${d.date_label} · ${d.standing}`;
    q('.tl-detail-summary').textContent = d.summary;
    const sources = q('.tl-detail-sources');
    sources.textContent = 'Sources: ';
    for (const part of sourceParts(d)) {
      if (typeof part === 'string') sources.append(part);
      else {
        const a = document.createElement('a');
        a.href = part.href;
        a.textContent = part.text;
        sources.append(a);
      }
    }
  } catch {
    q('.tl-detail-summary').textContent = FAILED;
  }
}
