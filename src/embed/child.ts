/**
 * Runs inside every embed page. Small enough that Astro inlines it (with a
 * CSP hash), so it also runs in sandbox="allow-scripts" frames, whose opaque
 * origin cannot load module scripts from the host.
 *
 * - ?theme=light|dark|auto sets the colour theme.
 * - The page reports its height to the parent whenever it changes, in three
 *   dialects: ours (read by /embed.js), WordPress's embed message and AMP's
 *   embed-size, so it resizes in those hosts without our loader.
 *   It answers WordPress's `ready` message by sending the height again, as a
 *   frame can load before the host's script.
 * - ?title=0 hides the title visually (the host article has its own headline).
 * - A click on a link never loads the site inside the frame: it opens a new
 *   tab, or, where the sandbox forbids popups (WordPress's allow-scripts
 *   only), asks the host to navigate with WordPress's `link` message.
 * - On the timeline embed, ?kinds=a,b hides other kinds and ?from=&to= sets
 *   the range, applied to the server-rendered SVG without re-rendering it.
 */
import { rangeTransform, warpOf } from './range';

const params = new URLSearchParams(location.search);
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
if (params.get('title') === '0') document.documentElement.classList.add('embed-no-title');

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
// Every artboard of the timeline (one per width; CSS shows the one that fits), each with its own axis range.
const svgs = [...document.querySelectorAll<SVGSVGElement>('.embed-timeline svg.timeline-svg')];
const kinds = params.get('kinds');
const from = params.get('from');
const to = params.get('to');
let ranged = false;
for (const svg of svgs) {
  if (kinds) {
    const keep = new Set(kinds.split(','));
    svg.querySelectorAll<SVGElement>('a.tl-mark, .tl-cluster').forEach((a) => {
      const kind = [...a.classList].find((c) => c.startsWith('kind-'))?.slice(5);
      if (kind && !keep.has(kind)) a.style.display = 'none';
    });
    svg.classList.add('is-filtered');
  }
  const rendered = svg.dataset.domain?.split('/') as [string, string] | undefined;
  const range = svg.dataset.range?.split(',').map(Number) as [number, number] | undefined;
  if (from && to && DAY_RE.test(from) && DAY_RE.test(to) && from <= to && rendered && range) {
    const t = rangeTransform(rendered, from, to, range, warpOf(svg.dataset.break), svg.classList.contains('tl-vertical') ? 'vertical' : 'horizontal');
    svg.querySelectorAll('.tl-zoom, .tl-axis, .tl-asof').forEach((g) => g.setAttribute('transform', t));
    svg.classList.add('is-ranged');
    ranged = true;
  }
}
const note = document.querySelector<HTMLElement>('.embed-range');
if (ranged && note) {
  note.textContent = `Showing ${from} to ${to}.`;
  note.hidden = false;
}

const root = document.querySelector<HTMLElement>('.embed-root') ?? document.body;
const secret = /secret=([\w-]+)/.exec(location.hash)?.[1];
const framed = parent !== window;

// Links: a new tab, or the host's navigation where popups are not allowed.
document.querySelectorAll('a[href]').forEach((a) => {
  a.setAttribute('target', '_blank');
  a.setAttribute('rel', 'noopener');
});
document.addEventListener('click', (event) => {
  const a = (event.target as Element | null)?.closest?.('a[href]');
  if (!framed || !a || event.defaultPrevented || event.button !== 0) return;
  const url = new URL(a.getAttribute('href')!, location.href).href;
  event.preventDefault();
  // WordPress frames (a secret in the address) are sandboxed with allow-scripts only: no popup can open there, and
  // trying logs an error, so ask the host at once. Elsewhere try a new tab and fall back to the message.
  const tab = secret ? null : open(url, '_blank');
  if (tab) {
    try {
      tab.opener = null;
    } catch {
      // A tab on another origin (a popup escaping the sandbox): nothing to cut.
    }
  } else parent.postMessage({ message: 'link', value: url, secret }, '*');
});

let last = 0;
function report(): void {
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (height === last || !height) return;
  last = height;
  parent.postMessage({ type: 'distillation-files:resize', height }, '*');
  // WordPress (wp-embed.js) matches its frame by this secret, passed in the URL hash.
  if (secret) parent.postMessage({ message: 'height', value: height, secret }, '*');
  parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
}
new ResizeObserver(report).observe(root);
addEventListener('message', (event) => {
  const data = event.data as { message?: unknown; secret?: unknown } | null;
  if (event.source !== parent || !data || data.message !== 'ready' || (secret && data.secret !== secret)) return;
  last = 0;
  report();
});
addEventListener('load', report);
report();
