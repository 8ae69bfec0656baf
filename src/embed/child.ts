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
import { rangeTransform } from './range';

const params = new URLSearchParams(location.search);
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const svg = document.querySelector<SVGSVGElement>('.embed-timeline .tl-plot-h svg');
if (svg) {
  const kinds = params.get('kinds');
  if (kinds) {
    const keep = new Set(kinds.split(','));
    svg.querySelectorAll<SVGElement>('a.tl-mark, .tl-cluster').forEach((a) => {
      const kind = [...a.classList].find((c) => c.startsWith('kind-'))?.slice(5);
      if (kind && !keep.has(kind)) a.style.display = 'none';
    });
    svg.classList.add('is-filtered');
  }
  const from = params.get('from');
  const to = params.get('to');
  const rendered = svg.dataset.domain?.split('/') as [string, string] | undefined;
  if (from && to && DAY_RE.test(from) && DAY_RE.test(to) && from <= to && rendered) {
    const t = rangeTransform(rendered, from, to, [150, 944]);
    svg.querySelectorAll('.tl-zoom, .tl-axis, .tl-asof').forEach((g) => g.setAttribute('transform', t));
    svg.classList.add('is-ranged');
    const note = document.querySelector<HTMLElement>('.embed-range');
    if (note) {
      note.textContent = `Showing ${from} to ${to}.`;
      note.hidden = false;
    }
  }
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
