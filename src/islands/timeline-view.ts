/**
 * <timeline-view>: enhances the server-rendered timeline. It adds zoom and pan
 * (wheel, pinch, drag, buttons, keys), filters by kind and actor, selection
 * with a details panel, and keeps view, filters and selection in the URL.
 *
 * The page is complete without it. On load it renders nothing unless the URL
 * asks for a view other than the default; afterwards every state change calls
 * the same timelineSvg() the build used. During a gesture only the mark groups'
 * transform changes; the full render (labels, ticks) follows when it ends.
 */
import { dayMs, defaults, domainMs, isDense, layoutFor, timelineSvg, unwarp, warp, zoomScale, zoomTransform, type TimelineDatum, type TimelineLane, type Warp } from '../charts/timeline';

interface Item extends TimelineDatum {
  kind: string;
  actors: string[];
}

interface Meta {
  base: string;
  domain: [string, string];
  asOf: string;
  asOfLabel: string;
  /** The axis break, fixed for the story (see axisBreak in src/charts/timeline.ts). */
  axisBreak: Warp | null;
  maxRows: number;
  lanes: (TimelineLane & { kinds: string[] })[];
}

interface State {
  kinds: Set<string> | null; // null: every kind
  actor: string;
  span: [number, number]; // visible time, ms
  selected: string | null;
}

/** A row of /data/events/<id>.json (the event-details dataset, src/lib/outputs/datasets.ts). */
interface EventDetail {
  title: string;
  date_label: string;
  standing: string;
  summary: string;
  url: string;
  sources: { number: number; label: string; credits: string | null; url: string }[];
}

const DAY = 86_400_000;
const MIN_SPAN = 7 * DAY;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const reduceMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

class TimelineView extends HTMLElement {
  private index!: Meta;
  private itemCache: Item[] | null = null;
  private state!: State;
  private full!: [number, number];
  /** Span the visible SVG was last rendered for; gestures transform relative to it. */
  private rendered!: [number, number];
  /** Width (px) the visible SVG was drawn at. */
  private renderedWidth = 0;
  /** Layout picked for a width (at the full view, with every event), kept while zooming and filtering. */
  private layoutAt: { width: number; orientation: 'horizontal' | 'vertical' } | null = null;
  private settle = 0;
  private frame = 0;
  private pointers = new Map<number, number>();
  private dragFrom: { x: number; span: [number, number] } | null = null;
  private pinchFrom: { dist: number; mid: number; span: [number, number] } | null = null;
  /** Set when a pointer drag pans, so the click that ends it does not also zoom. */
  private dragged = false;
  private box: DOMRect | null = null;
  private details = new Map<string, Promise<EventDetail>>();
  /** Months of the packed list not yet moved into the page (see unpackList). */
  private packedMonths: string[] | null = null;

  connectedCallback(): void {
    if (!this.dataset.meta || this.index) return;
    this.index = JSON.parse(this.dataset.meta) as Meta;
    this.full = domainMs(this.index.domain);
    this.rendered = this.full;
    this.state = this.readUrl();
    this.querySelector<HTMLElement>('.tl-toolbar')!.hidden = false;
    this.adoptArtboard();
    this.bind();
    this.syncControls();
    // Render only if the URL asks for something other than what the build drew.
    if (this.state.kinds || this.state.actor || this.state.selected || !this.isFullView()) this.render(false);
    else this.markDense();
    this.watchWidth();
    if (this.state.selected) void this.showDetail(this.state.selected, false);
    performance.mark('timeline-interactive');
    this.dataset.ready = 'true';
    // A long list ships unparsed (see TimelineChart.astro): build it, a month at a time, while the
    // reader is idle. The index is read from it when first needed.
    this.unpackList();
  }

  /**
   * Above a few hundred events the page carries its list of every event in
   * <noscript>, where the browser does not parse it: parsing and laying out
   * thousands of list items would hold the chart's script back by a few
   * hundred ms (npm run bench). Without JavaScript the list shows as usual;
   * with it, this moves the list into the page one month per idle slice, or
   * all at once if the index is needed first.
   */
  private unpackList(now = false): void {
    const packed = this.querySelector('noscript.event-index-packed');
    const list = this.querySelector<HTMLElement>('.event-index');
    if (!packed || !list) return;
    if (!this.packedMonths) this.packedMonths = (packed.textContent ?? '').split(/(?<=<\/section>)/).filter((m) => m.trim());
    const step = (deadline?: IdleDeadline) => {
      while (this.packedMonths?.length && (now || !deadline || deadline.timeRemaining() > 4)) list.insertAdjacentHTML('beforeend', this.packedMonths.shift()!);
      if (this.packedMonths?.length) requestIdleCallback(step);
      else {
        packed.remove();
        this.packedMonths = null;
      }
    };
    if (now || !('requestIdleCallback' in window)) step();
    else requestIdleCallback(step);
  }

  /**
   * The index: one item per entry of the server-rendered event list, read on
   * first use. Each <li> carries its kind and actors; the id comes from the
   * event link, the day from <time datetime> ("YYYY-MM" for an event known
   * only to the month), the lane from the kind. Only rarer facts have their
   * own attributes: data-end and data-shape for anything but a one-day event,
   * data-flags for alleged or disputed ones. Keeping the list this lean is
   * what keeps the page fast at thousands of events (npm run bench).
   */
  private items(): Item[] {
    if (this.itemCache) return this.itemCache;
    this.unpackList(true);
    const laneOf = new Map(this.index.lanes.flatMap((l) => l.kinds.map((k) => [k, l.id] as const)));
    const items = [...this.querySelectorAll<HTMLLIElement>('.event-index li[data-kind]')].map((li): Item => {
      const time = li.firstElementChild as HTMLTimeElement;
      const link = time.nextElementSibling as HTMLAnchorElement;
      const href = link.getAttribute('href')!;
      const when = time.dateTime;
      const start = when.length === 7 ? `${when}-01` : when;
      const kind = li.getAttribute('data-kind')!;
      const flags = li.getAttribute('data-flags') ?? '';
      return {
        id: href.slice(0, -1).slice(href.lastIndexOf('/', href.length - 2) + 1),
        title: link.textContent ?? '',
        start,
        end: li.getAttribute('data-end') ?? start,
        shape: (li.getAttribute('data-shape') ?? 'point') as Item['shape'],
        lane: laneOf.get(kind) ?? '',
        dateLabel: time.textContent ?? when,
        href,
        alleged: flags.includes('alleged'),
        disputed: flags.includes('disputed'),
        kind,
        actors: (li.getAttribute('data-actors') ?? '').split(' ').filter(Boolean),
      };
    });
    this.itemCache = items;
    return items;
  }

  /** The layout of the chart on screen (the build and the island pick it by width; see layoutFor). */
  private get orientation(): 'horizontal' | 'vertical' {
    return this.plot().querySelector('svg.tl-vertical') ? 'vertical' : 'horizontal';
  }

  private plot(): HTMLElement {
    return this.querySelector<HTMLElement>('.tl-plot')!;
  }

  private svg(): SVGSVGElement {
    return this.plot().querySelector<SVGSVGElement>('svg.timeline-svg:not(.tl-pin)')!;
  }

  /** Pixel range of the time axis in the SVG's units, as the chart drew it. */
  private axisRange(): [number, number] {
    const [a, b] = (this.svg()?.getAttribute('data-range') ?? '0,1').split(',').map(Number) as [number, number];
    return [a, b];
  }

  private isFullView(): boolean {
    // Spans pass through warped time and back, so compare to within a minute.
    return Math.abs(this.state.span[0] - this.full[0]) < 60_000 && Math.abs(this.state.span[1] - this.full[1]) < 60_000;
  }

  // Zoom and pan work in warped time (u), where the axis is linear across the break.
  private u(t: number): number {
    return warp(this.index.axisBreak, t);
  }

  private t(u: number): number {
    return unwarp(this.index.axisBreak, u);
  }

  private uSpan(span: [number, number] = this.state.span): [number, number] {
    return [this.u(span[0]), this.u(span[1])];
  }

  /**
   * The build ships one artboard per width and CSS shows the one that fits. Keep that one (so
   * nothing moves) and drop the rest; the island redraws at the measured width from then on.
   */
  private adoptArtboard(): void {
    const plot = this.plot();
    const boards = [...plot.querySelectorAll<HTMLElement>(':scope > .artboard')];
    const shown = boards.find((b) => b.getClientRects().length > 0) ?? boards[boards.length - 1];
    for (const b of boards) if (b !== shown) b.remove();
    const svg = shown?.querySelector('svg');
    if (shown && svg) {
      shown.replaceWith(svg);
      this.renderedWidth = Number(svg.getAttribute('width')) || 0;
    }
    this.markOrientation();
  }

  private markOrientation(): void {
    const vertical = this.orientation === 'vertical';
    this.plot().classList.toggle('tl-plot-v', vertical);
    this.plot().classList.toggle('tl-plot-h', !vertical);
  }

  /**
   * Redraws at the plot's width whenever it changes. The first measurement keeps the artboard
   * unless it is stretched by more than a little; that redraw keeps the artboard's height, so
   * the page does not move (the chart is padded, or the artboard stays if the redraw is taller).
   */
  private watchWidth(): void {
    let first = true;
    new ResizeObserver(() => {
      const width = Math.floor(this.plot().clientWidth);
      if (!width || width === this.renderedWidth) return;
      if (first) {
        first = false;
        if (width <= this.renderedWidth * 1.15) return;
        const keep = this.svg()?.getBoundingClientRect().height ?? 0;
        const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 50));
        idle(() => this.render(false, keep));
        return;
      }
      this.render(false);
    }).observe(this.plot());
  }

  // --- URL state -----------------------------------------------------------

  private readUrl(): State {
    const q = new URLSearchParams(location.search);
    const kinds = q.get('kinds');
    const from = q.get('from');
    const to = q.get('to');
    let span = this.full;
    if (from && to && /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to) {
      span = [dayMs(from), dayMs(to) + DAY];
    }
    const selected = q.get('event');
    return {
      kinds: kinds === null ? null : new Set(kinds.split(',').filter(Boolean)),
      actor: q.get('actor') ?? '',
      span,
      selected: selected && this.items().some((i) => i.id === selected) ? selected : null,
    };
  }

  /** Writes the state to the URL: push for discrete changes (so Back undoes them), replace while a gesture runs. */
  private writeUrl(push: boolean): void {
    const q = new URLSearchParams(location.search);
    const set = (k: string, v: string | null) => (v ? q.set(k, v) : q.delete(k));
    set('kinds', this.state.kinds ? [...this.state.kinds].join(',') || '-' : null);
    set('actor', this.state.actor || null);
    const full = this.isFullView();
    set('from', full ? null : toDay(this.state.span[0]));
    set('to', full ? null : toDay(this.state.span[1] - 1));
    set('event', this.state.selected);
    const url = `${location.pathname}${q.toString() ? `?${q}` : ''}${location.hash}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    history[push ? 'pushState' : 'replaceState'](null, '', url);
  }

  // --- rendering -----------------------------------------------------------

  private visibleItems(): Item[] {
    const { kinds, actor } = this.state;
    return this.items().filter((i) => (!kinds || kinds.has(i.kind)) && (!actor || i.actors.includes(actor)));
  }

  /** Full render of the visible orientation with the same function the build used. */
  private render(announce = true, keepHeight = 0): void {
    const width = Math.floor(this.plot().clientWidth) || this.renderedWidth || 960;
    const items = this.visibleItems();
    const span = this.state.span;
    const domain: [string, string] = [toDay(span[0]), toDay(span[1] - 1)];
    const focusedId = (document.activeElement as HTMLElement | null)?.closest?.('a.tl-mark')?.getAttribute('data-id');
    const plotFocused = document.activeElement === this.plot();
    const prefix = `${this.dataset.prefix ?? 'tl'}-live`;
    const title = this.svg()?.querySelector(':scope > title')?.textContent ?? 'Timeline';
    const description = `${items.length} of ${this.items().length} events shown, ${domain[0]} to ${domain[1]}.`;
    if (this.layoutAt?.width !== width) {
      const orientation = layoutFor(this.items(), { width, lanes: this.index.lanes, domain: this.index.domain, axisBreak: this.index.axisBreak, asOf: this.index.asOf, asOfLabel: '', title: '', description: '', maxRows: this.index.maxRows });
      this.layoutAt = { width, orientation };
    }
    const svg = timelineSvg(items, {
      orientation: this.layoutAt.orientation,
      width,
      lanes: this.index.lanes,
      domain,
      axisBreak: this.index.axisBreak,
      asOf: this.index.asOf,
      asOfLabel: this.index.asOfLabel,
      selected: this.state.selected,
      idPrefix: prefix,
      title,
      description,
      maxRows: this.index.maxRows,
      minHeight: keepHeight,
    });
    // The first redraw must not move the page: keep the artboard if the redraw would be taller.
    if (keepHeight && Number(/ height="([\d.]+)"/.exec(svg)?.[1] ?? 0) > keepHeight + 0.5) return;
    this.plot().innerHTML = svg;
    this.rendered = span;
    this.renderedWidth = width;
    this.markOrientation();
    this.box = null;
    this.classList.remove('is-zooming');
    this.filterList(items);
    this.markDense();
    const dense = this.plot().classList.contains('is-dense');
    // A focused mark keeps focus; zoomed out into the density view its mark is gone and the plot takes it;
    // zoomed in from the density view, focus moves from the plot to the mark nearest the middle.
    if (focusedId) (this.markById(focusedId) ?? (dense ? this.plot() : null))?.focus();
    else if (plotFocused && !dense) this.nearestMark()?.focus();
    if (announce) {
      const hint = dense ? ' Too many in view to mark one by one: zoom in, or press an arrow key on the chart.' : '';
      this.announce(`${items.length} of ${this.items().length} events shown.${hint}`);
    }
  }

  /** Filters the list below the chart too, so both views agree; a month with nothing left is hidden with its heading. */
  private filterList(items: Item[]): void {
    const all = this.items();
    const shown = items.length === all.length ? null : new Set(items);
    const lis = this.querySelectorAll<HTMLLIElement>('.event-index li[data-kind]');
    all.forEach((item, n) => {
      const li = lis[n];
      if (li) li.hidden = shown !== null && !shown.has(item);
    });
    this.querySelectorAll<HTMLElement>('.event-index > section').forEach((month) => {
      month.hidden = shown !== null && !month.querySelector('li:not([hidden])');
    });
  }

  /**
   * In the density view no single mark can take focus, so the plot itself
   * does: arrow keys then step into the events (zooming in to them), and a
   * click on the marks zooms in there.
   */
  private markDense(): void {
    const plot = this.plot();
    const dense = !!plot.querySelector('svg.is-dense');
    plot.classList.toggle('is-dense', dense);
    if (dense) {
      plot.tabIndex = 0;
      plot.setAttribute('role', 'group');
      plot.setAttribute('aria-label', 'Timeline, too many events in view to mark one by one. Press an arrow key to step through them, or + to zoom in.');
    } else {
      plot.removeAttribute('tabindex');
      plot.removeAttribute('role');
      plot.removeAttribute('aria-label');
    }
  }

  private announce(text: string): void {
    const status = this.querySelector('.tl-status');
    if (status) status.textContent = text;
  }

  /** Cheap frame during a gesture: one transform per mark group, no re-layout. */
  private preview(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      const starting = !this.classList.contains('is-zooming');
      this.classList.add('is-zooming');
      if (this.orientation === 'horizontal') {
        // The whole chart moves as one composited layer (no repaint per frame), under a pinned copy
        // of the lane labels; the render that ends the gesture draws it crisp again.
        if (starting) this.pinLaneLabels();
        const svg = this.svg();
        const { k, shift } = zoomScale(this.uSpan(this.rendered), this.uSpan(), this.axisRange());
        svg.style.transform = `translateX(${(shift * this.svgBox().width) / svg.viewBox.baseVal.width}px) scaleX(${k})`;
      } else {
        const t = zoomTransform(this.uSpan(this.rendered), this.uSpan(), this.axisRange(), 'vertical');
        this.plot().querySelectorAll('.tl-zoom, .tl-axis, .tl-asof').forEach((g) => g.setAttribute('transform', t));
      }
    });
    clearTimeout(this.settle);
    this.settle = window.setTimeout(() => {
      this.render(false);
      this.writeUrl(false);
    }, 160);
  }

  /**
   * While a horizontal gesture runs, a still copy of the lane labels covers the chart's margins
   * (the render that ends the gesture replaces the plot's content, and this copy with it).
   */
  private pinLaneLabels(): void {
    const svg = this.svg();
    const pin = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    pin.setAttribute('class', 'timeline-svg tl-pin');
    pin.setAttribute('aria-hidden', 'true');
    pin.setAttribute('viewBox', svg.getAttribute('viewBox')!);
    const [r0, r1] = this.axisRange();
    const { width, height } = svg.viewBox.baseVal;
    const cover = (x: number, width: number) => {
      const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      for (const [k, v] of Object.entries({ class: 'tl-pin-cover', x, y: 0, width, height })) rect.setAttribute(k, String(v));
      return rect;
    };
    const still = [...svg.querySelectorAll('.tl-lane-rule, .tl-lane-label')].map((n) => n.cloneNode(true));
    pin.append(cover(0, r0), cover(r1, width - r1), ...still);
    this.plot().append(pin);
  }

  // --- zoom ----------------------------------------------------------------

  /** Zooms by `factor` (>1 in) around time `at`, clamped between a week and the full view. */
  private zoomAt(factor: number, at: number): void {
    const [a, b] = this.uSpan();
    const [f0, f1] = this.uSpan(this.full);
    const ua = this.u(at);
    const span = Math.min(f1 - f0, Math.max(MIN_SPAN, (b - a) / factor));
    let start = ua - ((ua - a) / (b - a)) * span;
    start = Math.min(Math.max(start, f0), f1 - span);
    this.state.span = this.fromU([start, start + span]);
  }

  /** Pans by `du` ms of warped time. */
  private pan(du: number): void {
    const [a, b] = this.uSpan();
    this.state.span = this.fromU(this.clampU([a + du, b + du]));
  }

  private fromU([a, b]: [number, number]): [number, number] {
    const [f0, f1] = this.uSpan(this.full);
    // The full view is the full view exactly (no rounding through the break).
    return [a <= f0 ? this.full[0] : this.t(a), b >= f1 ? this.full[1] : this.t(b)];
  }

  /** A warped span moved (not resized) to lie within the full view. */
  private clampU([a, b]: [number, number]): [number, number] {
    const [f0, f1] = this.uSpan(this.full);
    const start = Math.min(Math.max(a, f0), f1 - (b - a));
    return [start, start + (b - a)];
  }

  /** Time under a client x (horizontal layout) or y (vertical). */
  private timeAt(client: number): number {
    const svg = this.svg();
    const box = this.svgBox();
    const horizontal = this.orientation === 'horizontal';
    const view = horizontal ? svg.viewBox.baseVal.width : svg.viewBox.baseVal.height;
    const px = ((client - (horizontal ? box.left : box.top)) * view) / (horizontal ? box.width : box.height);
    const [r0, r1] = this.axisRange();
    const [a, b] = this.uSpan();
    return this.t(a + ((Math.min(Math.max(px, r0), r1) - r0) / (r1 - r0)) * (b - a));
  }

  /**
   * The chart's box on screen, measured once per render, scroll or resize: measuring it on every
   * wheel or pointer event would force a layout in the middle of each gesture frame.
   */
  private svgBox(): DOMRect {
    // The plot's box, not the chart's: a gesture transforms the chart, and the chart fills the plot.
    this.box ??= this.plot().getBoundingClientRect();
    return this.box;
  }

  /** Middle of the view, in warped time (what the reader sees as the middle), as a time. */
  private center(): number {
    const [a, b] = this.uSpan();
    return this.t((a + b) / 2);
  }

  /** Button and key zooms: animated unless the reader prefers reduced motion. */
  private animateTo(target: [number, number]): void {
    const from = this.uSpan();
    const to = this.uSpan(target);
    const steps = reduceMotion() ? 1 : 8;
    let i = 0;
    const step = () => {
      i += 1;
      const t = i / steps;
      this.state.span = i < steps ? this.fromU([from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t]) : target;
      if (i < steps) {
        this.preview();
        requestAnimationFrame(step);
      } else {
        clearTimeout(this.settle);
        this.render();
        this.writeUrl(true);
      }
    };
    requestAnimationFrame(step);
  }

  private zoomButton(kind: string): void {
    const keep = this.state.span;
    if (kind === 'reset') return this.animateTo(this.full);
    this.zoomAt(kind === 'in' ? 2 : 0.5, this.selectedTime() ?? this.center());
    const target = this.state.span;
    this.state.span = keep;
    this.animateTo(target);
  }

  private selectedTime(): number | null {
    const id = this.state.selected ?? (document.activeElement as HTMLElement | null)?.closest?.('a.tl-mark')?.getAttribute('data-id');
    const item = this.items().find((i) => i.id === id);
    return item ? dayMs(item.start) : null;
  }

  // --- events --------------------------------------------------------------

  private bind(): void {
    this.addEventListener('click', (e) => {
      const target = e.target as Element;
      const zoom = target.closest<HTMLButtonElement>('button[data-zoom]');
      if (zoom) return this.zoomButton(zoom.dataset.zoom!);
      if (target.closest('.tl-detail-close')) return this.select(null, true);
      const mark = target.closest<SVGAElement>('a.tl-mark');
      if (mark && !(e as MouseEvent).metaKey && !(e as MouseEvent).ctrlKey) {
        e.preventDefault();
        this.select(mark.getAttribute('data-id'), true);
      } else if (target.closest('.tl-cluster') && !this.dragged) {
        // A click on the density view's marks zooms in there.
        const horizontal = this.orientation === 'horizontal';
        const keep = this.state.span;
        this.zoomAt(4, this.timeAt(horizontal ? (e as MouseEvent).clientX : (e as MouseEvent).clientY));
        const to = this.state.span;
        this.state.span = keep;
        this.animateTo(to);
      }
      this.dragged = false;
    });
    this.addEventListener('change', (e) => {
      const input = e.target as HTMLInputElement | HTMLSelectElement;
      if (input.name === 'kind') {
        const checked = [...this.querySelectorAll<HTMLInputElement>('input[name=kind]')].filter((c) => c.checked).map((c) => c.value);
        const all = this.querySelectorAll('input[name=kind]').length;
        this.state.kinds = checked.length === all ? null : new Set(checked);
      } else if (input.name === 'actor') {
        this.state.actor = input.value;
      } else return;
      if (this.state.selected && !this.visibleItems().some((i) => i.id === this.state.selected)) this.select(null, false);
      this.render();
      this.writeUrl(true);
    });
    this.addEventListener('keydown', (e) => this.onKey(e));
    for (const plot of this.querySelectorAll<HTMLElement>('.tl-plot')) {
      plot.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
      plot.addEventListener('pointerdown', (e) => this.onPointerDown(e));
      plot.addEventListener('pointermove', (e) => this.onPointerMove(e));
      plot.addEventListener('pointerup', (e) => this.onPointerUp(e));
      plot.addEventListener('pointercancel', (e) => this.onPointerUp(e));
    }
    window.addEventListener('popstate', () => {
      this.state = this.readUrl();
      this.syncControls();
      this.render();
      if (this.state.selected) void this.showDetail(this.state.selected, false);
      else this.querySelector<HTMLElement>('.tl-detail')!.hidden = true;
    });
    const forgetBox = () => (this.box = null);
    addEventListener('scroll', forgetBox, { passive: true });
    addEventListener('resize', forgetBox, { passive: true });
  }

  private syncControls(): void {
    this.querySelectorAll<HTMLInputElement>('input[name=kind]').forEach((c) => {
      c.checked = !this.state.kinds || this.state.kinds.has(c.value);
    });
    const select = this.querySelector<HTMLSelectElement>('select[name=actor]');
    if (select) select.value = this.state.actor;
  }

  private onWheel(e: WheelEvent): void {
    // The vertical layout leaves the wheel to page scrolling; pinch and buttons zoom it.
    if (this.orientation === 'vertical' && !e.ctrlKey) return;
    e.preventDefault();
    const horizontal = this.orientation === 'horizontal';
    if (horizontal && Math.abs(e.deltaX) > Math.abs(e.deltaY) && !e.ctrlKey) {
      const [a, b] = this.uSpan();
      this.pan(((b - a) * e.deltaX) / 800);
    } else {
      this.zoomAt(Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.002)), this.timeAt(horizontal ? e.clientX : e.clientY));
    }
    this.preview();
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    const pos = this.orientation === 'horizontal' ? e.clientX : e.clientY;
    this.pointers.set(e.pointerId, pos);
    if (this.pointers.size === 1 && this.orientation === 'horizontal') this.dragFrom = { x: pos, span: this.state.span };
    this.dragged = false;
    if (this.pointers.size === 2) {
      const [p, q] = [...this.pointers.values()] as [number, number];
      this.dragFrom = null;
      this.pinchFrom = { dist: Math.abs(p - q) || 1, mid: this.timeAt((p + q) / 2), span: this.state.span };
    }
  }

  private onPointerMove(e: PointerEvent): void {
    if (!this.pointers.has(e.pointerId)) return;
    const pos = this.orientation === 'horizontal' ? e.clientX : e.clientY;
    this.pointers.set(e.pointerId, pos);
    if (this.pinchFrom && this.pointers.size === 2) {
      const [p, q] = [...this.pointers.values()] as [number, number];
      this.state.span = this.pinchFrom.span;
      this.zoomAt(Math.abs(p - q) / this.pinchFrom.dist, this.pinchFrom.mid);
      this.preview();
    } else if (this.dragFrom && Math.abs(pos - this.dragFrom.x) > 3) {
      const plot = this.svgBox();
      const [r0, r1] = this.axisRange();
      const [a, b] = this.uSpan(this.dragFrom.span);
      const msPerPx = (b - a) / ((plot.width * (r1 - r0)) / this.svg().viewBox.baseVal.width);
      this.state.span = this.dragFrom.span;
      this.dragged = true;
      this.pan(-(pos - this.dragFrom.x) * msPerPx);
      (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
      this.preview();
    }
  }

  private onPointerUp(e: PointerEvent): void {
    this.pointers.delete(e.pointerId);
    if (this.pointers.size < 2) this.pinchFrom = null;
    if (this.pointers.size === 0) this.dragFrom = null;
  }

  private marks(): SVGAElement[] {
    return [...this.plot().querySelectorAll<SVGAElement>('a.tl-mark')];
  }

  private nearestMark(): SVGAElement | null {
    const mid = this.center();
    const byId = new Map(this.items().map((i) => [i.id, i]));
    let best: SVGAElement | null = null;
    let bestGap = Infinity;
    for (const m of this.marks()) {
      const item = byId.get(m.getAttribute('data-id')!);
      const gap = item ? Math.abs(dayMs(item.start) - mid) : Infinity;
      if (gap < bestGap) [best, bestGap] = [m, gap];
    }
    return best;
  }

  private markById(id: string): SVGAElement | null {
    return this.marks().find((m) => m.getAttribute('data-id') === id) ?? null;
  }

  private onKey(e: KeyboardEvent): void {
    const mark = (e.target as Element).closest?.('a.tl-mark');
    const onDensePlot = e.target === this.plot() && this.plot().classList.contains('is-dense');
    const horizontal = this.orientation === 'horizontal';
    if (e.key === 'Escape' && this.state.selected) {
      const id = this.state.selected;
      this.select(null, true);
      this.markById(id)?.focus();
      return e.preventDefault();
    }
    if (!mark && !onDensePlot) return;
    const items = this.visibleItems().sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
    const id = mark?.getAttribute('data-id') ?? null;
    const i = id ? items.findIndex((x) => x.id === id) : -1;
    const current = items[i];
    const [prevKey, nextKey, laneUp, laneDown] = horizontal ? ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] : ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];
    let to: Item | undefined;
    if (e.shiftKey && (e.key === prevKey || e.key === nextKey)) {
      const [a, b] = this.uSpan();
      this.pan(((b - a) / 4) * (e.key === nextKey ? 1 : -1));
      this.render();
      this.writeUrl(true);
      if (id) this.markById(id)?.focus();
      return e.preventDefault();
    }
    if (e.key === '+' || e.key === '=' || e.key === '-' || e.key === '0') {
      this.zoomButton(e.key === '0' ? 'reset' : e.key === '-' ? 'out' : 'in');
      return e.preventDefault();
    }
    if (e.key === 'Home') to = items[0];
    else if (e.key === 'End') to = items[items.length - 1];
    else if (!current && (e.key === nextKey || e.key === laneDown)) {
      // From the density view's plot: the first event in view (or after it).
      to = items.find((x) => dayMs(x.end) + DAY > this.state.span[0]) ?? items[items.length - 1];
    } else if (!current && (e.key === prevKey || e.key === laneUp)) {
      to = [...items].reverse().find((x) => dayMs(x.start) < this.state.span[1]) ?? items[0];
    } else if (e.key === nextKey) to = items[i + 1];
    else if (e.key === prevKey) to = items[i - 1];
    else if ((e.key === laneUp || e.key === laneDown) && current) {
      const lanes = this.index.lanes.map((l) => l.id);
      const step = e.key === laneDown ? 1 : -1;
      for (let l = lanes.indexOf(current.lane) + step; l >= 0 && l < lanes.length && !to; l += step) {
        const inLane = items.filter((x) => x.lane === lanes[l]);
        to = inLane.sort((a, b) => Math.abs(dayMs(a.start) - dayMs(current.start)) - Math.abs(dayMs(b.start) - dayMs(current.start)))[0];
      }
    } else return;
    e.preventDefault();
    if (to) this.reveal(to);
  }

  /**
   * Moves focus to an event's mark. If the event is outside the view, the view
   * pans to it; if the view is too dense to mark it on its own, the view zooms
   * in around it until it is (never below the narrowest zoom).
   */
  private reveal(target: Item): void {
    const t = dayMs(target.start);
    const ut = this.u(t);
    let span = this.uSpan();
    const width = () => span[1] - span[0];
    const centred = (w: number): [number, number] => this.clampU([ut - w / 2, ut + w / 2]);
    if (ut < span[0] || ut >= span[1]) span = centred(width());
    const items = this.visibleItems();
    const dense = (s: [number, number]) => {
      const [a, b] = this.fromU(s);
      return isDense(items, { domain: [toDay(a), toDay(b - 1)], maxMarks: defaults.maxMarks });
    };
    for (let n = 0; n < 24 && dense(span) && width() > MIN_SPAN; n++) span = centred(Math.max(MIN_SPAN, width() / 2));
    const real = this.fromU(span);
    if (real[0] !== this.state.span[0] || real[1] !== this.state.span[1]) {
      this.state.span = real;
      this.render();
      this.writeUrl(false);
    }
    const mark = this.markById(target.id);
    if (mark) mark.focus();
    else this.announce(`${target.title}, ${target.dateLabel}: too many events on these days to mark one by one. The list below the chart has it.`);
  }

  // --- selection -----------------------------------------------------------

  private select(id: string | null, push: boolean): void {
    this.state.selected = id;
    this.marks().forEach((m) => {
      const on = m.getAttribute('data-id') === id;
      m.classList.toggle('is-selected', on);
      if (on) m.setAttribute('aria-current', 'true');
      else m.removeAttribute('aria-current');
    });
    this.writeUrl(push);
    if (id) void this.showDetail(id, true);
    else {
      this.querySelector<HTMLElement>('.tl-detail')!.hidden = true;
      this.announce('Details closed.');
    }
  }

  private fetchDetail(id: string): Promise<EventDetail> {
    let found = this.details.get(id);
    if (!found) {
      found = fetch(`${this.index.base}data/events/${id}.json`).then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.json().then((doc: { rows: EventDetail[] }) => doc.rows[0]!);
      });
      this.details.set(id, found);
    }
    return found;
  }

  private async showDetail(id: string, announce: boolean): Promise<void> {
    const panel = this.querySelector<HTMLElement>('.tl-detail')!;
    const item = this.items().find((i) => i.id === id);
    if (!item) return;
    const q = <T extends Element>(s: string) => panel.querySelector<T>(s)!;
    q('.tl-detail-title').textContent = item.title;
    q('.tl-detail-meta').textContent = item.dateLabel;
    q('.tl-detail-summary').textContent = '';
    q('.tl-detail-sources').textContent = '';
    q<HTMLAnchorElement>('.tl-detail-link').href = item.href;
    panel.hidden = false;
    if (announce) this.announce(`Selected: ${item.title}, ${item.dateLabel}.`);
    try {
      const d = await this.fetchDetail(id);
      if (this.state.selected !== id) return;
      q('.tl-detail-meta').textContent = `${d.date_label} · ${d.standing}`;
      q('.tl-detail-summary').textContent = d.summary;
      const sources = q('.tl-detail-sources');
      sources.textContent = 'Sources: ';
      d.sources.forEach((s, n) => {
        const a = document.createElement('a');
        a.href = s.url;
        a.textContent = `[${s.number}] ${s.label}`;
        sources.append(n ? '; ' : '', a, s.credits ? ` (credits ${s.credits})` : '');
      });
    } catch {
      q('.tl-detail-summary').textContent = 'The details could not be loaded; the event page has them.';
    }
  }
}

customElements.define('timeline-view', TimelineView);
