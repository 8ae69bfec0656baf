/**
 * <timeline-view>: enhances the server-rendered timeline. It adds zoom and pan
 * (wheel, pinch, drag, buttons, keys), filters by kind and actor, selection
 * with a details panel, and keeps view, filters and selection in the URL.
 *
 * The page is complete without it. On load it renders nothing unless the URL
 * asks for a view other than the default; afterwards every state change calls
 * the same timelineSvg() the build used. During a gesture only a transform
 * changes; the full render (labels, ticks) follows when it ends.
 *
 * This file only wires the parts in ./timeline/ together: url-state (the URL),
 * data (the index and the packed list), zoom (span arithmetic), gestures (wheel,
 * pointers, keys), render (options and what a render changes) and details.
 */
import { dayMs, defaults, domainMs, isDense, layoutFor, timelineSvg } from '../charts/timeline';
import { byTime, itemOf, laneOf, PackedList, rowOf, visibleItems, type Item, type Meta } from './timeline/data';
import { DetailCache, showDetail } from './timeline/details';
import { keyAction, PointerGesture, wheelAction } from './timeline/gestures';
import { adoptArtboard, announcement, chartOptions, drawn, filterList, layoutOptions, markDense, markOrientation, pinLaneLabels, tooTall, type Drawn } from './timeline/render';
import { isFullView, readState, stateSearch, toDay, type Span, type ViewState } from './timeline/url-state';
import { center, msPerPx, pan, previewAttr, previewCss, revealSpan, timeAt, tween, widthU, zoomAt, type Frame } from './timeline/zoom';

const reduceMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

class TimelineView extends HTMLElement {
  private index!: Meta;
  private frame!: Frame;
  private itemCache: Item[] | null = null;
  private state!: ViewState;
  /** Span the visible SVG was last rendered for; gestures transform relative to it. */
  private rendered!: Span;
  /** Width (px) the visible SVG was drawn at. */
  private renderedWidth = 0;
  /** The visible SVG and its geometry, read once per render. */
  private chart!: Drawn;
  /** Layout picked for a width (at the full view, with every event), kept while zooming and filtering. */
  private layoutAt: { width: number; orientation: 'horizontal' | 'vertical' } | null = null;
  private settle = 0;
  private raf = 0;
  private readonly pointers = new PointerGesture();
  private box: DOMRect | null = null;
  private details!: DetailCache;
  private packed!: PackedList;

  connectedCallback(): void {
    if (!this.dataset.meta || this.index) return;
    this.index = JSON.parse(this.dataset.meta) as Meta;
    this.frame = { warp: this.index.axisBreak, full: domainMs(this.index.domain) };
    this.details = new DetailCache(this.index.base);
    const idle = 'requestIdleCallback' in window ? (f: IdleRequestCallback) => void requestIdleCallback(f) : null;
    this.packed = new PackedList(this.querySelector('noscript.event-index-packed'), this.querySelector<HTMLElement>('.event-index'), idle);
    this.rendered = this.frame.full;
    this.state = this.readUrl();
    this.querySelector<HTMLElement>('.tl-toolbar')!.hidden = false;
    this.renderedWidth = adoptArtboard(this.plot());
    this.adoptChart();
    this.bind();
    this.syncControls();
    // Render only if the URL asks for something other than what the build drew.
    if (this.state.kinds || this.state.actor || this.state.selected || !isFullView(this.state.span, this.frame.full)) this.render(false);
    else markDense(this.plot());
    this.watchWidth();
    if (this.state.selected) void this.showDetail(this.state.selected, false);
    performance.mark('timeline-interactive');
    this.dataset.ready = 'true';
    // A long list ships unparsed (see TimelineChart.astro): build it, a month at a time, while the
    // reader is idle. The index is read from it when first needed.
    this.packed.start();
  }

  /** The index: one item per entry of the list of every event, read on first use (see ./timeline/data). */
  private items(): Item[] {
    if (this.itemCache) return this.itemCache;
    this.packed.finish();
    const lanes = laneOf(this.index.lanes);
    this.itemCache = [...this.querySelectorAll('.event-index li[data-kind]')].map((li) => itemOf(rowOf(li), lanes));
    return this.itemCache;
  }

  private plot(): HTMLElement {
    return this.querySelector<HTMLElement>('.tl-plot')!;
  }

  /** Reads the chart now in the plot (after the artboard is adopted, and after each render). */
  private adoptChart(): void {
    this.chart = drawn(this.plot().querySelector<SVGSVGElement>('svg.timeline-svg:not(.tl-pin)')!);
    markOrientation(this.plot(), this.chart.horizontal);
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
        const keep = this.chart.svg.getBoundingClientRect().height;
        const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 50));
        idle(() => this.render(false, keep));
        return;
      }
      this.render(false);
    }).observe(this.plot());
  }

  // --- URL state -----------------------------------------------------------

  private readUrl(): ViewState {
    return readState(location.search, this.frame.full, (id) => this.items().some((i) => i.id === id));
  }

  /** Writes the state to the URL: push for discrete changes (so Back undoes them), replace while a gesture runs. */
  private writeUrl(push: boolean): void {
    const url = `${location.pathname}${stateSearch(location.search, this.state, this.frame.full)}${location.hash}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    history[push ? 'pushState' : 'replaceState'](null, '', url);
  }

  // --- rendering -----------------------------------------------------------

  private visibleItems(): Item[] {
    return visibleItems(this.items(), this.state.kinds, this.state.actor);
  }

  /** Full render of the visible orientation with the same function the build used. */
  private render(announce = true, keepHeight = 0): void {
    const plot = this.plot();
    const width = Math.floor(plot.clientWidth) || this.renderedWidth || 960;
    const items = this.visibleItems();
    const all = this.items();
    const focusedId = (document.activeElement as HTMLElement | null)?.closest?.('a.tl-mark')?.getAttribute('data-id');
    const plotFocused = document.activeElement === plot;
    if (this.layoutAt?.width !== width) this.layoutAt = { width, orientation: layoutFor(all, layoutOptions(this.index, width)) };
    const svg = timelineSvg(
      items,
      chartOptions(this.index, this.state, {
        width,
        orientation: this.layoutAt.orientation,
        idPrefix: `${this.dataset.prefix ?? 'tl'}-live`,
        title: this.chart.svg.querySelector(':scope > title')?.textContent ?? 'Timeline',
        shown: items.length,
        total: all.length,
        minHeight: keepHeight,
      }),
    );
    if (tooTall(svg, keepHeight)) return;
    plot.innerHTML = svg;
    this.rendered = this.state.span;
    this.renderedWidth = width;
    this.adoptChart();
    this.box = null;
    this.classList.remove('is-zooming');
    filterList(this, all, items);
    const dense = markDense(plot);
    // A focused mark keeps focus; zoomed out into the density view its mark is gone and the plot takes it;
    // zoomed in from the density view, focus moves from the plot to the mark nearest the middle.
    if (focusedId) (this.markById(focusedId) ?? (dense ? plot : null))?.focus();
    else if (plotFocused && !dense) this.nearestMark()?.focus();
    if (announce) this.announce(announcement(items.length, all.length, dense));
  }

  private announce(text: string): void {
    const status = this.querySelector('.tl-status');
    if (status) status.textContent = text;
  }

  /** Cheap frame during a gesture: one transform, no re-layout; the full render follows when it ends. */
  private preview(): void {
    cancelAnimationFrame(this.raf);
    this.raf = requestAnimationFrame(() => {
      const starting = !this.classList.contains('is-zooming');
      this.classList.add('is-zooming');
      const c = this.chart;
      if (c.horizontal) {
        // The whole chart moves as one composited layer (no repaint per frame), under a pinned copy
        // of the lane labels; the render that ends the gesture draws it crisp again.
        if (starting) pinLaneLabels(this.plot(), c);
        c.svg.style.transform = previewCss(this.frame, this.rendered, this.state.span, c.range, this.svgBox().width, c.viewWidth);
      } else {
        const t = previewAttr(this.frame, this.rendered, this.state.span, c.range);
        this.plot().querySelectorAll('.tl-zoom, .tl-axis, .tl-asof').forEach((g) => g.setAttribute('transform', t));
      }
    });
    clearTimeout(this.settle);
    this.settle = window.setTimeout(() => {
      this.render(false);
      this.writeUrl(false);
    }, 160);
  }

  // --- zoom ----------------------------------------------------------------

  /** Time under a client x (horizontal layout) or y (vertical). */
  private timeAt(client: number): number {
    const c = this.chart;
    const box = this.svgBox();
    const px = c.horizontal ? ((client - box.left) * c.viewWidth) / box.width : ((client - box.top) * c.viewHeight) / box.height;
    return timeAt(this.frame, this.state.span, c.range, px);
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

  /** Button and key zooms: animated unless the reader prefers reduced motion. */
  private animateTo(target: Span): void {
    const from = this.state.span;
    const steps = reduceMotion() ? 1 : 8;
    let i = 0;
    const step = () => {
      i += 1;
      this.state.span = tween(this.frame, from, target, i, steps);
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
    if (kind === 'reset') return this.animateTo(this.frame.full);
    this.animateTo(zoomAt(this.frame, this.state.span, kind === 'in' ? 2 : 0.5, this.selectedTime() ?? center(this.frame, this.state.span)));
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
      if (mark && !e.metaKey && !e.ctrlKey) {
        e.preventDefault();
        this.select(mark.getAttribute('data-id'), true);
      } else if (target.closest('.tl-cluster') && !this.pointers.dragged) {
        // A click on the density view's marks zooms in there.
        this.animateTo(zoomAt(this.frame, this.state.span, 4, this.timeAt(this.chart.horizontal ? e.clientX : e.clientY)));
      }
      this.pointers.dragged = false;
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
      plot.addEventListener('pointerup', (e) => this.pointers.up(e.pointerId));
      plot.addEventListener('pointercancel', (e) => this.pointers.up(e.pointerId));
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
    const horizontal = this.chart.horizontal;
    const action = wheelAction(e, horizontal);
    if (!action) return;
    e.preventDefault();
    if (action.type === 'pan') this.state.span = pan(this.frame, this.state.span, widthU(this.frame, this.state.span) * action.fraction);
    else this.state.span = zoomAt(this.frame, this.state.span, action.factor, this.timeAt(horizontal ? e.clientX : e.clientY));
    this.preview();
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    const horizontal = this.chart.horizontal;
    this.pointers.down(e.pointerId, horizontal ? e.clientX : e.clientY, this.state.span, horizontal, (pos) => this.timeAt(pos));
  }

  private onPointerMove(e: PointerEvent): void {
    const step = this.pointers.move(e.pointerId, this.chart.horizontal ? e.clientX : e.clientY);
    if (!step) return;
    if (step.type === 'pinch') this.state.span = zoomAt(this.frame, step.from, step.factor, step.at);
    else {
      const c = this.chart;
      this.state.span = pan(this.frame, step.from, -step.dx * msPerPx(this.frame, step.from, c.range, this.svgBox().width, c.viewWidth));
      (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    }
    this.preview();
  }

  private marks(): SVGAElement[] {
    return [...this.plot().querySelectorAll<SVGAElement>('a.tl-mark')];
  }

  private nearestMark(): SVGAElement | null {
    const mid = center(this.frame, this.state.span);
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
    const id = mark?.getAttribute('data-id') ?? null;
    const focused = mark || onDensePlot ? id : undefined;
    const action = keyAction(e.key, e.shiftKey, {
      horizontal: this.chart.horizontal,
      selected: !!this.state.selected,
      focused,
      items: focused === undefined ? [] : this.visibleItems().sort(byTime),
      span: this.state.span,
      lanes: this.index.lanes.map((l) => l.id),
    });
    if (!action) return;
    e.preventDefault();
    if (action.type === 'close') {
      const was = this.state.selected!;
      this.select(null, true);
      this.markById(was)?.focus();
    } else if (action.type === 'pan') {
      this.state.span = pan(this.frame, this.state.span, (widthU(this.frame, this.state.span) / 4) * action.direction);
      this.render();
      this.writeUrl(true);
      if (id) this.markById(id)?.focus();
    } else if (action.type === 'zoom') this.zoomButton(action.button);
    else if (action.to) this.reveal(action.to);
  }

  /**
   * Moves focus to an event's mark. If the event is outside the view, the view
   * pans to it; if the view is too dense to mark it on its own, the view zooms
   * in around it until it is (never below the narrowest zoom).
   */
  private reveal(target: Item): void {
    const items = this.visibleItems();
    const real = revealSpan(this.frame, this.state.span, dayMs(target.start), ([a, b]) =>
      isDense(items, { domain: [toDay(a), toDay(b - 1)], maxMarks: defaults.maxMarks }),
    );
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

  private async showDetail(id: string, announce: boolean): Promise<void> {
    const item = this.items().find((i) => i.id === id);
    if (!item) return;
    await showDetail(this.querySelector<HTMLElement>('.tl-detail')!, item, this.details, () => this.state.selected, announce ? (t) => this.announce(t) : undefined);
  }
}

customElements.define('timeline-view', TimelineView);
