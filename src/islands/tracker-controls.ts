/**
 * <tracker-controls data-table="…" data-empty="…">: adds filtering by kind
 * and stage, and sorting by last action, to the server-rendered tracker
 * table. The view lives in the URL (?kind=bill&stage=committee&sort=last-action)
 * so a link reproduces it and Back restores the one before. Without
 * JavaScript the element stays hidden and the whole table shows.
 *
 * Each instrument is a <tbody> carrying data-kind, data-stage, data-last (the
 * sort key of its last action, "" for none) and data-order (default order),
 * all computed at build time by src/lib/views/tracker.ts.
 */
const PARAMS = ['kind', 'stage', 'sort'] as const;
type Param = (typeof PARAMS)[number];

const byOrder = (a: HTMLElement, b: HTMLElement) => Number(a.dataset.order) - Number(b.dataset.order);
// Newest first; rows with no action ("") sort last because "" is the smallest key.
const byLast = (a: HTMLElement, b: HTMLElement) => (b.dataset.last ?? '').localeCompare(a.dataset.last ?? '') || byOrder(a, b);

class TrackerControls extends HTMLElement {
  private form!: HTMLFormElement;
  private table!: HTMLTableElement;
  private status!: HTMLElement;
  private rows: HTMLTableSectionElement[] = [];

  connectedCallback(): void {
    const table = document.getElementById(this.dataset.table ?? '');
    const form = this.querySelector('form');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    if (!(table instanceof HTMLTableElement) || !form || !status) return;
    this.table = table;
    this.form = form;
    this.status = status;
    this.rows = [...table.tBodies];
    form.addEventListener('change', () => this.commit());
    form.addEventListener('submit', (e) => e.preventDefault());
    // The reset event fires before the form resets its fields.
    form.addEventListener('reset', () => setTimeout(() => this.commit()));
    window.addEventListener('popstate', () => this.load());
    this.hidden = false;
    this.load();
    // Unknown or impossible values in the address are dropped, without adding a history entry.
    if (this.url() !== location.href) history.replaceState(history.state, '', this.url());
  }

  private select(name: Param): HTMLSelectElement {
    return this.form.elements.namedItem(name) as HTMLSelectElement;
  }

  /** Reads the view from the address into the controls, then shows it. */
  private load(): void {
    const params = new URLSearchParams(location.search);
    for (const name of PARAMS) {
      const select = this.select(name);
      select.value = params.get(name) ?? '';
      if (select.selectedIndex < 0) select.value = '';
    }
    this.apply();
  }

  /** Shows the view the controls describe and records it as a new history entry. */
  private commit(): void {
    this.apply();
    if (this.url() !== location.href) history.pushState(null, '', this.url());
  }

  private url(): string {
    const url = new URL(location.href);
    for (const name of PARAMS) {
      const value = this.select(name).value;
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    return url.href;
  }

  private apply(): void {
    const kind = this.select('kind').value;
    const stageSelect = this.select('stage');
    // Offer only the stages of the chosen kind's track.
    for (const option of stageSelect.options) {
      const kinds = option.dataset.kinds?.split(' ');
      option.hidden = option.disabled = Boolean(kind && kinds && !kinds.includes(kind));
    }
    if (stageSelect.selectedOptions[0]?.disabled) stageSelect.value = '';
    const stage = stageSelect.value;
    const sort = this.select('sort').value;

    let shown = 0;
    for (const row of this.rows) {
      row.hidden = Boolean((kind && row.dataset.kind !== kind) || (stage && row.dataset.stage !== stage));
      if (!row.hidden) shown += 1;
    }
    // Move rows only when the order changes: re-appending every row on start-up
    // would lay the whole table out again for nothing.
    const order = [...this.rows].sort(sort === 'last-action' ? byLast : byOrder);
    if (order.some((row, i) => this.table.tBodies[i] !== row)) this.table.append(...order);
    const header = this.table.querySelector('th[data-col="last-action"]');
    if (sort === 'last-action') header?.setAttribute('aria-sort', 'descending');
    else header?.removeAttribute('aria-sort');
    const empty = document.getElementById(this.dataset.empty ?? '');
    if (empty) empty.hidden = shown > 0;

    const total = this.rows.length;
    this.status.textContent =
      (shown === total ? `Showing all ${total} instruments` : `Showing ${shown} of ${total} instruments`) +
      (sort === 'last-action' ? ', newest last action first.' : ', by kind.');
  }
}

if (!customElements.get('tracker-controls')) customElements.define('tracker-controls', TrackerControls);
