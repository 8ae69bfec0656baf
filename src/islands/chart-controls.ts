/**
 * <chart-controls data-chart="…" data-options="…">: the island around every
 * chart figure (src/components/charts/ChartFigure.astro).
 *
 * - Tooltips: any SVG mark with data-tip shows its text on hover; Escape
 *   hides it. The same text is in the data table, for keyboard and
 *   screen-reader users.
 * - Switching (campaign-scale chart only, when data-chart is set): the
 *   metric and scale radios re-render the SVG with the same pure function the
 *   build used, and the view lives in the URL (?metric=accounts&scale=log) so
 *   a link reproduces it and Back restores the previous one.
 *
 * Without JavaScript the server-rendered chart and the table stay as they are
 * and the controls stay hidden.
 */
import {
  campaignScaleChart,
  defaults,
  isMetric,
  isScale,
  type Metric,
  type ScaleChartData,
  type ScaleOptions,
  type ScaleType,
} from '../charts/campaign-scale';

const METRIC_WORDS: Record<Metric, string> = { accounts: 'fraudulent accounts', exchanges: 'exchanges' };

class ChartControls extends HTMLElement {
  private tip: HTMLElement | null = null;
  private hideTimer = 0;
  private form: HTMLFormElement | null = null;
  private data: ScaleChartData | null = null;
  private options: Partial<ScaleOptions> = {};

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
    form.addEventListener('change', () => this.commit());
    form.addEventListener('submit', (e) => e.preventDefault());
    window.addEventListener('popstate', () => this.load(false));
    form.hidden = false;
    this.load(false);
  }

  /** The view in the address; unknown values fall back to the defaults. */
  private fromUrl(): { metric: Metric; scale: ScaleType } {
    const params = new URLSearchParams(location.search);
    const metric = params.get('metric');
    const scale = params.get('scale');
    return { metric: isMetric(metric) ? metric : defaults.metric, scale: isScale(scale) ? scale : defaults.scale };
  }

  /** The view the radios show. */
  private fromForm(): { metric: Metric; scale: ScaleType } {
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

  private render(view: { metric: Metric; scale: ScaleType }, announce: boolean): void {
    const canvas = this.querySelector('.chart-canvas');
    if (!canvas || !this.data) return;
    canvas.innerHTML = campaignScaleChart(this.data, { ...this.options, ...view });
    this.hideTip();
    const status = this.querySelector('[role="status"]');
    if (status && announce) status.textContent = `Showing ${METRIC_WORDS[view.metric]} on a ${view.scale} scale.`;
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
