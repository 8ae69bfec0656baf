/**
 * The readability floors (issue 13), measured in a real browser on the built
 * site. Shared by the browser test (tests/e2e/readability.spec.ts), the bench
 * (npm run bench) and the CLI (node scripts/readability.mjs), so the three
 * report the same figures.
 *
 * `probe` runs inside the page (page.evaluate(probe, FLOORS)) and returns plain
 * figures; `breaches` turns them into readable failures. Nothing here is timed.
 */

/** The floors. Text sizes are rendered CSS px: font size × the SVG's screen scale. */
export const FLOORS = {
  /** Any text inside a chart: ticks, notes, keys. */
  chartText: 12,
  /** Direct labels: text naming a mark beside it (SVG text with a class containing "label", or [data-label]). */
  directLabel: 13,
  /** Chart titles (.chart-title, .embed-title). */
  title: 18,
  /** Smallest tap target (WCAG 2.2 AA 2.5.8), links and controls inside charts. */
  tapTarget: 24,
  /** Two text boxes may touch by this much (anti-aliasing, descenders) before they count as overlapping. */
  overlapTolerance: 1.5,
};

/** The widths every page is measured at. */
export const WIDTHS = [320, 390, 640, 1280];

/** Embed height limits (px) by frame width. */
export const EMBED_MAX_HEIGHT = { 640: 800, 390: 1100 };

/**
 * In-page measurement. Charts are every `svg.chart`, every `.chart-figure`
 * and the embed root; hidden artboards (display: none) are skipped.
 * @param {typeof FLOORS} floors
 */
export function probe(floors) {
  const visible = (el) => {
    if (!el.getClientRects().length) return false;
    if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const describe = (el) => {
    const cls = el.getAttribute('class');
    const t = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${cls ? `.${cls.split(/\s+/).join('.')}` : ''} "${t}"`;
  };
  const out = {
    url: location.pathname + location.search,
    width: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    // An embed's height is its content's (what it reports to the host), not the viewport's.
    height: Math.ceil(
      document.querySelector('.embed-root')?.getBoundingClientRect().bottom ?? document.documentElement.scrollHeight,
    ),
    charts: 0,
    minText: Infinity,
    minTextAt: '',
    minLabel: Infinity,
    minLabelAt: '',
    minTitle: Infinity,
    minTitleAt: '',
    overlaps: [],
    ellipses: [],
    smallTargets: [],
  };
  const svgs = [...document.querySelectorAll('svg.chart, svg.stage-bar, .chart-figure svg, .embed-root svg, .timeline svg')].filter(
    (s, i, all) => all.indexOf(s) === i && visible(s) && !s.parentElement?.closest('svg'),
  );
  out.charts = svgs.length;
  for (const svg of svgs) {
    const texts = [...svg.querySelectorAll('text')].filter((t) => visible(t) && (t.textContent || '').trim() !== '');
    const boxes = [];
    for (const t of texts) {
      const ctm = t.getScreenCTM();
      const scale = ctm ? Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c)) : 1;
      const size = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (size < out.minText) {
        out.minText = size;
        out.minTextAt = describe(t);
      }
      const isLabel = /(^|[\s-])(label|tl-label|c-label)/.test(t.getAttribute('class') || '') || t.hasAttribute('data-label');
      if (isLabel && size < out.minLabel) {
        out.minLabel = size;
        out.minLabelAt = describe(t);
      }
      const txt = (t.textContent || '').trim();
      if (/(…|\.\.\.)$/.test(txt)) out.ellipses.push(describe(t));
      // Text split into <tspan> lines is measured per line, else a whole wrapped block is one box.
      const parts = [...t.querySelectorAll('tspan')].filter(visible);
      for (const part of parts.length ? parts : [t]) {
        const r = part.getBoundingClientRect();
        boxes.push({ el: part, r, owner: t });
      }
    }
    const tol = floors.overlapTolerance;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.owner === b.owner && a.el !== a.owner && b.el !== b.owner) continue; // lines of one text element
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > tol && h > tol) out.overlaps.push(`${describe(a.owner)} × ${describe(b.owner)}`);
      }
    }
    for (const a of svg.querySelectorAll('a')) {
      if (!visible(a)) continue;
      const r = a.getBoundingClientRect();
      if (r.width < floors.tapTarget && r.height < floors.tapTarget) out.smallTargets.push(`${describe(a)} ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
    }
  }
  // HTML text inside chart figures and embeds: its own size.
  const htmlScopes = [...document.querySelectorAll('.chart-figure, .embed-root, .timeline')];
  for (const scope of htmlScopes) {
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('svg') || !(n.textContent || '').trim() || !visible(el)) continue;
      if (el.closest('.visually-hidden, .sr-only, [hidden], noscript, details:not([open]) > :not(summary)')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < out.minText) {
        out.minText = size;
        out.minTextAt = describe(el);
      }
    }
  }
  for (const t of document.querySelectorAll('.chart-title, .embed-title')) {
    if (!visible(t)) continue;
    const size = parseFloat(getComputedStyle(t).fontSize);
    if (size < out.minTitle) {
      out.minTitle = size;
      out.minTitleAt = describe(t);
    }
  }
  for (const k of ['minText', 'minLabel', 'minTitle']) if (out[k] === Infinity) out[k] = null;
  for (const k of ['minText', 'minLabel', 'minTitle']) if (out[k] !== null) out[k] = Math.round(out[k] * 100) / 100;
  return out;
}

/**
 * Measures one page at every width in every theme. With JavaScript the page
 * is loaded afresh at each width, so each island's first render is measured;
 * without it, it is loaded once and resized, since only container queries
 * respond. The theme is switched in place (colours change, not geometry, but
 * both are measured as readers see them). Resolves with [{width, theme, m}].
 */
export async function measureAcross(page, url, { js, widths = WIDTHS, themes = ['light', 'dark'] }) {
  const out = [];
  for (const [i, width] of widths.entries()) {
    await page.setViewportSize({ width, height: 900 });
    if (js || i === 0) await page.goto(url, { waitUntil: 'load' });
    for (const theme of themes) {
      await page.emulateMedia({ colorScheme: theme });
      // Islands render on load and on resize: give them two frames. (Without
      // JavaScript the page runs no callbacks, so a frame request would never return.)
      if (js) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      else await page.waitForTimeout(30);
      out.push({ width, theme, m: await page.evaluate(probe, FLOORS) });
    }
  }
  return out;
}

/** True for an embed route (not the previewer), where the height limits apply. */
export const isEmbed = (path) => path.startsWith('/embed/') && path !== '/embed/';

/** The breaches in one probe result, as sentences; [] when it meets every floor. */
export function breaches(m, floors = FLOORS, { embed = false } = {}) {
  const b = [];
  if (m.scrollWidth > m.clientWidth + 1) b.push(`scrolls sideways: ${m.scrollWidth} px of content in ${m.clientWidth} px`);
  if (m.minText !== null && m.minText < floors.chartText - 0.01) b.push(`chart text at ${m.minText} px (< ${floors.chartText}): ${m.minTextAt}`);
  if (m.minLabel !== null && m.minLabel < floors.directLabel - 0.01) b.push(`direct label at ${m.minLabel} px (< ${floors.directLabel}): ${m.minLabelAt}`);
  if (m.minTitle !== null && m.minTitle < floors.title - 0.01) b.push(`chart title at ${m.minTitle} px (< ${floors.title}): ${m.minTitleAt}`);
  for (const o of m.overlaps.slice(0, 5)) b.push(`overlapping text: ${o}`);
  if (m.overlaps.length > 5) b.push(`… and ${m.overlaps.length - 5} more overlaps`);
  for (const e of m.ellipses.slice(0, 5)) b.push(`label cut with an ellipsis: ${e}`);
  for (const t of m.smallTargets.slice(0, 5)) b.push(`tap target under ${floors.tapTarget} px: ${t}`);
  if (embed) {
    const limit = EMBED_MAX_HEIGHT[m.width];
    if (limit && m.height > limit) b.push(`embed is ${m.height} px tall at ${m.width} px (limit ${limit})`);
  }
  return b;
}

/** One line of figures for a probe result. */
export function figuresLine(m) {
  const f = (v) => (v === null ? '–' : String(v));
  return `text ${f(m.minText)} · label ${f(m.minLabel)} · title ${f(m.minTitle)} · overlaps ${m.overlaps.length} · ellipses ${m.ellipses.length} · scroll ${m.scrollWidth}/${m.clientWidth} · height ${m.height}`;
}
