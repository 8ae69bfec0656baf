/**
 * Synthetic content for the benchmark: the real content/ folder plus N
 * generated events, written to a temporary folder (never under content/).
 * Seeded, so every run builds the same site.
 */
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KINDS = ['disclosure', 'report', 'policy', 'legislation', 'hearing', 'litigation', 'lobbying', 'market'];
const SOURCES = ['flux-tokentoday', 'khalid-senate-letter', 'unsigned-hearing-report', 'nodechev-brief', 'nolan-banking-sanctions'];

/** Mulberry32: a small seeded PRNG. */
function prng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Writes real content plus `n` synthetic events into `dir`; returns the folder. */
export function writeSyntheticContent(root, dir, n, seed = 42) {
  cpSync(join(root, 'content'), dir, { recursive: true });
  const actors = readdirSync(join(root, 'content/actors')).map((f) => f.replace(/\.yaml$/, ''));
  const rand = prng(seed);
  const start = Date.UTC(2025, 0, 1);
  const end = Date.UTC(2026, 5, 26);
  mkdirSync(join(dir, 'events'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const t = start + Math.floor(rand() * (end - start));
    const kind = KINDS[Math.floor(rand() * KINDS.length)];
    const r = rand();
    let date = `"${day(t)}"`;
    let endDate = '';
    if (r < 0.05) date = `"${day(t).slice(0, 7)}"`;
    else if (r < 0.08) endDate = `endDate: "${day(Math.min(end, t + Math.floor(rand() * 30) * 86_400_000))}"\n`;
    const who = [actors[Math.floor(rand() * actors.length)], actors[Math.floor(rand() * actors.length)]];
    const source = SOURCES[Math.floor(rand() * SOURCES.length)];
    writeFileSync(
      join(dir, 'events', `synthetic-${String(i).padStart(5, '0')}.mdx`),
      `---\ntitle: "Synthetic ${kind} event number ${i} for the benchmark"\ndate: ${date}\n${endDate}kind: ${kind}\n` +
        `summary: A generated event used only to measure how the site scales.\nactors: [${[...new Set(who)].join(', ')}]\nsources: [${source}]\n---\n\n` +
        `Generated body text for benchmarking <Cite s="${source}" />.\n`,
    );
  }
  return dir;
}
