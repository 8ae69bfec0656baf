/**
 * <changes-since data-list="…">: narrows the server-rendered list on
 * /changes/ to what may have changed on or after a day. The day lives in the
 * address (?since=YYYY-MM-DD), so a reload or a shared link shows the same
 * view and Back restores the one before. Without JavaScript the element stays
 * hidden and the whole list shows.
 *
 * Each entry is an <li> carrying data-last: the latest day the change can
 * have happened ("" when no source bounds it, and then it is always kept).
 * src/lib/views/changes.ts (changedSince) applies the same rule at build time.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real day in the form YYYY-MM-DD, else null. */
function validDay(value: string | null): string | null {
  const m = value ? DAY.exec(value) : null;
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value ? value : null;
}

class ChangesSince extends HTMLElement {
  private input!: HTMLInputElement;
  private status!: HTMLElement;
  private items: HTMLElement[] = [];

  connectedCallback(): void {
    const list = document.getElementById(this.dataset.list ?? '');
    const form = this.querySelector('form');
    const input = this.querySelector<HTMLInputElement>('input[name="since"]');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    if (!list || !form || !input || !status) return;
    this.input = input;
    this.status = status;
    this.items = [...list.querySelectorAll<HTMLElement>(':scope > li')];
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.commit(validDay(this.input.value));
    });
    this.querySelector<HTMLButtonElement>('button[data-clear]')?.addEventListener('click', () => {
      this.input.value = '';
      this.commit(null);
    });
    window.addEventListener('popstate', () => this.load());
    this.hidden = false;
    this.load();
  }

  private since(): string | null {
    return validDay(new URL(location.href).searchParams.get('since'));
  }

  /** Reads the day from the address and shows that view; a malformed day is dropped without a history entry. */
  private load(): void {
    const raw = new URL(location.href).searchParams.get('since');
    const since = this.since();
    this.input.value = since ?? '';
    if (raw !== null && since === null) history.replaceState(history.state, '', this.url(null));
    this.show(since);
  }

  private url(since: string | null): string {
    const url = new URL(location.href);
    if (since) url.searchParams.set('since', since);
    else url.searchParams.delete('since');
    return url.href;
  }

  private commit(since: string | null): void {
    if (since !== this.since()) history.pushState(null, '', this.url(since));
    this.show(since);
  }

  private show(since: string | null): void {
    let shown = 0;
    for (const li of this.items) {
      const last = li.dataset.last ?? '';
      const keep = since === null || last === '' || last >= since;
      li.hidden = !keep;
      if (keep) shown += 1;
    }
    const total = this.items.length;
    this.status.textContent = since
      ? `Showing ${shown} of ${total} changes that may have happened on or after ${since}.`
      : `Showing all ${total} changes.`;
  }
}

customElements.define('changes-since', ChangesSince);
