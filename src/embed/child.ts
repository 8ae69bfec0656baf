/**
 * Runs inside every embed page. Small enough that Astro inlines it (with a
 * CSP hash), so it also runs in sandbox="allow-scripts" frames, whose opaque
 * origin cannot load module scripts from the host.
 *
 * - ?theme=light|dark|auto sets the colour theme.
 * - The page reports its height to the parent whenever it changes, in three
 *   dialects: ours (read by /embed.js), WordPress's embed message and AMP's
 *   embed-size, so it resizes in those hosts without our loader.
 * - On the timeline embed, ?kinds=a,b hides other kinds and ?from=&to= sets
 *   the range, applied to the server-rendered SVG without re-rendering it.
 */
import { rangeTransform, warpOf } from './range';

const params = new URLSearchParams(location.search);
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;

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
addEventListener('load', report);
report();
