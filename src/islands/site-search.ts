/**
 * <site-search data-bundle="…/pagefind/pagefind.js" data-base="/">: search
 * over the Pagefind index built after `astro build`. Pagefind (its JS, wasm
 * and index chunks) is loaded only when the reader first types or submits,
 * so opening /search/ costs nothing until then. Results are rendered here as
 * a plain list of links, without Pagefind's default UI (which needs inline
 * styles the CSP forbids). The query lives in the URL (?q=), so a search can
 * be linked and the form also works as a plain GET form.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  /** Matches under a heading with an id, best first: on a list page (/sources/), the entry that matched. */
  sub_results?: { url: string; title: string; excerpt: string }[];
}
interface PagefindApi {
  options(o: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] } | null>;
}

const MAX_RESULTS = 20;

/** What kind of page a result is, from its address (the index covers only these four sections). */
const SECTIONS: [RegExp, string][] = [
  [/\/events\/[^/]+\/$/, 'Event'],
  [/\/tracker\/[^/]+\/$/, 'Policy instrument'],
  [/\/actors\/[^/]+\/$/, 'Actor'],
  [/\/sources\/$/, 'Sources'],
];
const sectionOf = (url: string) => SECTIONS.find(([re]) => re.test(url.split('#')[0] ?? ''))?.[1] ?? null;
const DEBOUNCE_MS = 250;

/** Copies Pagefind's excerpt (text with <mark> highlights) as text nodes and <mark> elements only. */
function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out: Node[] = [];
  template.content.childNodes.forEach((n) => {
    if (n.nodeType === Node.TEXT_NODE) out.push(document.createTextNode(n.textContent ?? ''));
    else if (n instanceof Element && n.tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = n.textContent;
      out.push(mark);
    } else out.push(document.createTextNode(n.textContent ?? ''));
  });
  return out;
}

class SiteSearch extends HTMLElement {
  private api: Promise<PagefindApi> | null = null;
  private input!: HTMLInputElement;
  private status!: HTMLElement;
  private list!: HTMLOListElement;
  private timer: number | undefined;
  /** Number of the latest search, so a slow earlier one cannot overwrite it. */
  private seq = 0;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const input = this.querySelector<HTMLInputElement>('input[type="search"]');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    const list = this.querySelector<HTMLOListElement>('ol');
    if (!form || !input || !status || !list) return;
    this.input = input;
    this.status = status;
    this.list = list;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      window.clearTimeout(this.timer);
      void this.run(true);
    });
    input.addEventListener('input', () => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.run(false), DEBOUNCE_MS);
    });
    window.addEventListener('popstate', () => {
      this.input.value = new URL(location.href).searchParams.get('q') ?? '';
      void this.run(false, false);
    });
    const q = new URL(location.href).searchParams.get('q');
    if (q) {
      input.value = q;
      void this.run(false, false);
    }
  }

  /** Loads Pagefind once, on first use. */
  private load(): Promise<PagefindApi> {
    this.api ??= (async () => {
      const bundle = this.dataset.bundle ?? '/pagefind/pagefind.js';
      const api = (await import(/* @vite-ignore */ bundle)) as PagefindApi;
      await api.options({ baseUrl: this.dataset.base ?? '/', excerptLength: 24 });
      await api.init();
      return api;
    })();
    return this.api;
  }

  private async run(submitted: boolean, record = true): Promise<void> {
    const term = this.input.value.trim();
    const seq = ++this.seq;
    if (record) {
      const url = new URL(location.href);
      if (term) url.searchParams.set('q', term);
      else url.searchParams.delete('q');
      // A submit is a new entry in the history; typing only updates the current one.
      if (submitted) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    if (!term) {
      this.list.replaceChildren();
      this.list.hidden = true;
      this.status.textContent = '';
      return;
    }
    this.status.textContent = 'Searching…';
    let results: PagefindResultData[];
    let total: number;
    try {
      const api = await this.load();
      const found = await api.search(term);
      if (seq !== this.seq) return;
      total = found?.results.length ?? 0;
      results = await Promise.all((found?.results ?? []).slice(0, MAX_RESULTS).map((r) => r.data()));
    } catch {
      this.api = null;
      if (seq === this.seq) this.status.textContent = 'Search is not available: the search index could not be loaded. Try the list of events instead.';
      return;
    }
    if (seq !== this.seq) return;
    this.render(results);
    const shown = total > results.length ? ` (showing the first ${results.length})` : '';
    this.status.textContent =
      total === 0 ? `No results for “${term}”.` : `${total} ${total === 1 ? 'result' : 'results'} for “${term}”${shown}.`;
  }

  private render(results: PagefindResultData[]): void {
    const items = results.map((r) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      const section = sectionOf(r.url);
      // The sources page holds every source: link to the one that matched, under its own heading.
      const sub = section === 'Sources' ? r.sub_results?.find((x) => x.url.includes('#')) : undefined;
      a.href = sub?.url ?? r.url;
      a.className = 'result-title';
      a.textContent = sub?.title ?? r.meta.title ?? r.url;
      const p = document.createElement('p');
      p.className = 'excerpt';
      p.append(...excerptNodes(sub?.excerpt ?? r.excerpt));
      if (section) {
        const kind = document.createElement('span');
        kind.className = 'result-kind';
        kind.textContent = `${section} · `;
        li.append(kind);
      }
      li.append(a, p);
      return li;
    });
    this.list.replaceChildren(...items);
    this.list.hidden = items.length === 0;
  }
}

customElements.define('site-search', SiteSearch);
