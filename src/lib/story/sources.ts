/** Source numbering and labels, shared by inline citations and source lists. */
import type { CitationInput } from '../../schemas';
import { type Citation, type Story, citation, getById } from './story';
import { oncePer } from '../util/memo';

/** A source as charts, tables and the tracker cite it: "[2]", linking to the source. */
export interface SourceRef {
  id: string;
  /** e.g. "Awais Khalid". */
  label: string;
  /** Site-wide source number. */
  number: number;
  credits?: string;
  note?: string;
}

/** Resolved, numbered, de-duplicated sources for a list of citations, in source-number order; the first citation of a source keeps its credits and note. */
export function sourceRefs(story: Story, cites: (CitationInput | Citation)[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const c of cites.map(citation)) {
    if (seen.has(c.source)) continue;
    const s = getById(story.sources, c.source, 'source');
    seen.set(c.source, {
      id: s.id,
      label: s.data.label,
      number: sourceNumber(story, s.id),
      ...(c.credits ? { credits: c.credits } : {}),
      ...(c.note ? { note: c.note } : {}),
    });
  }
  return [...seen.values()].sort((a, b) => a.number - b.number);
}

const numbersOf = oncePer(
  (story: Story) => new Map([...story.sources].sort((a, b) => a.data.seedFile.localeCompare(b.data.seedFile)).map((s, i) => [s.id, i + 1])),
);

/** Site-wide number of a source, 1-based, in the order of the seed files. Numbered once per story. */
export function sourceNumber(story: Story, id: string): number {
  const n = numbersOf(story).get(id);
  if (n === undefined) throw new Error(`Unknown source "${id}"`);
  return n;
}

/**
 * "Sources: Kira Nolan [1]; Vera Flux [3], citing Bloomberg." for a chart's
 * credit line, in source-number order. A source's credits are named only when
 * every citation of it carries them (else the line would say the whole chart
 * relays an outlet that only some of its entries do).
 */
export function sourceLine(story: Story, cites: (CitationInput | Citation)[]): string {
  const all = cites.map(citation);
  const refs = sourceRefs(story, all).map((r) =>
    all.every((c) => c.source !== r.id || c.credits === r.credits) ? r : { ...r, credits: undefined },
  );
  return `Source${refs.length > 1 ? 's' : ''}: ${refs.map((r) => `${r.label} [${r.number}]${r.credits ? `, citing ${r.credits}` : ''}`).join('; ')}.`;
}
