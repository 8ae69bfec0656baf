/**
 * The citation walker: every citation in an entry's data, found by walking it
 * for fields named `sources` (a list of citations) and `source` (one
 * citation), wherever they sit (a campaign's attribution wordings, a claim's
 * positions, an instrument's steps). The integrity checks, "last updated",
 * "Cite this" and the embeds' credit lines all read citations through it.
 */
import { citation } from './story';

/** A cited source id and the field it is cited in ("positions[0].source", "sources[1]"). */
export interface CitedAt {
  field: string;
  source: string;
}

/** Every citation in a value, in the order of its fields, each with its field path. */
export function citationsIn(value: unknown, path = '', out: CitedAt[] = []): CitedAt[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => citationsIn(v, `${path}[${i}]`, out));
    return out;
  }
  if (value === null || typeof value !== 'object') return out;
  for (const [key, v] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (key === 'sources' && Array.isArray(v)) v.forEach((c, i) => out.push({ field: `${field}[${i}]`, source: citation(c).source }));
    else if (key === 'source' && v !== null && (typeof v === 'string' || typeof v === 'object')) out.push({ field, source: citation(v as never).source });
    else citationsIn(v, field, out);
  }
  return out;
}

/** The source ids cited anywhere in a value, each once, in the order first cited. */
export function citedSources(value: unknown): Set<string> {
  return new Set(citationsIn(value).map((c) => c.source));
}

/** The source ids cited anywhere in some values (entries' data), each once, sorted: an embed's credit line. */
export function sourcesIn(values: readonly unknown[]): string[] {
  return [...citedSources(values)].sort();
}
