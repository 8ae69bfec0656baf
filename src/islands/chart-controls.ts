/**
 * <chart-controls data-chart="…" data-options="…">: the island around every
 * chart figure (src/components/charts/ChartFigure.astro).
 *
 * - Tooltips: any SVG mark with data-tip shows its text on hover; Escape
 *   hides it. The same text is in the data table, for keyboard and
 *   screen-reader users.
 * - Switching (campaign-scale chart only, when data-chart is set): the
 *   metric and scale radios re-render the SVG with the same pure function the
 *   build used, drawn at the canvas's measured width, and the view lives in
 *   the URL (?metric=accounts&scale=log) so a link reproduces it and Back
 *   restores the previous one. A ResizeObserver on the canvas draws it again
 *   when the width changes.
 * - The default view on load keeps the server's artboards (one is drawn for
 *   the width the canvas has, src/charts/artboards.ts), so nothing moves
 *   (no layout shift); only a canvas narrower than the narrowest artboard, or
 *   a view from the URL, is drawn by the island.
 *
 * Without JavaScript the server-rendered artboards and the table stay as they
 * are and the controls stay hidden.
 */
import {
  campaignScaleSvg,
  defaults,
  isMetric,
  isScale,
  type Metric,
  type ScaleChartData,
  type ScaleOptions,
  type ScaleType,
} from '../charts/campaign-scale';

type View = { metric: Metric; scale: ScaleType };

class ChartControls extends HTMLElement {
  private tip: HTMLElement | null = null;
  private hideTimer = 0;
  private form: HTMLFormElement | null = null;
  private data: ScaleChartData | null = null;
  private options: Partial<ScaleOptions> = {};
  private canvas: HTMLElement | null = null;
  /** The view and width the island drew, or null while the server's artboards show. */
  private drawn: { view: View; width: number } | null = null;
  private resizeFrame = 0;

  connectedCallback(): void {
    this.setUpTips();
    this.dataset.ready = 'true';
    const form = this.querySelector<HTMLFormElement>('form.chart-controls');
    if (!form || !this.dataset.chart) return;
    try {
      this.data = JSON.parse(this.dataset.chart) as ScaleChartData;
      this.options = JSON.parse(this.dataset.options ?? '{}') as Partial<ScaleOptions>;
    } catch {
      return;
    }
    this.form = form;
    this.canvas = this.querySelector<HTMLElement>('.chart-canvas');
    form.addEventListener('change', () => this.commit());
    form.addEventListener('submit', (e) => e.preventDefault());
    window.addEventListener('popstate', () => this.load(false));
    form.hidden = false;
    this.load(false);
    if (this.canvas && 'ResizeObserver' in window) new ResizeObserver(() => this.resized()).observe(this.canvas);
  }

  /** The canvas's width in whole px (0 while it is not laid out). */
  private width(): number {
    return this.canvas ? Math.floor(this.canvas.clientWidth) : 0;
  }

  /** True while the server's artboards show and one of them fits the canvas without being scaled down. */
  private artboardFits(): boolean {
    if (this.drawn || !this.canvas) return false;
    const first = this.canvas.querySelector<HTMLElement>('.artboard[data-width]');
    return first !== null && this.width() >= Number(first.dataset.width);
  }

  /** On a width change: draw again at the new width, once per frame. */
  private resized(): void {
    const width = this.width();
    if (width === 0 || (this.drawn ? this.drawn.width === width : this.artboardFits())) return;
    cancelAnimationFrame(this.resizeFrame);
    this.resizeFrame = requestAnimationFrame(() => this.render(this.drawn?.view ?? this.fromForm(), false));
  }

  /** The view in the address; unknown values fall back to the defaults. */
  private fromUrl(): View {
    const params = new URLSearchParams(location.search);
    const metric = params.get('metric');
    const scale = params.get('scale');
    return { metric: isMetric(metric) ? metric : defaults.metric, scale: isScale(scale) ? scale : defaults.scale };
  }

  /** The view the radios show. */
  private fromForm(): View {
    const f = new FormData(this.form!);
    const metric = f.get('metric');
    const scale = f.get('scale');
    return { metric: isMetric(metric) ? metric : defaults.metric, scale: isScale(scale) ? scale : defaults.scale };
  }

  private load(announce: boolean): void {
    const view = this.fromUrl();
    for (const [name, value] of Object.entries(view)) {
      const input = this.form!.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`);
      if (input) input.checked = true;
    }
    // The default view stays as the artboards drew it, unless the island has drawn another since.
    if (!this.drawn && view.metric === defaults.metric && view.scale === defaults.scale && this.artboardFits()) return;
    this.render(view, announce);
  }

  /** Shows the chosen view and records it in the address. */
  private commit(): void {
    const view = this.fromForm();
    const url = new URL(location.href);
    url.searchParams.set('metric', view.metric);
    url.searchParams.set('scale', view.scale);
    if (url.href !== location.href) history.pushState(null, '', url);
    this.render(view, true);
  }

  /** Draws one SVG at exactly the canvas's width (never narrower than 200 px), in place of the artboards. */
  private render(view: View, announce: boolean): void {
    const canvas = this.canvas;
    if (!canvas || !this.data) return;
    const width = Math.max(this.width(), 200);
    canvas.innerHTML = campaignScaleSvg(this.data, { ...this.options, ...view, width });
    this.drawn = { view, width };
    this.hideTip();
    const status = this.querySelector('[role="status"]');
    if (status && announce) status.textContent = `Showing ${this.data.metrics[view.metric].name.toLowerCase()} on a ${view.scale} scale.`;
  }

  private setUpTips(): void {
    const canvas = this.querySelector<HTMLElement>('.chart-canvas');
    if (!canvas) return;
    const tip = document.createElement('div');
    tip.className = 'chart-tip';
    // The table carries the same text, so the tooltip is for sighted pointer users only.
    tip.setAttribute('aria-hidden', 'true');
    tip.hidden = true;
    this.append(tip);
    this.tip = tip;
    canvas.addEventListener('pointerover', (e) => {
      const mark = (e.target as Element).closest('[data-tip]');
      if (mark) this.showTip(mark, e as PointerEvent);
    });
    canvas.addEventListener('pointermove', (e) => {
      if (!tip.hidden) this.place(e as PointerEvent);
    });
    canvas.addEventListener('pointerout', (e) => {
      const to = (e as PointerEvent).relatedTarget as Node | null;
      if (!to || !(to instanceof Element && to.closest('[data-tip]'))) this.scheduleHide();
    });
    // The tooltip can be hovered (WCAG 1.4.13) without disappearing.
    tip.addEventListener('pointerenter', () => clearTimeout(this.hideTimer));
    tip.addEventListener('pointerleave', () => this.scheduleHide());
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.hideTip();
    });
  }

  private showTip(mark: Element, e: PointerEvent): void {
    if (!this.tip) return;
    clearTimeout(this.hideTimer);
    this.tip.textContent = mark.getAttribute('data-tip');
    this.tip.hidden = false;
    this.place(e);
  }

  private place(e: PointerEvent): void {
    if (!this.tip) return;
    const box = this.getBoundingClientRect();
    const left = Math.min(e.clientX - box.left + 12, box.width - this.tip.offsetWidth - 4);
    // CSSOM positioning is allowed by the CSP; style attributes in markup are not.
    this.tip.style.left = `${Math.max(left, 0)}px`;
    this.tip.style.top = `${e.clientY - box.top + 16}px`;
  }

  private scheduleHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = window.setTimeout(() => this.hideTip(), 300);
  }

  private hideTip(): void {
    if (this.tip) this.tip.hidden = true;
  }
}

if (!customElements.get('chart-controls')) customElements.define('chart-controls', ChartControls);
